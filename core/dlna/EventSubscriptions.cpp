#include "dlna/EventSubscriptions.h"

#include "dlna/DlnaDevice.h"

#include <QMutexLocker>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {
namespace {

constexpr int kMaxCallbacks = 4;
constexpr int kMaxCallbackLength = 1024;

bool sameAddress(const QHostAddress &a, const QHostAddress &b)
{
    return a.isEqual(b, QHostAddress::TolerantConversion);
}

} // namespace

QList<QUrl> parseCallbacks(const QByteArray &header, const QHostAddress &subscriber)
{
    QList<QUrl> urls;
    QByteArray rest = header.trimmed();
    if (rest.isEmpty() || rest.size() > kMaxCallbacks * kMaxCallbackLength)
        return {};
    while (!rest.isEmpty()) {
        if (!rest.startsWith('<'))
            return {};
        const qsizetype end = rest.indexOf('>');
        if (end < 0 || urls.size() == kMaxCallbacks)
            return {};
        const QByteArray text = rest.mid(1, end - 1);
        rest = rest.mid(end + 1).trimmed();
        const QUrl url(QString::fromLatin1(text), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != u"http"_s || !url.userInfo().isEmpty())
            return {};
        // The host must be the subscriber's own address, written as an IP literal: a name
        // could resolve anywhere, and any other address is how CallStranger reached victims.
        const QByteArray authority = url.authority(QUrl::FullyEncoded).toLatin1();
        const QHostAddress host = hostLiteral(authority);
        if (host.isNull() || !sameAddress(host, subscriber))
            return {};
        urls << url;
    }
    return urls;
}

EventSubscriptions::EventSubscriptions(Clock clock) : m_clock(std::move(clock))
{
}

qint64 EventSubscriptions::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

int EventSubscriptions::boundedTimeout(const QByteArray &timeout)
{
    const QByteArray value = timeout.trimmed().toLower();
    if (value.startsWith("second-")) {
        bool ok = false;
        const qint64 seconds = value.mid(7).toLongLong(&ok);
        if (ok)
            return int(std::clamp<qint64>(seconds, kMinTimeoutSeconds, kMaxTimeoutSeconds));
    }
    return kMaxTimeoutSeconds;   // absent, "infinite" or unreadable: the longest we grant
}

void EventSubscriptions::dropExpired(qint64 now)
{
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end();) {
        if (it->expiresAtMs <= now)
            it = m_subscriptions.erase(it);
        else
            ++it;
    }
}

std::variant<Subscription, SubscribeRefusal> EventSubscriptions::subscribe(const QString &service,
                                                                           const QByteArray &callback,
                                                                           const QByteArray &nt,
                                                                           const QByteArray &timeout,
                                                                           const QHostAddress &subscriber)
{
    if (nt.trimmed() != "upnp:event")
        return SubscribeRefusal{412, u"NT must be upnp:event"_s};
    const QList<QUrl> callbacks = parseCallbacks(callback, subscriber);
    if (callbacks.isEmpty())
        return SubscribeRefusal{412, u"CALLBACK must be http URLs to the subscriber's own address"_s};
    const QMutexLocker lock(&m_mutex);
    const qint64 t = now();
    dropExpired(t);
    if (m_subscriptions.size() >= kMaxSubscriptions)
        return SubscribeRefusal{503, u"too many subscriptions"_s};
    int ofSubscriber = 0;
    for (const Subscription &s : std::as_const(m_subscriptions))
        ofSubscriber += sameAddress(s.subscriber, subscriber) ? 1 : 0;
    if (ofSubscriber >= kMaxPerSubscriber)
        return SubscribeRefusal{503, u"too many subscriptions from this address"_s};
    Subscription s;
    s.sid = u"uuid:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.service = service;
    s.callbacks = callbacks;
    s.subscriber = subscriber;
    s.timeoutSeconds = boundedTimeout(timeout);
    s.expiresAtMs = t + qint64(s.timeoutSeconds) * 1000;
    m_subscriptions.insert(s.sid, s);
    return s;
}

std::variant<Subscription, SubscribeRefusal> EventSubscriptions::renew(const QString &service, const QByteArray &sid,
                                                                       const QByteArray &timeout,
                                                                       const QHostAddress &subscriber)
{
    const QMutexLocker lock(&m_mutex);
    const qint64 t = now();
    dropExpired(t);
    const auto it = m_subscriptions.find(QString::fromLatin1(sid.trimmed()));
    if (it == m_subscriptions.end() || it->service != service || !sameAddress(it->subscriber, subscriber))
        return SubscribeRefusal{412, u"no such subscription"_s};
    it->timeoutSeconds = boundedTimeout(timeout);
    it->expiresAtMs = t + qint64(it->timeoutSeconds) * 1000;
    return *it;
}

bool EventSubscriptions::unsubscribe(const QString &service, const QByteArray &sid, const QHostAddress &subscriber)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_subscriptions.find(QString::fromLatin1(sid.trimmed()));
    if (it == m_subscriptions.end() || it->service != service || !sameAddress(it->subscriber, subscriber))
        return false;
    m_subscriptions.erase(it);
    return true;
}

QList<Subscription> EventSubscriptions::takeEventTargets(const QString &service)
{
    const QMutexLocker lock(&m_mutex);
    dropExpired(now());
    QList<Subscription> targets;
    for (Subscription &s : m_subscriptions) {
        if (s.service != service || s.nextSeq == 0)
            continue;   // a subscription still waiting for its initial event gets the news in it
        targets << s;
        // SEQ wraps to 1: 0 belongs to the initial event only.
        s.nextSeq = s.nextSeq == 0xffffffffu ? 1 : s.nextSeq + 1;
    }
    return targets;
}

std::optional<Subscription> EventSubscriptions::takeInitialTarget(const QString &sid)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_subscriptions.find(sid);
    if (it == m_subscriptions.end() || it->nextSeq != 0)
        return std::nullopt;
    Subscription s = *it;
    it->nextSeq = 1;
    return s;
}

int EventSubscriptions::count() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_subscriptions.size());
}

} // namespace cairn::dlna
