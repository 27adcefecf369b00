#pragma once
// UPnP eventing (GENA) subscriptions of control points to the media server's services.
// Bounded in count and lifetime, and a callback may only point back at the subscriber itself:
// CallStranger (CVE-2020-12695) used SUBSCRIBE callbacks to make UPnP devices send traffic to
// any host. Thread-safe.

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>
#include <variant>

namespace cairn::dlna {

struct Subscription
{
    QString sid;              // "uuid:…"
    QString service;          // "cds", "cms", "mrr"
    QList<QUrl> callbacks;
    QHostAddress subscriber;
    qint64 expiresAtMs = 0;   // since the epoch
    int timeoutSeconds = 0;
    quint32 nextSeq = 0;      // the SEQ of the next event (0 = the initial one)
};

// What a refused SUBSCRIBE answers: 412 for a bad or foreign callback, an unknown SID or a
// missing NT; 400 for headers that contradict each other; 503 when too many are open.
struct SubscribeRefusal
{
    int status = 412;
    QString reason;
};

class EventSubscriptions
{
public:
    static constexpr int kMaxSubscriptions = 64;
    static constexpr int kMaxPerSubscriber = 8;
    static constexpr int kMinTimeoutSeconds = 60;
    static constexpr int kMaxTimeoutSeconds = 1800;

    using Clock = std::function<qint64()>;   // ms since the epoch
    explicit EventSubscriptions(Clock clock = {});

    // A new subscription from the SUBSCRIBE headers CALLBACK ("<http://…><http://…>"), NT and
    // TIMEOUT ("Second-N" / "infinite"), made by `subscriber`.
    std::variant<Subscription, SubscribeRefusal> subscribe(const QString &service, const QByteArray &callback,
                                                           const QByteArray &nt, const QByteArray &timeout,
                                                           const QHostAddress &subscriber);
    // A renewal: SID and TIMEOUT, from the same subscriber.
    std::variant<Subscription, SubscribeRefusal> renew(const QString &service, const QByteArray &sid,
                                                       const QByteArray &timeout, const QHostAddress &subscriber);
    bool unsubscribe(const QString &service, const QByteArray &sid, const QHostAddress &subscriber);

    // The live subscriptions to `service`, each with the SEQ its next event carries (advanced).
    QList<Subscription> takeEventTargets(const QString &service);
    // The initial event's target for a new subscription (SEQ 0); none when it is gone.
    std::optional<Subscription> takeInitialTarget(const QString &sid);
    int count() const;

    // "Second-1800", bounded; what a TIMEOUT header asks for ("infinite" = the maximum).
    static int boundedTimeout(const QByteArray &timeout);

private:
    void dropExpired(qint64 now);
    qint64 now() const;

    Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Subscription> m_subscriptions;   // by sid
};

// Callback URLs from a CALLBACK header: each in <>, http only, the host an IP literal equal to
// `subscriber`. Empty when any of them fails (then nothing is subscribed).
QList<QUrl> parseCallbacks(const QByteArray &header, const QHostAddress &subscriber);

} // namespace cairn::dlna
