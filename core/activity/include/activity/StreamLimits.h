#pragma once
// The operator's limits on streaming and on requests: concurrency (answered with 503 +
// Retry-After beyond them), video sessions per user and requests per client address (429 +
// Retry-After), and bandwidth (applied by pacing writes). 0 means unlimited everywhere.
// The defaults are on: a fresh server already bounds what one account or one address can ask.

#include <QtGlobal>

namespace cairn {

struct StreamLimits
{
    int maxStreams = 0;                   // concurrent counted streams, all users together
    // Concurrent counted streams of one user. Eight: a household's phone, laptop and two TVs
    // each with a stream and a download, well below what one account can exhaust a server with.
    int maxStreamsPerUser = 8;
    // Open HLS sessions of one user (each is also one of their streams). Four: a second TV and
    // a phone still play; a client opening sessions in a loop ends or is refused at four.
    int maxHlsSessionsPerUser = 4;
    qint64 totalBytesPerSecond = 0;       // all counted streams together
    qint64 streamBytesPerSecond = 0;      // default cap of each new stream
    int retryAfterSeconds = 30;           // told to refused clients
    // API requests (/api/…, /rest/…) per second from one client address, sustained, and how
    // many may come at once after a quiet moment. A web page's burst of calls or a Subsonic
    // app's sync stays below; a loop firing requests does not. Media requests (streams,
    // covers, segments) have a bucket of their own, four times as large (see RequestRateLimit).
    int requestsPerSecond = 50;
    int requestBurst = 200;

    friend bool operator==(const StreamLimits &, const StreamLimits &) = default;
};

} // namespace cairn
