#pragma once
// Each user's one saved play queue (OpenSubsonic savePlayQueue, getPlayQueue).

#include "base/Result.h"
#include "catalog/PlayQueue.h"
#include "catalog/Visibility.h"

#include <optional>

namespace cairn {

class Database;

class PlayQueueRepository
{
public:
    explicit PlayQueueRepository(const Database &db) : m_db(db) {}

    // Replaces the user's queue with `queue` (its changedAt: when, in unix seconds); an empty
    // trackIds clears it. InvalidInput when currentTrackId is neither 0 nor one of trackIds or
    // positionMs is negative; NotFound ("no such track") for a track `visibility` does not allow.
    Outcome save(qint64 userId, const PlayQueue &queue, const Visibility &visibility);
    // The saved queue limited to the tracks `visibility` allows (a current track left out becomes
    // 0, its position too); nullopt when the user has none.
    std::optional<PlayQueue> load(qint64 userId, const Visibility &visibility) const;

private:
    const Database &m_db;
};

} // namespace cairn
