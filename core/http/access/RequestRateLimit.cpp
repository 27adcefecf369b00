#include "http/auth/RequestRateLimit.h"

#include "http/Router.h"

#include <QSet>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr double kMediaFactor = 4.0;
// Addresses remembered before the full buckets (clients quiet long enough) are forgotten.
constexpr qsizetype kPruneAbove = 4096;
constexpr qint64 kPruneEveryMs = 1000;

// The last segment of the route's pattern for media under /api.
const QSet<QString> &apiMediaEnds()
{
    static const QSet<QString> ends{u"stream"_s,    u"download"_s,   u"transcode"_s, u"art"_s,
                                    u"thumbnail"_s, u"thumbnails"_s, u"sprite"_s,    u"preview"_s};
    return ends;
}

const QSet<QString> &subsonicMediaMethods()
{
    static const QSet<QString> methods{u"stream"_s, u"download"_s, u"getCoverArt"_s};
    return methods;
}

QByteArray addressKey(const QHostAddress &address)
{
    const Q_IPV6ADDR bytes = address.toIPv6Address();   // IPv4 comes mapped (::ffff:a.b.c.d)
    return QByteArray(reinterpret_cast<const char *>(bytes.c), 16);
}

bool isLoopback(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);   // also ::ffff:127.x.y.z
    return ok ? (v4 >> 24) == 127 : address.isLoopback();
}

} // namespace

RequestRateLimit::RequestRateLimit(TrustedProxies trusted) : m_trusted(std::move(trusted))
{
    m_clock.start();
}

void RequestRateLimit::setRate(int perSecond, int burst)
{
    QMutexLocker lock(&m_mutex);
    m_perSecond = qMax(0, perSecond);
    m_burst = qMax(1, burst);
}

std::optional<RequestRateLimit::Bucket> RequestRateLimit::bucketOf(const Route &route, const HttpRequest &request)
{
    if (route.parts.isEmpty())
        return std::nullopt;
    const QString &area = route.parts.constFirst();
    if (area == u"rest"_s) {
        QString method = request.segments.value(1);
        if (method.endsWith(u".view"_s))
            method.chop(5);
        return subsonicMediaMethods().contains(method) ? Bucket::Media : Bucket::Api;
    }
    if (area != u"api"_s)
        return std::nullopt;
    if (route.parts.contains(u"hls"_s) || apiMediaEnds().contains(route.parts.constLast()))
        return Bucket::Media;
    return Bucket::Api;
}

std::optional<int> RequestRateLimit::admit(const Route &route, const HttpRequest &request)
{
    const auto bucket = bucketOf(route, request);
    if (!bucket)
        return std::nullopt;
    const QHostAddress client = clientAddress(request, m_trusted);
    if (isLoopback(client))
        return std::nullopt;
    return admit(client, *bucket, m_clock.elapsed());
}

std::optional<int> RequestRateLimit::admit(const QHostAddress &client, Bucket bucket, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_perSecond <= 0)
        return std::nullopt;
    const double factor = bucket == Bucket::Media ? kMediaFactor : 1.0;
    const double rate = m_perSecond * factor;
    const double capacity = m_burst * factor;
    pruneLocked(nowMs);
    const QByteArray key = addressKey(client);
    auto it = m_clients.find(key);
    if (it == m_clients.end())   // a new client starts with full buckets
        it = m_clients.insert(key, {{m_burst, nowMs}, {m_burst * kMediaFactor, nowMs}});
    Tokens &tokens = bucket == Bucket::Media ? it->media : it->api;
    tokens.available = qMin(capacity, tokens.available + double(nowMs - tokens.atMs) * rate / 1000.0);
    tokens.atMs = nowMs;
    if (tokens.available >= 1.0) {
        tokens.available -= 1.0;
        return std::nullopt;
    }
    return qMax(1, int(std::ceil((1.0 - tokens.available) / rate)));
}

void RequestRateLimit::pruneLocked(qint64 nowMs)
{
    if (m_clients.size() <= kPruneAbove || nowMs - m_prunedAtMs < kPruneEveryMs)
        return;
    m_prunedAtMs = nowMs;
    // A client whose buckets have refilled is the same as one never seen.
    const qint64 refillMs = qint64(std::ceil(m_burst / m_perSecond * 1000.0));
    m_clients.removeIf([&](const auto &entry) {
        const Buckets &b = entry.value();
        return nowMs - b.api.atMs >= refillMs && nowMs - b.media.atMs >= refillMs;
    });
}

} // namespace cairn
