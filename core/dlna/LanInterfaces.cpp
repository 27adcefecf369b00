#include "dlna/LanInterfaces.h"

#include <QNetworkInterface>

namespace cairn::dlna {

namespace {

bool isUsable(const QNetworkInterface &iface)
{
    const auto flags = iface.flags();
    return iface.isValid() && flags.testFlag(QNetworkInterface::IsUp) && flags.testFlag(QNetworkInterface::IsRunning)
        && flags.testFlag(QNetworkInterface::CanMulticast);
}

bool isNamed(const QStringList &wanted, const QNetworkInterface &iface, const QHostAddress &address)
{
    for (const QString &entry : wanted) {
        const QString trimmed = entry.trimmed();
        if (trimmed == iface.name() || trimmed == iface.humanReadableName())
            return true;
        const QHostAddress listed(trimmed);
        if (!listed.isNull() && listed.isEqual(address, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    }
    return false;
}

} // namespace

QHostAddress asIpv4(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

QList<LanInterface> lanInterfaces(const QStringList &wanted)
{
    QList<LanInterface> found;
    const auto all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : all) {
        if (!isUsable(iface))
            continue;
        const bool loopback = iface.flags().testFlag(QNetworkInterface::IsLoopBack);
        const auto entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress address = entry.ip();
            if (address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            const bool named = isNamed(wanted, iface, address);
            if (wanted.isEmpty() ? loopback : !named)
                continue;
            found.append({iface.name(), address, entry.prefixLength(), iface.index()});
        }
    }
    return found;
}

bool isOnLan(const QHostAddress &peer, const QList<LanInterface> &interfaces)
{
    const QHostAddress v4 = asIpv4(peer);
    if (v4.isLoopback())
        return true;
    if (v4.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    for (const LanInterface &iface : interfaces) {
        if (v4.isInSubnet(iface.address, iface.prefixLength))
            return true;
    }
    return false;
}

} // namespace cairn::dlna
