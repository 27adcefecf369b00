#pragma once
// The running DLNA media server as the HTTP face sees it: who it is, whose grants it serves,
// which networks may reach it, and the catalog's SystemUpdateID. Thread-safe: HTTP workers ask
// it on every DLNA request while the SSDP thread updates the interfaces.

#include "dlna/DeviceIdentity.h"
#include "dlna/LanInterfaces.h"

#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>

namespace cairn::dlna {

class DlnaDevice
{
public:
    DlnaDevice(DeviceIdentity identity, qint64 userId);

    // Off: every DLNA route answers 404, as if it did not exist.
    bool isEnabled() const { return m_enabled.load(); }
    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    DeviceIdentity identity() const;
    void setFriendlyName(const QString &name);
    // The account whose folder grants the LAN sees, and whose key signs the media links.
    qint64 userId() const { return m_userId.load(); }
    void setUserId(qint64 userId) { m_userId.store(userId); }

    // Replaces the networks: the enabled interfaces as last found.
    void setNetworks(QList<LanInterface> networks);
    QList<LanInterface> networks() const;
    // True for loopback and for an address inside one of the networks: DLNA has no
    // authentication, so nothing beyond the chosen LANs may browse or stream.
    bool allowsPeer(const QHostAddress &peer) const;
    // True when `host` (a Host header's value, port included or not) names this machine by an
    // IP literal on one of the networks or loopback: a DNS name there is a rebinding attempt.
    bool isOwnHost(const QByteArray &host) const;

    // Bumped whenever a scan changes the catalog; evented to subscribers.
    quint32 systemUpdateId() const { return m_systemUpdateId.load(); }
    quint32 bumpSystemUpdateId();

private:
    DeviceIdentity m_identity;   // under m_mutex
    std::atomic<bool> m_enabled{true};
    std::atomic<qint64> m_userId;
    mutable QMutex m_mutex;
    QList<LanInterface> m_networks;
    std::atomic<quint32> m_systemUpdateId{1};
};

// The address a Host header names, when it is an IP literal ("10.0.0.2", "10.0.0.2:8765",
// "[::1]:8765"); null otherwise.
QHostAddress hostLiteral(const QByteArray &host);

} // namespace cairn::dlna
