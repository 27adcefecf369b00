#pragma once
// Finished streams in the catalog (migration 006): recording, retention, the most recent
// ones and the most played tracks. Safe from any thread (each uses its own connection). A
// finished stream's row may also be written later, off the streaming thread (Deferred).

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

    // The same two writes for the thread ending a stream, which should not wait on the disk (nor
    // on a scan holding the write lock): record() hands the row to the catalog's writer thread
    // (Database::defer; false when its queue is full) and leaves the stream's id at 0; prune()
    // applies the retention there only now and then, after every kPruneEvery rows recorded so
    // or once kPruneIntervalMs passed, so the table may run a little over `maxRows` meanwhile.
    // The readers above wait for the rows handed over before them.
    class Deferred
    {
    public:
        explicit Deferred(const Database &db) : m_db(db) {}
        bool record(const FinishedStream &stream);
        void prune(int maxRows, int maxDays);

    private:
        const Database &m_db;
    };
    static constexpr int kPruneEvery = 256;
    static constexpr qint64 kPruneIntervalMs = 60 * 1000;

private:
    bool insert(const FinishedStream &stream, qint64 *id);

    const Database &m_db;
};

} // namespace cairn
