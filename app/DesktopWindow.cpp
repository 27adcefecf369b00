#include "DesktopWindow.h"

#include "DlnaServer.h"
#include "LoginStart.h"
#include "Runtime.h"
#include "TrayIcon.h"

#include "ActivityTab.h"
#include "AlbumGrid.h"
#include "DlnaTab.h"
#include "LogsTab.h"
#include "MainWindow.h"
#include "OptimisedTab.h"
#include "PresetsTab.h"
#include "SettingsDialog.h"
#include "http/HttpServer.h"
#include "UsersTab.h"
#include "base/LogJournal.h"

#include <QMenuBar>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

DesktopWindow::DesktopWindow(Runtime &runtime)
    : m_runtime(runtime)
    , m_window(std::make_unique<MainWindow>(runtime.database(), runtime.scanner(), runtime.server()))
{
    MainWindow &window = *m_window;
    window.addTab(new AlbumGrid(runtime.database(), runtime.artwork(), runtime.scanner()), tr("Albums"));
    window.addTab(new UsersTab(runtime.users(), runtime.appPasswords(), runtime.database()), tr("Users"));
    auto *activityTab = new ActivityTab(runtime.activity(), &runtime.database());
    activityTab->setLimitsApply([&runtime](const StreamLimits &limits) { runtime.setStreamLimits(limits); });
    activityTab->setTimeline(&runtime.activityTimeline());
    window.addTab(activityTab, tr("Activity"));
    window.addTab(new PresetsTab(runtime.transcoding(), runtime.database(),
                                 [&runtime](int mib) { runtime.setTranscodeCacheMiB(mib); }),
                  tr("Presets"));
    auto *dlnaTab = new DlnaTab(runtime.users(), runtime.dlna().status());
    dlnaTab->setApply([&runtime](const dlna::DlnaSettings &s) { return runtime.setDlnaSettings(s); });
    QObject::connect(&runtime.dlna(), &DlnaServer::statusChanged, dlnaTab,
                     [dlnaTab, &runtime] { dlnaTab->showStatus(runtime.dlna().status()); });
    window.addTab(dlnaTab, tr("DLNA"));
    window.addTab(new OptimisedTab(runtime.optimiser()), tr("Optimised"));
    window.addTab(new LogsTab(LogJournal::install(), runtime.dataDir()), tr("Logs"));

    m_tray = std::make_unique<TrayIcon>(runtime.server(), window);
    m_tray->setActivity(&runtime.activity());
    m_tray->setScanner(&runtime.scanner());
    m_tray->setNewDeviceNotices(runtime.settings());
    m_tray->setLoginStart(LoginStart(QCoreApplication::applicationFilePath()));

    QMenu *menu = window.menuBar()->addMenu(tr("&Cairn"));
    QAction *settings = menu->addAction(tr("&Settings…"), &window, [this] { openSettings(); });
    settings->setObjectName(u"settingsAction"_s);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

SettingsDialog *DesktopWindow::openSettings()
{
    Runtime &runtime = m_runtime;
    SettingsDialog::Hooks hooks;
    hooks.listen = [&runtime](const QHostAddress &address, quint16 port, const QString &certificate,
                              const QString &key) { return runtime.setListening(address, port, certificate, key); };
    hooks.transcodeCacheMiB = [&runtime](int mib) { runtime.setTranscodeCacheMiB(mib); };
    hooks.historyRetention = [&runtime](int rows, int days) { runtime.setHistoryRetention(rows, days); };
    const LoginStart loginStart(QCoreApplication::applicationFilePath());
    hooks.startsAtLogin = [loginStart] { return loginStart.isEnabled(); };
    hooks.setStartAtLogin = [loginStart](bool enabled) { return loginStart.setEnabled(enabled); };
    hooks.dataDir = runtime.dataDir();
    hooks.listeningAddress = runtime.server().bindAddress();
    hooks.listeningPort = runtime.server().port();
    auto *dialog = new SettingsDialog(runtime.settings(), std::move(hooks), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    MainWindow *window = m_window.get();
    QObject::connect(dialog, &SettingsDialog::saved, window, [window](bool restartNeeded) {
        window->statusBar()->showMessage(
            restartNeeded ? tr("Settings saved. Those marked * take effect when Cairn starts again.")
                          : tr("Settings saved."));
    });
    dialog->open();
    return dialog;
}

DesktopWindow::~DesktopWindow() = default;

} // namespace cairn
