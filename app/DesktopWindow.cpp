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
#include "UsersTab.h"
#include "base/LogJournal.h"

namespace cairn {

DesktopWindow::DesktopWindow(Runtime &runtime)
    : m_window(std::make_unique<MainWindow>(runtime.database(), runtime.scanner(), runtime.server()))
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
    m_tray->setLoginStart(LoginStart(QCoreApplication::applicationFilePath()));
}

DesktopWindow::~DesktopWindow() = default;

} // namespace cairn
