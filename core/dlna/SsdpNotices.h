#pragma once
// The datagrams the server sends: NOTIFY ssdp:alive / ssdp:byebye to the group and the unicast
// answer to an M-SEARCH (UDA 1.1, 1.2.2, 1.2.3 and 1.3.3).

#include "SsdpMessage.h"
#include "SsdpTargets.h"

#include <QByteArray>
#include <QDateTime>

namespace cairn::dlna {

inline constexpr char ssdpGroupAddress[] = "239.255.255.250";
inline constexpr quint16 ssdpPort = 1900;

// What an alive notice or a search answer says about where the device is.
struct SsdpOrigin
{
    QByteArray location;   // http://<interface address>:<port>/dlna/description.xml
    QByteArray server;     // DeviceIdentity::serverToken()
    int maxAgeSeconds = 1800;
};

SsdpMessage aliveNotice(const SsdpTarget &target, const SsdpOrigin &origin);
SsdpMessage byebyeNotice(const SsdpTarget &target);
SsdpMessage searchAnswer(const SsdpTarget &target, const SsdpOrigin &origin, const QDateTime &now);

// RFC 1123 date in English whatever the locale, as HTTP wants it.
QByteArray httpDate(const QDateTime &when);

} // namespace cairn::dlna
