#pragma once
// The operator's limits on streaming: concurrency (answered with 503 + Retry-After beyond
// them) and bandwidth (applied by pacing writes). 0 means unlimited everywhere.

#include <QtGlobal>

namespace cairn {

struct StreamLimits
{
    int maxStreams = 0;                   // concurrent counted streams, all users together
    int maxStreamsPerUser = 0;            // concurrent counted streams of one user
    qint64 totalBytesPerSecond = 0;       // all counted streams together
    qint64 streamBytesPerSecond = 0;      // default cap of each new stream
    int retryAfterSeconds = 30;           // told to refused clients

    friend bool operator==(const StreamLimits &, const StreamLimits &) = default;
};

} // namespace cairn
