#pragma once
// Requests per second from one client address on the API (/api/…, /rest/…): a token bucket
// per address, refilled at the sustained rate up to the burst, one token per request. Media
// requests (streams, downloads, transcodes, covers, thumbnails, HLS playlists and segments)
// draw from a second bucket of the same address, four times as large, so a grid of covers or
// a player's segments never starve the calls of the page around them, and a flood of either
// still stops. The client address follows the proxy rules of ClientAddress.h.
//
// Not counted: loopback clients (this computer: the desktop app, scripts, a reverse proxy that
// is not listed as trusted — list it, and its clients are counted one by one), and everything
// outside /api and /rest (the web app's files, /health, /metrics). Administrators are counted
// like everyone: the limit is decided before authentication, so a flood of bad credentials
// costs no credential checks. Thread-safe; every HTTP worker asks the same instance.

#include "http/auth/ClientAddress.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

#include <optional>

namespace cairn {

struct Route;

class RequestRateLimit
{
public:
    enum class Bucket { Api, Media };

    explicit RequestRateLimit(TrustedProxies trusted = {});

    // Sustained requests per second and burst per address for API calls (0 = unlimited);
    // media requests get four times both.
    void setRate(int perSecond, int burst);

    // Counts the request. Empty when it may go on; else the whole seconds (≥ 1) until the
    // client's bucket holds a token again, for Retry-After.
    std::optional<int> admit(const Route &route, const HttpRequest &request);
    // The same for a known address and bucket at `nowMs` (a monotonic clock; for tests).
    std::optional<int> admit(const QHostAddress &client, Bucket bucket, qint64 nowMs);

    // Which bucket a request draws from; empty for requests that are not counted.
    static std::optional<Bucket> bucketOf(const Route &route, const HttpRequest &request);

private:
    struct Tokens
    {
        double available = 0;
        qint64 atMs = 0;
    };
    struct Buckets
    {
        Tokens api;
        Tokens media;
    };
    void pruneLocked(qint64 nowMs);

    const TrustedProxies m_trusted;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    double m_perSecond = 0;
    double m_burst = 0;
    QHash<QByteArray, Buckets> m_clients;   // by the address's 16 bytes (IPv4 mapped)
    qint64 m_prunedAtMs = 0;
};

} // namespace cairn
