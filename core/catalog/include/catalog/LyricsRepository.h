#pragma once
// Reads a track's lyrics for a caller's visibility and lets the scanner replace them. Safe to
// use from any thread: every call runs on the calling thread's own connection.

#include "base/Result.h"
#include "catalog/Lyrics.h"
#include "catalog/Visibility.h"

#include <QList>

namespace cairn {

class Database;

class LyricsRepository
{
public:
    explicit LyricsRepository(const Database &db) : m_db(db) {}

    // The track's lyrics in the order its tags gave them; empty when it has none, does not
    // exist or lies outside `visibility` (TrackRepository::find tells those apart).
    QList<Lyrics> forTrack(qint64 trackId, const Visibility &visibility) const;

    // Scanner side: the track's lyrics become `lyrics` (an empty list clears them), all or
    // nothing. Joins the caller's WriteTransaction when there is one.
    Outcome write(qint64 trackId, const QList<Lyrics> &lyrics);

private:
    Outcome clear(qint64 trackId);

    const Database &m_db;
};

} // namespace cairn
