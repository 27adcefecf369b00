#pragma once
// SSDP for the media server: announces it on the LAN (NOTIFY alive/byebye to 239.255.255.250:1900)
// and answers control points' M-SEARCH, unicast, after the random delay the spec asks for.
// Lives on its own thread (the owner moves it there); every wait is a timer, nothing blocks.

#include "dlna/DeviceIdentity.h"
#include "dlna/LanInterfaces.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkDatagram;
class QTimer;
class QUdpSocket;
QT_END_NAMESPACE

namespace cairn::dlna {

class SsdpAnswerQueue;
struct SsdpSearch;
struct SsdpTarget;

struct SsdpConfig
{
    DeviceIdentity identity;
    quint16 httpPort = 0;
    QString descriptionPath = QStringLiteral("/dlna/description.xml");
    QStringList interfaces;      // names or addresses; empty = every non-loopback LAN interface
    int maxAgeSeconds = 1800;    // clamped to [60, 86400]
};

class SsdpServer : public QObject
{
    Q_OBJECT
public:
    explicit SsdpServer(SsdpConfig config, QObject *parent = nullptr);
    ~SsdpServer() override;   // sends byebye if still running

public Q_SLOTS:
    void start();   // binds UDP 1900 (shared, reuse), joins 239.255.255.250 on each interface, NOTIFY alive ×2
    void stop();    // byebye for every advertised NT on every interface, leaves the group

Q_SIGNALS:
    void started(QStringList interfaceNames);   // or failed(QString message)
    void failed(QString message);

private:
    void readDatagrams();
    void handleDatagram(const QNetworkDatagram &datagram);
    void answer(const SsdpSearch &search, const QNetworkDatagram &datagram);
    void sendDueAnswers();
    void armAnswerTimer();
    void refreshInterfaces();
    QList<LanInterface> joinNew(const QList<LanInterface> &current);
    void announce(const QList<LanInterface> &on);
    void announceAgainSoon(const QList<LanInterface> &on);
    void announceAll();
    void armAnnounceTimer();
    void sendByebye();
    bool sendToGroup(const LanInterface &iface, const QByteArray &datagram);
    QByteArray location(const QHostAddress &address) const;
    QHostAddress localAddressFor(const QHostAddress &peer, int arrivalIndex) const;
    QList<LanInterface> announcedInterfaces() const;

    SsdpConfig m_config;
    QList<SsdpTarget> m_targets;
    QByteArray m_serverToken;
    QUdpSocket *m_socket = nullptr;
    QTimer *m_answerTimer;
    QTimer *m_announceTimer;
    QTimer *m_repeatTimer;
    QTimer *m_pollTimer;
    std::unique_ptr<SsdpAnswerQueue> m_answers;
    QElapsedTimer m_clock;
    QList<LanInterface> m_interfaces;   // enabled now (every IPv4 address of each)
    QHash<int, QHostAddress> m_joined;  // interface index → the address it was announced with
    QList<LanInterface> m_repeatOn;     // interfaces whose alive notices go out once more
    qsizetype m_droppedSearches = 0;    // since the answer queue was last full, for one log line
    bool m_joinFailedBefore = false;    // a failing join is logged once, not at every poll
};

} // namespace cairn::dlna
