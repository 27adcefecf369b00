#pragma once
// The system tray icon and its menu (open window, pause/resume server, quit). Does nothing
// where no tray exists (offscreen, some Linux desktops): the window then stays the way in.

#include <QObject>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace cairn {

class ActivityRegistry;
class HttpServer;

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // The icon is the window's icon. Both `server` and `window` must outlive this object.
    TrayIcon(HttpServer &server, QWidget &window, QObject *parent = nullptr);
    ~TrayIcon() override;

    // The tooltip then also counts the active streams (`activity` must outlive this object).
    void setActivity(const ActivityRegistry *activity);

    // Shows the icon if the platform has a tray; returns whether it did.
    bool show();

    // The context menu (actions "openAction", "pauseAction", "quitAction"); for tests.
    QMenu *menu() const { return m_menu.get(); }
    QString toolTip() const;

private:
    void refreshAddresses();
    void refresh();
    void openWindow();

    HttpServer &m_server;
    QWidget &m_window;
    std::unique_ptr<QMenu> m_menu;   // a QMenu is a widget and cannot be a child of this QObject
    QSystemTrayIcon *m_icon;
    QAction *m_pauseAction;
    const ActivityRegistry *m_activity = nullptr;
    QString m_lanUrl;   // the first LAN address, as of the server's last state change
};

} // namespace cairn
