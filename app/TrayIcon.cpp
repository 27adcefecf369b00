#include "TrayIcon.h"

#include "activity/ActivityRegistry.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QMenu>
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
{
    QAction *open = m_menu->addAction(tr("Open Cairn"), this, &TrayIcon::openWindow);
    open->setObjectName(u"openAction"_s);
    // The web app is served at the server's root; the system's browser opens it.
    QAction *web = m_menu->addAction(tr("Open in browser"), this, [this] { QDesktopServices::openUrl(m_server.baseUrl()); });
    web->setObjectName(u"browserAction"_s);
    m_pauseAction = m_menu->addAction(QString(), this, [this] {
        m_server.setPaused(!m_server.isPaused());
        refresh();
    });
    m_pauseAction->setObjectName(u"pauseAction"_s);
    m_menu->addSeparator();
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
    if (m_activity)
        tip += u'\n' + tr("%n active stream(s)", nullptr, m_activity->activeCount());
    m_icon->setToolTip(tip);
}

void TrayIcon::openWindow()
{
    m_window.show();
    m_window.setWindowState((m_window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window.raise();
    m_window.activateWindow();
}

} // namespace cairn
