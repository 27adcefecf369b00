#include "dlna/DlnaDevice.h"

#include <QMutexLocker>

namespace cairn::dlna {

DlnaDevice::DlnaDevice(DeviceIdentity identity, qint64 userId)
    : m_identity(std::move(identity)), m_userId(userId)
{
}

DeviceIdentity DlnaDevice::identity() const
{
    const QMutexLocker lock(&m_mutex);
    return m_identity;
}

void DlnaDevice::setFriendlyName(const QString &name)
{
    const QMutexLocker lock(&m_mutex);
    m_identity.friendlyName = name;
}

void DlnaDevice::setNetworks(QList<LanInterface> networks)
{
    const QMutexLocker lock(&m_mutex);
    m_networks = std::move(networks);
}

QList<LanInterface> DlnaDevice::networks() const
{
    const QMutexLocker lock(&m_mutex);
    return m_networks;
}

bool DlnaDevice::allowsPeer(const QHostAddress &peer) const
{
    return isOnLan(peer, networks());
}

bool DlnaDevice::isOwnHost(const QByteArray &host) const
{
    const QHostAddress address = asIpv4(hostLiteral(host));
    if (address.isNull())
        return false;
    if (address.isLoopback())
        return true;
    const QMutexLocker lock(&m_mutex);
    for (const LanInterface &network : m_networks)
        if (network.address.isEqual(address))
            return true;
    return false;
}

quint32 DlnaDevice::bumpSystemUpdateId()
{
    // UPnP: the id only grows; on wrap-around it starts over at 1, never 0.
    quint32 current = m_systemUpdateId.load();
    quint32 next = 0;
    do {
        next = current == 0xffffffffu ? 1 : current + 1;
    } while (!m_systemUpdateId.compare_exchange_weak(current, next));
    return next;
}

QHostAddress hostLiteral(const QByteArray &host)
{
    QByteArray name = host.trimmed();
    if (name.startsWith('[')) {
        const qsizetype end = name.indexOf(']');
        if (end < 0)
            return {};
        const QByteArray rest = name.mid(end + 1);
        if (!rest.isEmpty() && !rest.startsWith(':'))
            return {};
        name = name.mid(1, end - 1);
        return QHostAddress(QString::fromLatin1(name)).protocol() == QAbstractSocket::IPv6Protocol
                   ? QHostAddress(QString::fromLatin1(name))
                   : QHostAddress();
    }
    const qsizetype colon = name.indexOf(':');
    if (colon >= 0) {
        const QByteArray port = name.mid(colon + 1);
        bool ok = false;
        if (port.toUInt(&ok) > 65535 || !ok)
            return {};
        name.truncate(colon);
    }
    // Only the dotted-quad form: QHostAddress also takes "10.1" or "0x0a000001", which browsers
    // and renderers never send and which would let odd names slip through.
    const QList<QByteArray> parts = name.split('.');
    if (parts.size() != 4)
        return {};
    for (const QByteArray &part : parts) {
        bool ok = false;
        if (part.isEmpty() || part.size() > 3 || part.toUInt(&ok) > 255 || !ok)
            return {};
        for (char c : part)
            if (c < '0' || c > '9')
                return {};
    }
    return QHostAddress(QString::fromLatin1(name));
}

} // namespace cairn::dlna
