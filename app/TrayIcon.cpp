#include "TrayIcon.h"

#include "KnownDevices.h"
#include "LoginStart.h"

#include "activity/ActivityRegistry.h"
#include "http/HttpServer.h"
#include "scan/LibraryScanner.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QDesktopServices>
#include <QHostAddress>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

TrayIcon::TrayIcon(HttpServer &server, QWidget &window, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(window.windowIcon(), this))
    , m_pauseAction(nullptr)
    , m_activityAction(nullptr)
    , m_loginAction(nullptr)
{
    QAction *open = m_menu->addAction(tr("Open Cairn"), this, &TrayIcon::openWindow);
    open->setObjectName(u"openAction"_s);
    // The web app is served at the server's root; the system's browser opens it.
    QAction *web = m_menu->addAction(tr("Open in browser"), this, [this] { QDesktopServices::openUrl(m_server.baseUrl()); });
    web->setObjectName(u"browserAction"_s);
    QAction *copy = m_menu->addAction(tr("Copy address"), this, &TrayIcon::copyAddress);
    copy->setObjectName(u"copyAddressAction"_s);
    m_pauseAction = m_menu->addAction(QString(), this, [this] {
        m_server.setPaused(!m_server.isPaused());
        refresh();
    });
    m_pauseAction->setObjectName(u"pauseAction"_s);
    m_activityAction = m_menu->addAction(QString());
    m_activityAction->setObjectName(u"activityAction"_s);
    m_activityAction->setEnabled(false);   // a count to read, not a command
    m_activityAction->setVisible(false);
    m_menu->addSeparator();
    m_loginAction = m_menu->addAction(tr("Start at login"));
    m_loginAction->setObjectName(u"loginAction"_s);
    m_loginAction->setCheckable(true);
    m_loginAction->setVisible(false);
    connect(m_loginAction, &QAction::triggered, this, &TrayIcon::setStartAtLogin);
    QAction *quit = m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    quit->setObjectName(u"quitAction"_s);

    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            openWindow();
    });
    connect(&m_server, &HttpServer::stateChanged, this, &TrayIcon::refreshAddresses);
    refreshAddresses();
}

TrayIcon::~TrayIcon()
{
    delete m_icon;   // before m_menu, which the icon uses
}

void TrayIcon::setActivity(const ActivityRegistry *activity)
{
    m_activity = activity;
    // Queued: the registry signals from worker threads.
    if (m_activity)
        connect(m_activity, &ActivityRegistry::changed, this, &TrayIcon::refresh, Qt::QueuedConnection);
    refresh();
}

void TrayIcon::setNewDeviceNotices(QSettings &settings)
{
    m_settings = &settings;
    m_devices = std::make_unique<KnownDevices>(settings);
    // A short download may end before the GUI looks at the active streams: finished streams
    // are looked at too.
    if (m_activity)
        connect(m_activity, &ActivityRegistry::streamFinished, this,
                [this](const FinishedStream &stream) { noticeDevice(stream.user, stream.client); }, Qt::QueuedConnection);
    refresh();
}

void TrayIcon::setLoginStart(const LoginStart &loginStart)
{
    m_loginStart = std::make_unique<LoginStart>(loginStart);
    m_loginAction->setChecked(m_loginStart->isEnabled());
    m_loginAction->setVisible(true);
}

void TrayIcon::setScanner(const LibraryScanner *scanner)
{
    // Queued: the scanner runs on its own thread.
    connect(scanner, &LibraryScanner::scanFinished, this, &TrayIcon::notifyScan, Qt::QueuedConnection);
}

bool TrayIcon::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    m_icon->show();
    return true;
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::refreshAddresses()
{
    // Enumerating the interfaces costs system calls: done when the server starts, stops or
    // changes, not on every activity change (hundreds a second with many streams).
    const QList<QUrl> lan = m_server.lanUrls();
    m_lanUrl = lan.isEmpty() ? QString() : lan.first().toString();
    refresh();
}

void TrayIcon::refresh()
{
    const bool paused = m_server.isPaused();
    m_pauseAction->setText(paused ? tr("Resume server") : tr("Pause server"));
    m_pauseAction->setEnabled(m_server.isRunning());
    const QString url = m_server.baseUrl().toString();
    QString tip = paused ? tr("Cairn — %1 (paused)").arg(url) : tr("Cairn — %1").arg(url);
    if (!m_lanUrl.isEmpty())
        tip += u'\n' + tr("On the LAN: %1").arg(m_lanUrl);
    if (m_activity) {
        const QString streams = tr("%n active stream(s)", nullptr, m_activity->activeCount());
        tip += u'\n' + streams;
        m_activityAction->setText(streams);
        m_activityAction->setVisible(true);
        // Only when streams start or end: the registry signals far more often than that.
        const int active = m_activity->activeCount();
        if (m_devices && active != m_activeSeen) {
            m_activeSeen = active;
            for (const StreamSnapshot &stream : m_activity->snapshot())
                noticeDevice(stream.user, stream.client);
        }
    }
    m_icon->setToolTip(tip);
}

void TrayIcon::openWindow()
{
    m_window.show();
    m_window.setWindowState((m_window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window.raise();
    m_window.activateWindow();
}

void TrayIcon::copyAddress()
{
    // The LAN address when there is one: what is copied is usually pasted on another device.
    QGuiApplication::clipboard()->setText(m_lanUrl.isEmpty() ? m_server.baseUrl().toString() : m_lanUrl);
}

void TrayIcon::setStartAtLogin(bool enabled)
{
    if (!m_loginStart)
        return;
    if (const auto error = m_loginStart->setEnabled(enabled)) {
        notify(*error, true);
    }
    m_loginAction->setChecked(m_loginStart->isEnabled());
}

void TrayIcon::notifyScan(const ScanSummary &summary)
{
    // A scan that changed nothing stays quiet: one runs at every start, and the files it could
    // not read are counted again each time (the Library tab lists them).
    if (summary.added == 0 && summary.updated == 0 && summary.removed == 0)
        return;
    QString text = tr("Scan finished: %1 added, %2 updated, %3 removed.")
                       .arg(summary.added).arg(summary.updated).arg(summary.removed);
    if (summary.errors > 0)
        text += u' ' + tr("%n file(s) could not be read.", nullptr, summary.errors);
    notify(text, summary.errors > 0);
}

void TrayIcon::noticeDevice(const QString &user, const QString &address)
{
    if (!m_devices || address.isEmpty() || !m_devices->add(user, address))
        return;
    if (!m_settings->value(u"ui/notifyNewDevices"_s, true).toBool())
        return;
    const QHostAddress host(address);
    const QString where = host.isLoopback() ? tr("this computer") : address;
    notify(user.isEmpty() ? tr("A new device started streaming: %1.").arg(where)
                          : tr("%1 started streaming from a new device: %2.").arg(user, where));
}

void TrayIcon::notify(const QString &text, bool warning)
{
    m_lastNotification = text;
    ++m_notificationCount;
    if (m_icon->isVisible())
        m_icon->showMessage(tr("Cairn"), text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

} // namespace cairn
