#pragma once
// Sends GENA NOTIFY messages (the state variables of a service) to subscribed control points.
// Lives on the DLNA thread; every send is asynchronous, bounded in time and in number, so a
// control point that never answers costs a socket for a few seconds and nothing more.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

namespace cairn::dlna {

class EventSubscriptions;

// <e:propertyset> with one <e:property> per variable, values escaped.
QByteArray propertySet(const QList<QPair<QString, QString>> &variables);

class EventNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxInFlight = 32;
    static constexpr int kTimeoutMs = 5000;

    explicit EventNotifier(EventSubscriptions &subscriptions, QObject *parent = nullptr);

public Q_SLOTS:
    // The initial event of a new subscription (SEQ 0); sent a moment later, after the SUBSCRIBE
    // answer has gone out, as UPnP requires.
    void sendInitial(const QString &sid, const QByteArray &body);
    // The same variables to every subscriber of `service`.
    void sendToAll(const QString &service, const QByteArray &body);

Q_SIGNALS:
    // For tests and logs: one NOTIFY was answered (status) or failed (0).
    void delivered(const QUrl &callback, int status);

private:
    void send(const QUrl &callback, const QString &sid, quint32 seq, const QByteArray &body);

    EventSubscriptions &m_subscriptions;
    int m_inFlight = 0;
};

} // namespace cairn::dlna
