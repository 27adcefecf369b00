// The desktop module's entry: the QApplication, the runtime, the single instance, the window
// with its tabs and the tray. Loaded by the `cairn` executable only when there is a display.

#include "CommandLine.h"
#include "DesktopEntry.h"
#include "DesktopWindow.h"
#include "FirstRunSetup.h"
#include "LoginStart.h"
#include "Runtime.h"
#include "ShutdownSignals.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "base/LogJournal.h"

#include "MainWindow.h"
#include "auth/UserAdministration.h"

#include <QApplication>
#include <QDir>
#include <QSettings>

namespace {

int runWindow(cairn::Runtime &runtime, cairn::SingleInstance &instance, bool minimized)
{
    if (!runtime.users().hasUsers()) {
        const cairn::LoginStart loginStart(QCoreApplication::applicationFilePath());
        cairn::FirstRunWizard wizard(cairn::FirstRunWizard::defaultFolders(),
                                     [&](const cairn::FirstRunChoices &choices) {
                                         return cairn::applyFirstRun(runtime, loginStart, choices);
                                     });
        // Cancelled before an account existed: Cairn does not run without one.
        if (wizard.exec() != QDialog::Accepted && !runtime.users().hasUsers())
            return 1;
    }
    QApplication::setQuitOnLastWindowClosed(false);
    cairn::DesktopWindow desktop(runtime);
    cairn::MainWindow &window = desktop.window();
    cairn::TrayIcon &tray = desktop.tray();
    const bool hasTray = tray.show();
    // Without a tray the window is the only way back in, so closing it must quit.
    if (!hasTray)
        QApplication::setQuitOnLastWindowClosed(true);
    QObject::connect(&instance, &cairn::SingleInstance::activationRequested, &window,
                     &cairn::MainWindow::showAndRaise);
    // Minimised (as at login) only where the tray can bring the window back.
    if (!minimized || !hasTray)
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
    cairn::LogJournal::install();   // the Logs tab shows what was logged from here on
    cairn::Runtime runtime(options);
    // The language chosen in the settings dialog, else the system's; read before any text shows.
    const QSettings stored(QDir(runtime.dataDir()).filePath(QStringLiteral("cairn.ini")), QSettings::IniFormat);
    const QString language = stored.value(QStringLiteral("ui/language")).toString();
    cairn::installTranslations(app, language.isEmpty() ? QLocale() : QLocale(language));
    const cairn::ShutdownSignals shutdownSignals;
    cairn::SingleInstance instance(runtime.dataDir());
    if (!instance.claim())
        return 0;   // the running instance shows its window instead
    if (const auto error = runtime.start())
        return cairn::failWith(*error);
    const bool minimized = options.minimized || runtime.settings().value(QStringLiteral("ui/startMinimized")).toBool();
    return runWindow(runtime, instance, minimized);
}
