#include "DlnaServer.h"

#include "auth/UserAdministration.h"
#include "auth/UserName.h"
#include "dlna/DeviceIdentity.h"
#include "dlna/DlnaDevice.h"
#include "dlna/EventNotifier.h"
#include "dlna/EventSubscriptions.h"
#include "dlna/LanInterfaces.h"
#include "dlna/SsdpServer.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDlnaApp, "cairn.dlna")

namespace cairn {
namespace {

constexpr int kNetworkRefreshMs = 10000;

QString trDlna(const char *text)
{
    return QCoreApplication::translate("cairn::DlnaServer", text);
}

} // namespace

dlna::DlnaSettings readDlnaSettings(const QSettings &s)
{
    dlna::DlnaSettings d;
    d.enabled = s.value(u"dlna/enabled"_s, false).toBool();
    d.friendlyName = s.value(u"dlna/friendlyName"_s).toString().trimmed();
    d.user = s.value(u"dlna/user"_s).toString().trimmed();
    d.interfaces = s.value(u"dlna/interfaces"_s).toStringList();
    d.interfaces.removeAll(QString());
    d.maxAgeSeconds = qBound(60, s.value(u"dlna/maxAgeSeconds"_s, d.maxAgeSeconds).toInt(), 86400);
    return d;
}

void storeDlnaSettings(QSettings &s, const dlna::DlnaSettings &d)
{
    s.setValue(u"dlna/enabled"_s, d.enabled);
    s.setValue(u"dlna/friendlyName"_s, d.friendlyName);
    s.setValue(u"dlna/user"_s, d.user);
    s.setValue(u"dlna/interfaces"_s, d.interfaces);
}

DlnaChoice checkDlnaSettings(const dlna::DlnaSettings &settings, const UserAdministration &users)
{
    DlnaChoice choice;
    choice.settings = settings;
    choice.settings.friendlyName = settings.friendlyName.trimmed().left(64);
    choice.settings.user = settings.user.trimmed();
    if (choice.settings.user.isEmpty()) {
        if (settings.enabled)
            choice.problem = trDlna("DLNA needs an account: the LAN sees what that account's folders hold.");
        return choice;
    }
    const QString wanted = normalizedUserName(choice.settings.user);
    for (const User &user : users.list()) {
        if (user.name != wanted)
            continue;
        if (!user.enabled)
            choice.problem = trDlna("The DLNA account %1 is disabled.").arg(user.name);
        else
            choice.userId = user.id;
        return choice;
    }
    choice.problem = trDlna("There is no account named %1 for DLNA.").arg(choice.settings.user);
    return choice;
}

DlnaServer::DlnaServer(const QString &dataDir, HttpServices &services, QObject *parent) : QObject(parent)
{
    const auto uuid = dlna::loadOrCreateDeviceUuid(dataDir);
    if (!uuid) {
        m_problem = trDlna("Cannot keep the DLNA device id in %1.").arg(dataDir);
        qCWarning(lcDlnaApp).noquote() << m_problem << "DLNA stays off.";
        return;
    }
    dlna::DeviceIdentity identity;
    identity.uuid = *uuid;
    identity.friendlyName = dlna::DeviceIdentity::defaultFriendlyName();
    m_device = std::make_unique<dlna::DlnaDevice>(identity, 0);
    m_device->setEnabled(false);
    m_subscriptions = std::make_unique<dlna::EventSubscriptions>();

    m_thread.setObjectName(u"dlna"_s);
    m_notifier = new dlna::EventNotifier(*m_subscriptions);
    m_notifier->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_notifier, &QObject::deleteLater);
    m_thread.start();

    services.dlna = m_device.get();
    services.dlnaSubscriptions = m_subscriptions.get();
    services.dlnaNotifier = m_notifier;

    m_networkRefresh.setInterval(kNetworkRefreshMs);
    connect(&m_networkRefresh, &QTimer::timeout, this, &DlnaServer::refreshNetworks);
}

DlnaServer::~DlnaServer()
{
    stopAnnouncing();
    m_thread.quit();
    m_thread.wait();
}

void DlnaServer::setHttpPort(quint16 port)
{
    m_httpPort = port;
    if (m_device && m_device->isEnabled())
        startAnnouncing();
}

void DlnaServer::apply(const DlnaChoice &choice)
{
    m_settings = choice.settings;
    m_problem = choice.problem.value_or(QString());
    if (!m_device) {
        publishStatus();
        return;
    }
    const bool run = m_settings.enabled && !choice.problem;
    if (m_settings.enabled && choice.problem)
        qCWarning(lcDlnaApp).noquote() << *choice.problem << "DLNA stays off.";
    stopAnnouncing();   // a new name or new networks: byebye, then alive again
    m_device->setEnabled(false);
    if (run) {
        m_device->setUserId(choice.userId);
        m_device->setFriendlyName(m_settings.friendlyName.isEmpty() ? dlna::DeviceIdentity::defaultFriendlyName()
                                                                    : m_settings.friendlyName);
        refreshNetworks();
        m_device->setEnabled(true);
        m_networkRefresh.start();
        startAnnouncing();
    } else {
        m_networkRefresh.stop();
    }
    publishStatus();
}

dlna::DlnaStatus DlnaServer::status() const
{
    dlna::DlnaStatus status;
    status.settings = m_settings;
    status.problem = m_problem;
    status.running = m_device && m_device->isEnabled() && m_ssdp;
    if (status.running)
        status.networks = m_announcedOn;
    return status;
}

dlna::DlnaStatus DlnaServer::statusSnapshot() const
{
    const QMutexLocker lock(&m_snapshotMutex);
    return m_snapshot;
}

void DlnaServer::publishStatus()
{
    {
        const QMutexLocker lock(&m_snapshotMutex);
        m_snapshot = status();
    }
    Q_EMIT statusChanged();
}

void DlnaServer::refreshNetworks()
{
    const QList<dlna::LanInterface> networks = dlna::lanInterfaces(m_settings.interfaces);
    QStringList names;
    for (const dlna::LanInterface &lan : networks)
        names << u"%1 (%2)"_s.arg(lan.name, lan.address.toString());
    if (networks.isEmpty() && m_announcedOn != names)
        qCWarning(lcDlnaApp).noquote() << "no network interface for DLNA"
                                      << (m_settings.interfaces.isEmpty() ? u"(none is up and multicast-capable)"_s
                                                                          : u"matches "_s + m_settings.interfaces.join(u", "_s));
    m_device->setNetworks(networks);
    if (m_announcedOn != names) {
        m_announcedOn = names;
        publishStatus();
    }
}

void DlnaServer::startAnnouncing()
{
    if (!m_device || m_ssdp || m_httpPort == 0 || !m_device->isEnabled())
        return;
    dlna::SsdpConfig config;
    config.identity = m_device->identity();
    config.httpPort = m_httpPort;
    config.interfaces = m_settings.interfaces;
    config.maxAgeSeconds = m_settings.maxAgeSeconds;
    m_ssdp = new dlna::SsdpServer(config);
    m_ssdp->moveToThread(&m_thread);
    connect(m_ssdp, &dlna::SsdpServer::started, this, [this](const QStringList &names) {
        qCInfo(lcDlnaApp).noquote() << "DLNA media server announced on" << names.join(u", "_s);
        publishStatus();
    });
    connect(m_ssdp, &dlna::SsdpServer::failed, this, [this](const QString &message) {
        qCWarning(lcDlnaApp).noquote() << "DLNA discovery failed:" << message;
        m_problem = message;
        publishStatus();
    });
    dlna::SsdpServer *ssdp = m_ssdp;
    QMetaObject::invokeMethod(ssdp, [ssdp] { ssdp->start(); }, Qt::QueuedConnection);
}

void DlnaServer::stopAnnouncing()
{
    if (!m_ssdp)
        return;
    dlna::SsdpServer *ssdp = std::exchange(m_ssdp, nullptr);
    // The byebye goes out on the SSDP thread, and the object ends there.
    QMetaObject::invokeMethod(
        ssdp,
        [ssdp] {
            ssdp->stop();
            delete ssdp;
        },
        Qt::BlockingQueuedConnection);
}

void DlnaServer::catalogChanged(const ScanSummary &summary)
{
    if (!m_device || (summary.added == 0 && summary.updated == 0 && summary.removed == 0))
        return;
    const quint32 id = m_device->bumpSystemUpdateId();
    dlna::EventNotifier *notifier = m_notifier;
    const QByteArray body = dlna::propertySet({{u"SystemUpdateID"_s, QString::number(id)}});
    QMetaObject::invokeMethod(notifier, [notifier, body] { notifier->sendToAll(u"cds"_s, body); }, Qt::QueuedConnection);
}

} // namespace cairn
