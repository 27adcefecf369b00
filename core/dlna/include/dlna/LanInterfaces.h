#pragma once
// The network interfaces the DLNA server speaks on, and whether a peer is on one of their LANs.
// DLNA has no authentication: being on an enabled interface's subnet is the only admission.

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn::dlna {

struct LanInterface
{
    QString name;             // QNetworkInterface::name(), e.g. "eth0"
    QHostAddress address;     // IPv4 only: SSDP multicast and LOCATION URLs are IPv4
    int prefixLength = 0;
    int index = 0;            // QNetworkInterface::index()
};

// Up, multicast-capable, running, IPv4 interfaces. `wanted` empty: every non-loopback one; else
// those whose name or address is listed (loopback allowed when named, for tests).
QList<LanInterface> lanInterfaces(const QStringList &wanted);

// `address` as plain IPv4 when it is IPv4-mapped (::ffff:a.b.c.d, as dual-stack sockets show
// peers); otherwise unchanged.
QHostAddress asIpv4(const QHostAddress &address);

// True when `peer` is loopback or inside one of `interfaces`' subnets (IPv4-mapped IPv6 too).
bool isOnLan(const QHostAddress &peer, const QList<LanInterface> &interfaces);

} // namespace cairn::dlna
