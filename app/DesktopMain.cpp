// The desktop module's entry: the QApplication, the runtime, the single instance, the window
// with its tabs and the tray. Loaded by the `cairn` executable only when there is a display.

#include "CommandLine.h"
#include "DesktopEntry.h"
#include "Runtime.h"
#include "ShutdownSignals.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayIcon.h"

#include "ActivityTab.h"
#include "AlbumGrid.h"
#include "DlnaServer.h"
#include "DlnaTab.h"
#include "MainWindow.h"
#include "PresetsTab.h"
#include "UserEditDialog.h"
#include "UsersTab.h"
#include "auth/UserAdministration.h"
#include "http/HttpServer.h"

#include <QApplication>

namespace {

int runWindow(cairn::Runtime &runtime, cairn::SingleInstance &instance)
{
    if (!runtime.users().hasUsers() && !cairn::askForFirstAdmin(runtime.users()))
        return 1;
    QApplication::setQuitOnLastWindowClosed(false);
    cairn::MainWindow window(runtime.database(), runtime.scanner(), runtime.server());
    window.addTab(new cairn::AlbumGrid(runtime.database(), runtime.artwork(), runtime.scanner()),
                  QApplication::translate("cairn", "Albums"));
    window.addTab(new cairn::UsersTab(runtime.users(), runtime.appPasswords(), runtime.database()),
                  QApplication::translate("cairn", "Users"));
    auto *activityTab = new cairn::ActivityTab(runtime.activity(), &runtime.database());
    activityTab->setLimitsApply([&runtime](const cairn::StreamLimits &limits) { runtime.setStreamLimits(limits); });
    window.addTab(activityTab, QApplication::translate("cairn", "Activity"));
    window.addTab(new cairn::PresetsTab(runtime.transcoding(), runtime.database(),
                                        [&runtime](int mib) { runtime.setTranscodeCacheMiB(mib); }),
                  QApplication::translate("cairn", "Presets"));
    auto *dlnaTab = new cairn::DlnaTab(runtime.users(), runtime.dlna().status());
    dlnaTab->setApply([&runtime](const cairn::dlna::DlnaSettings &s) { return runtime.setDlnaSettings(s); });
    QObject::connect(&runtime.dlna(), &cairn::DlnaServer::statusChanged, dlnaTab,
                     [dlnaTab, &runtime] { dlnaTab->showStatus(runtime.dlna().status()); });
    window.addTab(dlnaTab, QApplication::translate("cairn", "DLNA"));
    cairn::TrayIcon tray(runtime.server(), window);
    tray.setActivity(&runtime.activity());
    const bool hasTray = tray.show();
    // Without a tray the window is the only way back in, so closing it must quit.
    if (!hasTray)
        QApplication::setQuitOnLastWindowClosed(true);
    QObject::connect(&instance, &cairn::SingleInstance::activationRequested, &window,
                     &cairn::MainWindow::showAndRaise);
    window.show();
    return QApplication::exec();
}

} // namespace

extern "C" Q_DECL_EXPORT int cairn_desktop_main(int argc, char **argv)
{
    // This module has its own copy of the core, so it sets its identity and reads the
    // command line itself; the executable has already rejected bad options.
    cairn::setApplicationIdentity();
    auto parsed = cairn::optionsOrExit(argc, argv);
    if (const int *code = std::get_if<int>(&parsed))
        return *code;
    const cairn::Options options = std::get<cairn::Options>(parsed);

    QApplication app(argc, argv);
    cairn::installTranslations(app);
    const cairn::ShutdownSignals shutdownSignals;
    cairn::Runtime runtime(options);
    cairn::SingleInstance instance(runtime.dataDir());
    if (!instance.claim())
        return 0;   // the running instance shows its window instead
    if (const auto error = runtime.start())
        return cairn::failWith(*error);
    return runWindow(runtime, instance);
}
