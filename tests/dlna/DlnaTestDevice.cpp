#include "DlnaTestDevice.h"

#include "auth/User.h"
#include "dlna/DeviceIdentity.h"
#include "http/HttpServer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

DlnaTestDevice::DlnaTestDevice(const QString &uuid, const QString &friendlyName)
{
    dlna::DeviceIdentity identity;
    identity.uuid = uuid;
    identity.friendlyName = friendlyName;
    m_device = std::make_unique<dlna::DlnaDevice>(identity, 0);
    m_subscriptions = std::make_unique<dlna::EventSubscriptions>();
    m_notifier = std::make_unique<dlna::EventNotifier>(*m_subscriptions);
}

void DlnaTestDevice::attach(HttpServices &services)
{
    services.dlna = m_device.get();
    services.dlnaSubscriptions = m_subscriptions.get();
    services.dlnaNotifier = m_notifier.get();
}

qint64 DlnaTestDevice::addLanUser(TestServer &server)
{
    UserChanges lan;
    lan.name = u"living-room"_s;
    lan.password = u"a long enough password"_s;
    lan.admin = false;
    lan.folderIds = QList<qint64>{server.libraryFolderId()};
    const qint64 id = server.addUser(lan);
    if (id > 0)
        m_device->setUserId(id);
    return id;
}

} // namespace cairn::test
