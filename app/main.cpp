// cairn: the desktop app (tray + window) or, with --headless or without a display, the bare server.

#include "Options.h"
#include "Runtime.h"
#include "ShutdownSignals.h"
#include "SingleInstance.h"
#include "TrayIcon.h"

#include "ActivityTab.h"
#include "AlbumGrid.h"
#include "MainWindow.h"
#include "PresetsTab.h"
#include "Translations.h"
#include "UserEditDialog.h"
#include "UsersTab.h"
#include "auth/UserAdministration.h"
#include "http/HttpServer.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

bool displayAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "cairn: " << message << Qt::endl;
    return code;
}

int runHeadless(cairn::Runtime &runtime)
{
    QTextStream(stdout) << "Cairn is serving on " << runtime.server().baseUrl().toString()
                        << " (data: " << runtime.dataDir() << ")" << Qt::endl;
    return QCoreApplication::exec();
}

int runDesktop(cairn::Runtime &runtime, cairn::SingleInstance &instance)
{
    if (!runtime.users().hasUsers() && !cairn::askForFirstAdmin(runtime.users()))
        return 1;
    QApplication::setQuitOnLastWindowClosed(false);
    cairn::MainWindow window(runtime.database(), runtime.scanner(), runtime.server());
    window.addTab(new cairn::AlbumGrid(runtime.database(), runtime.artwork(), runtime.scanner()),
                  QApplication::translate("cairn", "Albums"));
    window.addTab(new cairn::UsersTab(runtime.users(), runtime.database()), QApplication::translate("cairn", "Users"));
    auto *activityTab = new cairn::ActivityTab(runtime.activity(), &runtime.database());
    activityTab->setLimitsApply([&runtime](const cairn::StreamLimits &limits) { runtime.setStreamLimits(limits); });
    window.addTab(activityTab, QApplication::translate("cairn", "Activity"));
    window.addTab(new cairn::PresetsTab(runtime.transcoding(), runtime.database(),
                                        [&runtime](int mib) { runtime.setTranscodeCacheMiB(mib); }),
                  QApplication::translate("cairn", "Presets"));
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

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(u"Cairn"_s);
    QCoreApplication::setApplicationName(u"Cairn"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));

    const auto parsed = cairn::parseOptions(argumentsOf(argc, argv));
    if (const auto *exit = std::get_if<cairn::OptionsExit>(&parsed)) {
        if (exit->code != 0)
            return fail(exit->text, exit->code);
        QTextStream(stdout) << exit->text << Qt::endl;
        return 0;
    }
    cairn::Options options = std::get<cairn::Options>(parsed);
    options.headless = options.headless || !displayAvailable();

    std::unique_ptr<QCoreApplication> app;
    if (options.headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    cairn::installTranslations(*app);
    const cairn::ShutdownSignals shutdownSignals;

    cairn::Runtime runtime(options);
    std::unique_ptr<cairn::SingleInstance> instance;
    if (!options.headless) {
        instance = std::make_unique<cairn::SingleInstance>(runtime.dataDir());
        if (!instance->claim())
            return 0;   // the running instance shows its window instead
    }
    if (const auto error = runtime.start())
        return fail(*error);
    return options.headless ? runHeadless(runtime) : runDesktop(runtime, *instance);
}
