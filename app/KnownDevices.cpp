#include "KnownDevices.h"

#include <QHostAddress>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
const QString kSetting = u"activity/knownDevices"_s;
}

KnownDevices::KnownDevices(QSettings &settings)
    : m_settings(settings), m_devices(settings.value(kSetting).toStringList())
{
}

QString KnownDevices::keyOf(const QString &user, const QString &address)
{
    // One spelling per address: an IPv4 client may show up as ::ffff:a.b.c.d on a dual stack.
    QHostAddress host(address);
    bool mapped = false;
    const quint32 v4 = host.toIPv4Address(&mapped);
    if (mapped)
        host = QHostAddress(v4);
    const QString where = host.isNull() ? address : host.toString();
    // '@' cannot end a user name's spelling here: the address follows the last one.
    return user + u'@' + where;
}

bool KnownDevices::add(const QString &user, const QString &address)
{
    const QString key = keyOf(user, address);
    if (m_devices.contains(key))
        return false;
    m_devices.append(key);
    while (m_devices.size() > kMaxKept)
        m_devices.removeFirst();
    m_settings.setValue(kSetting, m_devices);
    return true;
}

} // namespace cairn
