#pragma once
// The system tray icon and its menu (open window, open in browser, copy the address, pause/resume
// server, active streams, start at login, quit) and its notifications (a scan that changed
// something, a stream from a device not seen before). Does nothing where no tray exists (offscreen, some Linux desktops): the window
// then stays the way in.

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QSettings;
class QSystemTrayIcon;
class QWidget;

namespace cairn {

class ActivityRegistry;
class HttpServer;
class KnownDevices;
class LibraryScanner;
class LoginStart;
struct ScanSummary;

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // The icon is the window's icon. Both `server` and `window` must outlive this object.
    TrayIcon(HttpServer &server, QWidget &window, QObject *parent = nullptr);
    ~TrayIcon() override;

    // The tooltip then also counts the active streams (`activity` must outlive this object).
    void setActivity(const ActivityRegistry *activity);
    // Offers "Start at login" through `loginStart` (copied).
    void setLoginStart(const LoginStart &loginStart);
    // Notifies when a stream of setActivity()'s registry comes from a device (user and address)
    // none came from before, while `ui/notifyNewDevices` (default true) allows it. The devices
    // are remembered in `settings` (activity/knownDevices), which must outlive this object.
    void setNewDeviceNotices(QSettings &settings);
    // Notifies when a scan of `scanner` added, changed or removed tracks or met unreadable files.
    void setScanner(const LibraryScanner *scanner);

    // Shows the icon if the platform has a tray; returns whether it did.
    bool show();

    // The context menu (actions "openAction", "browserAction", "copyAddressAction",
    // "pauseAction", "activityAction", "loginAction", "quitAction"); for tests.
    QMenu *menu() const { return m_menu.get(); }
    QString toolTip() const;
    // The last notification's text (also where the platform cannot show it); for tests.
    QString lastNotification() const { return m_lastNotification; }
    int notificationCount() const { return m_notificationCount; }

private:
    void refreshAddresses();
    void refresh();
    void openWindow();
    void copyAddress();
    void setStartAtLogin(bool enabled);
    void notifyScan(const ScanSummary &summary);
    void noticeDevice(const QString &user, const QString &address);
    void notify(const QString &text, bool warning = false);

    HttpServer &m_server;
    QWidget &m_window;
    std::unique_ptr<QMenu> m_menu;   // a QMenu is a widget and cannot be a child of this QObject
    QSystemTrayIcon *m_icon;
    QAction *m_pauseAction;
    QAction *m_activityAction;
    QAction *m_loginAction;
    std::unique_ptr<LoginStart> m_loginStart;
    QString m_lastNotification;
    int m_notificationCount = 0;
    const ActivityRegistry *m_activity = nullptr;
    QSettings *m_settings = nullptr;
    std::unique_ptr<KnownDevices> m_devices;
    int m_activeSeen = 0;   // active streams when the devices were last looked at
    QString m_lanUrl;   // the first LAN address, as of the server's last state change
};

} // namespace cairn
