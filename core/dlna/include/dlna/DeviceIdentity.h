#pragma once
// Who the media server is on the LAN: a UUID that stays the same for one data dir (TVs remember
// servers by it), its friendly name, and the SERVER / User-Agent product tokens.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn::dlna {

struct DeviceIdentity
{
    QString uuid;            // without the "uuid:" prefix
    QString friendlyName;

    QString udn() const { return QStringLiteral("uuid:") + uuid; }
    // "OS/version UPnP/1.0 Cairn/version", as SSDP and HTTP answers name the server.
    static QByteArray serverToken();
    // "Cairn on HOSTNAME" unless the settings name one.
    static QString defaultFriendlyName();
};

// Reads <dataDir>/dlna.uuid, creating it (owner only) on first use. Empty on a disk error.
std::optional<QString> loadOrCreateDeviceUuid(const QString &dataDir);

} // namespace cairn::dlna
