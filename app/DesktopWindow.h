#pragma once
// The desktop's main window with every tab wired to the runtime's services, and its tray icon:
// what the desktop module shows, built the same way by the GUI tests.

#include <QCoreApplication>

#include <memory>

namespace cairn {

class MainWindow;
class Runtime;
class SettingsDialog;
class TrayIcon;

class DesktopWindow
{
    Q_DECLARE_TR_FUNCTIONS(cairn::DesktopWindow)
public:
    explicit DesktopWindow(Runtime &runtime);
    ~DesktopWindow();
    DesktopWindow(const DesktopWindow &) = delete;
    DesktopWindow &operator=(const DesktopWindow &) = delete;

    MainWindow &window() { return *m_window; }
    TrayIcon &tray() { return *m_tray; }
    // Opens the settings dialog (window-modal, deleted when closed) bound to the runtime; the
    // window's status line says when the settings were saved.
    SettingsDialog *openSettings();

private:
    Runtime &m_runtime;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;   // uses m_window: declared after it, destroyed before it
};

} // namespace cairn
