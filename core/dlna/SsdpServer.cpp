#include "dlna/SsdpServer.h"

#include "DlnaLog.h"
#include "SsdpAnswerQueue.h"
#include "SsdpNotices.h"
#include "SsdpSearch.h"
#include "SsdpTargets.h"

#include <QDateTime>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>

namespace cairn::dlna {

namespace {

// One line per datagram is too much for the default log (a LAN full of TVs searches every few
// seconds, and anyone on it can flood): off unless asked for with cairn.dlna.ssdp.debug=true.
Q_LOGGING_CATEGORY(lcSsdpTraffic, "cairn.dlna.ssdp", QtInfoMsg)

constexpr int interfacePollMs = 10'000;
// The second alive round repeats the first after a short gap: UDP loses datagrams.
constexpr int repeatGapMinMs = 300;
constexpr int repeatGapMaxMs = 800;
constexpr qsizetype maxPendingAnswers = 200;

const QHostAddress &groupAddress()
{
    static const QHostAddress group{QString::fromLatin1(ssdpGroupAddress)};
    return group;
}

int randomBetween(int low, int high)
{
    return low + int(QRandomGenerator::global()->bounded(quint32(high - low + 1)));
}

bool isMulticastSearch(const QNetworkDatagram &datagram, const SsdpMessage &message)
{
    const QHostAddress destination = datagram.destinationAddress();
    if (!destination.isNull())
        return destination.isEqual(groupAddress(), QHostAddress::ConvertV4MappedToIPv4);
    // Where the platform does not tell the destination, the HOST header does.
    return message.header("HOST").startsWith(ssdpGroupAddress);
}

} // namespace

SsdpServer::SsdpServer(SsdpConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_targets(advertisedTargets(m_config.identity.uuid))
    , m_serverToken(DeviceIdentity::serverToken())
    , m_answerTimer(new QTimer(this))
    , m_announceTimer(new QTimer(this))
    , m_repeatTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
    , m_answers(std::make_unique<SsdpAnswerQueue>(maxPendingAnswers))
{
    m_config.maxAgeSeconds = std::clamp(m_config.maxAgeSeconds, 60, 86400);
    m_clock.start();
    m_answerTimer->setSingleShot(true);
    m_announceTimer->setSingleShot(true);
    m_repeatTimer->setSingleShot(true);
    m_pollTimer->setInterval(interfacePollMs);
    connect(m_answerTimer, &QTimer::timeout, this, &SsdpServer::sendDueAnswers);
    connect(m_announceTimer, &QTimer::timeout, this, &SsdpServer::announceAll);
    connect(m_repeatTimer, &QTimer::timeout, this, [this] { announce(std::exchange(m_repeatOn, {})); });
    connect(m_pollTimer, &QTimer::timeout, this, &SsdpServer::refreshInterfaces);
}

SsdpServer::~SsdpServer()
{
    stop();
}

void SsdpServer::start()
{
    if (m_socket)
        return;
    auto *socket = new QUdpSocket(this);
    if (!socket->bind(QHostAddress::AnyIPv4, ssdpPort, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        const QString reason = socket->errorString();
        delete socket;
        qCWarning(lcDlna) << "SSDP: cannot bind UDP port" << ssdpPort << reason;
        Q_EMIT failed(tr("DLNA discovery cannot listen on UDP port %1: %2. Another DLNA or UPnP server may hold "
                         "the port exclusively; stop it or disable DLNA here.")
                          .arg(ssdpPort)
                          .arg(reason));
        return;
    }
    m_socket = socket;
    // TTL 2 is what UDA asks for: the LAN, never beyond the next router.
    m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, 2);
    // Control points on this very machine (and the tests) hear our notices.
    m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    connect(m_socket, &QUdpSocket::readyRead, this, &SsdpServer::readDatagrams);

    m_interfaces = lanInterfaces(m_config.interfaces);
    const QList<LanInterface> joined = joinNew(m_interfaces);
    announce(joined);
    announceAgainSoon(joined);
    armAnnounceTimer();
    m_pollTimer->start();

    QStringList names;
    for (const LanInterface &iface : joined)
        names.append(iface.name);
    if (names.isEmpty())
        qCWarning(lcDlna) << "SSDP: no interface to announce on yet; looking again every" << interfacePollMs / 1000
                          << "s";
    else
        qCInfo(lcDlna) << "SSDP: announcing" << m_config.identity.udn() << "on" << names;
    Q_EMIT started(names);
}

void SsdpServer::stop()
{
    if (!m_socket)
        return;
    sendByebye();
    for (const LanInterface &iface : announcedInterfaces())
        m_socket->leaveMulticastGroup(groupAddress(), QNetworkInterface::interfaceFromIndex(iface.index));
    m_answerTimer->stop();
    m_announceTimer->stop();
    m_repeatTimer->stop();
    m_pollTimer->stop();
    m_answers->clear();
    m_repeatOn.clear();
    m_joined.clear();
    m_droppedSearches = 0;
    m_joinFailedBefore = false;
    m_interfaces.clear();
    m_socket->close();
    delete std::exchange(m_socket, nullptr);
    qCInfo(lcDlna) << "SSDP: stopped";
}

void SsdpServer::readDatagrams()
{
    while (m_socket && m_socket->hasPendingDatagrams()) {
        // One byte more than allowed tells an oversized datagram from one that just fits.
        const QNetworkDatagram datagram = m_socket->receiveDatagram(SsdpMessage::maxDatagramSize + 1);
        if (datagram.isValid() && datagram.data().size() <= SsdpMessage::maxDatagramSize)
            handleDatagram(datagram);
    }
}

void SsdpServer::handleDatagram(const QNetworkDatagram &datagram)
{
    const auto message = SsdpMessage::parse(datagram.data());
    if (!message || message->kind() != SsdpMessage::Kind::Search)
        return;
    if (datagram.senderPort() <= 0 || !isOnLan(datagram.senderAddress(), m_interfaces)) {
        qCDebug(lcSsdpTraffic) << "SSDP: ignoring M-SEARCH from" << datagram.senderAddress()
                               << "(not on an enabled LAN)";
        return;
    }
    const auto search = SsdpSearch::from(*message, isMulticastSearch(datagram, *message));
    if (!search) {
        qCDebug(lcSsdpTraffic) << "SSDP: ignoring an invalid M-SEARCH from" << datagram.senderAddress();
        return;
    }
    answer(*search, datagram);
}

void SsdpServer::answer(const SsdpSearch &search, const QNetworkDatagram &datagram)
{
    const QList<SsdpTarget> matches = targetsMatching(search.target, m_targets);
    if (matches.isEmpty())
        return;
    if (m_answers->size() + matches.size() > m_answers->capacity()) {
        if (m_droppedSearches++ == 0)
            qCWarning(lcDlna) << "SSDP:" << m_answers->size() << "answers are waiting; ignoring M-SEARCH until they"
                              << "are sent (latest from" << datagram.senderAddress() << ")";
        return;
    }
    const QHostAddress local = localAddressFor(datagram.senderAddress(), datagram.interfaceIndex());
    const SsdpOrigin origin{location(local), m_serverToken, m_config.maxAgeSeconds};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = m_clock.elapsed();
    for (const SsdpTarget &target : matches) {
        const qint64 due = nowMs + randomBetween(0, search.maxWaitSeconds * 1000);
        m_answers->add(due, {searchAnswer(target, origin, now).toDatagram(), datagram.senderAddress(),
                             quint16(datagram.senderPort())});
    }
    qCDebug(lcSsdpTraffic) << "SSDP: M-SEARCH" << search.target << "from" << datagram.senderAddress() << "→"
                           << matches.size() << "answers";
    armAnswerTimer();
}

void SsdpServer::sendDueAnswers()
{
    if (!m_socket)
        return;
    const QList<SsdpAnswer> due = m_answers->takeDue(m_clock.elapsed());
    for (const SsdpAnswer &answer : due) {
        if (m_socket->writeDatagram(answer.datagram, answer.peer, answer.port) < 0)
            qCDebug(lcSsdpTraffic) << "SSDP: answer to" << answer.peer << "not sent:" << m_socket->errorString();
    }
    if (m_answers->size() == 0 && m_droppedSearches > 0) {
        qCInfo(lcDlna) << "SSDP: ignored" << m_droppedSearches << "M-SEARCH while the answer queue was full";
        m_droppedSearches = 0;
    }
    armAnswerTimer();
}

void SsdpServer::armAnswerTimer()
{
    const qint64 next = m_answers->nextDueMs();
    if (next < 0) {
        m_answerTimer->stop();
        return;
    }
    m_answerTimer->start(int(std::max<qint64>(0, next - m_clock.elapsed())));
}

void SsdpServer::refreshInterfaces()
{
    m_interfaces = lanInterfaces(m_config.interfaces);
    QSet<int> present;
    for (const LanInterface &iface : std::as_const(m_interfaces))
        present.insert(iface.index);
    // An interface that went away is left explicitly (it may only be down, keeping the
    // membership) and forgotten, so that its return is joined and announced again.
    for (auto it = m_joined.begin(); it != m_joined.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        m_socket->leaveMulticastGroup(groupAddress(), QNetworkInterface::interfaceFromIndex(it.key()));
        it = m_joined.erase(it);
    }
    const QList<LanInterface> fresh = joinNew(m_interfaces);
    if (fresh.isEmpty())
        return;
    for (const LanInterface &iface : fresh)
        qCInfo(lcDlna) << "SSDP: interface" << iface.name << iface.address << "appeared; announcing there";
    announce(fresh);
    announceAgainSoon(fresh);
}

// Interfaces to announce on now: those that joined the group just now, and those whose address
// changed (a new DHCP lease: LOCATION changes with it).
QList<LanInterface> SsdpServer::joinNew(const QList<LanInterface> &current)
{
    QList<LanInterface> fresh;
    QSet<int> seen;
    for (const LanInterface &iface : current) {
        if (seen.contains(iface.index))
            continue;   // a second address of an interface already handled
        seen.insert(iface.index);
        const auto known = m_joined.constFind(iface.index);
        if (known != m_joined.constEnd()) {
            if (*known != iface.address) {
                m_joined[iface.index] = iface.address;
                fresh.append(iface);
            }
            continue;
        }
        const QNetworkInterface network = QNetworkInterface::interfaceFromIndex(iface.index);
        if (!m_socket->joinMulticastGroup(groupAddress(), network)) {
            // Tried again at every poll; said once.
            if (!std::exchange(m_joinFailedBefore, true))
                qCWarning(lcDlna) << "SSDP: cannot join" << ssdpGroupAddress << "on" << iface.name << ":"
                                  << m_socket->errorString();
            continue;
        }
        m_joinFailedBefore = false;
        m_joined.insert(iface.index, iface.address);
        fresh.append(iface);
    }
    return fresh;
}

void SsdpServer::announce(const QList<LanInterface> &on)
{
    if (!m_socket)
        return;
    for (const LanInterface &iface : on) {
        const SsdpOrigin origin{location(iface.address), m_serverToken, m_config.maxAgeSeconds};
        for (const SsdpTarget &target : std::as_const(m_targets))
            sendToGroup(iface, aliveNotice(target, origin).toDatagram());
    }
}

void SsdpServer::announceAgainSoon(const QList<LanInterface> &on)
{
    if (on.isEmpty())
        return;
    m_repeatOn.append(on);
    if (!m_repeatTimer->isActive())
        m_repeatTimer->start(randomBetween(repeatGapMinMs, repeatGapMaxMs));
}

void SsdpServer::announceAll()
{
    announce(announcedInterfaces());
    armAnnounceTimer();
}

void SsdpServer::armAnnounceTimer()
{
    // A third of max-age leaves two more chances before control points forget us; the jitter
    // keeps several servers switched on together from announcing in lockstep.
    const int third = m_config.maxAgeSeconds * 1000 / 3;
    m_announceTimer->start(third + randomBetween(-third / 10, third / 10));
}

void SsdpServer::sendByebye()
{
    for (const LanInterface &iface : announcedInterfaces()) {
        for (const SsdpTarget &target : std::as_const(m_targets))
            sendToGroup(iface, byebyeNotice(target).toDatagram());
    }
}

bool SsdpServer::sendToGroup(const LanInterface &iface, const QByteArray &datagram)
{
    m_socket->setMulticastInterface(QNetworkInterface::interfaceFromIndex(iface.index));
    if (m_socket->writeDatagram(datagram, groupAddress(), ssdpPort) < 0) {
        qCDebug(lcSsdpTraffic) << "SSDP: notice on" << iface.name << "not sent:" << m_socket->errorString();
        return false;
    }
    return true;
}

QByteArray SsdpServer::location(const QHostAddress &address) const
{
    return "http://" + address.toString().toLatin1() + ':' + QByteArray::number(m_config.httpPort)
        + m_config.descriptionPath.toUtf8();
}

QHostAddress SsdpServer::localAddressFor(const QHostAddress &peer, int arrivalIndex) const
{
    bool ok = false;
    const QHostAddress v4(peer.toIPv4Address(&ok));
    if (ok && v4.isLoopback())
        return QHostAddress(QHostAddress::LocalHost);
    const LanInterface *inSubnet = nullptr;
    for (const LanInterface &iface : m_interfaces) {
        if (!v4.isInSubnet(iface.address, iface.prefixLength))
            continue;
        // Overlapping subnets: the interface the search came in on knows the way back.
        if (iface.index == arrivalIndex)
            return iface.address;
        if (!inSubnet)
            inSubnet = &iface;
    }
    return inSubnet ? inSubnet->address : QHostAddress(QHostAddress::LocalHost);
}

QList<LanInterface> SsdpServer::announcedInterfaces() const
{
    // One notice set per interface, from the address it joined with: several LOCATIONs for one
    // USN on one link would make control points flip between them.
    QList<LanInterface> out;
    for (const LanInterface &iface : m_interfaces) {
        const auto joined = m_joined.constFind(iface.index);
        if (joined != m_joined.constEnd() && *joined == iface.address)
            out.append(iface);
    }
    return out;
}

} // namespace cairn::dlna
