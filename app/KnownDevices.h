#pragma once
// The devices streams have come from (a user at a peer address), kept in the settings so a
// restart does not forget them; says which stream comes from a device not seen before.

#include <QString>
#include <QStringList>

class QSettings;

namespace cairn {

class KnownDevices
{
public:
    // Reads and writes `activity/knownDevices` in `settings`, which must outlive this object.
    explicit KnownDevices(QSettings &settings);

    // Remembers the device; true when it was not known. The oldest is forgotten past kMaxKept.
    bool add(const QString &user, const QString &address);

    static constexpr int kMaxKept = 500;

private:
    static QString keyOf(const QString &user, const QString &address);

    QSettings &m_settings;
    QStringList m_devices;   // oldest first
};

} // namespace cairn
