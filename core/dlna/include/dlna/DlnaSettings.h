#pragma once
// What the administrator chose for the DLNA server (settings group `dlna/`), and how it runs.

#include <QString>
#include <QStringList>

namespace cairn::dlna {

struct DlnaSettings
{
    bool enabled = false;        // off by default: DLNA has no authentication
    QString friendlyName;        // empty = "Cairn on HOSTNAME"
    QString user;                // whose folder grants define what the LAN sees; required when enabled
    QStringList interfaces;      // names or addresses; empty = every up, multicast-capable, non-loopback one
    int maxAgeSeconds = 1800;    // SSDP CACHE-CONTROL max-age
};

struct DlnaStatus
{
    DlnaSettings settings;
    bool running = false;        // enabled, with a valid account, and announced
    QString problem;             // why it does not run although enabled; empty = none
    QStringList networks;        // "name (address)" of the interfaces it answers on
};

} // namespace cairn::dlna
