#pragma once
// Finished streams in the catalog (migration 006): recording, retention, the most recent
// ones and the most played tracks. Safe from any thread (each uses its own connection).

#include "activity/StreamSnapshot.h"

#include <QList>

namespace cairn {

class Database;

struct PlayCount
{
    qint64 trackId = 0;
    QString title;
    int plays = 0;
};

class StreamHistory
{
public:
    explicit StreamHistory(const Database &db) : m_db(db) {}

    // Stores the stream and sets its id; false on a database error.
    bool record(FinishedStream &stream);
    // Keeps at most `maxRows` rows and none older than `maxDays` days (0 = no such limit).
    void prune(int maxRows, int maxDays);
    // Newest first.
    QList<FinishedStream> recent(int limit = 100) const;
    // Tracks by number of plays (downloads excluded), most first.
    QList<PlayCount> mostPlayed(int limit = 20) const;
    qint64 count() const;

private:
    const Database &m_db;
};

} // namespace cairn
