#pragma once
// Each user's plays of tracks: how often and when last (OpenSubsonic scrobble with submission).
// Read them with AnnotationRepository; album lists order by them (FrequentlyPlayed, RecentlyPlayed).

#include "base/Result.h"

namespace cairn {

class Database;

class PlayRepository
{
public:
    explicit PlayRepository(const Database &db) : m_db(db) {}

    // Counts one play of the track at `atSecs` (unix seconds). The last play stays the latest
    // one: clients submit plays made offline late and out of order. NotFound for an unknown track.
    Outcome recordPlay(qint64 userId, qint64 trackId, qint64 atSecs);

private:
    const Database &m_db;
};

} // namespace cairn
