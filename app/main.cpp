// cairn: the server. With a display (and without --headless) it loads the desktop module,
// which adds the window and the tray; otherwise it serves headless, and loads no widget code.

#include "CommandLine.h"
#include "DesktopModule.h"
#include "Runtime.h"
#include "ShutdownSignals.h"
#include "Translations.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

bool displayAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

int runHeadless(int argc, char **argv, const cairn::Options &options)
{
    QCoreApplication app(argc, argv);
    cairn::installTranslations(app);
    const cairn::ShutdownSignals shutdownSignals;
    cairn::Runtime runtime(options);
    if (const auto error = runtime.start())
        return cairn::failWith(*error);
    QTextStream out(stdout);
    out << "Cairn is serving on " << runtime.server().baseUrl().toString() << " (data: " << runtime.dataDir() << ")"
        << Qt::endl;
    if (const QList<QUrl> lan = runtime.server().lanUrls(); !lan.isEmpty()) {
        QStringList addresses;
        for (const QUrl &url : lan)
            addresses << url.toString();
        out << "On the LAN (phones, TVs, other computers): " << addresses.join(u", "_s) << Qt::endl;
    }
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    cairn::setApplicationIdentity();
    auto parsed = cairn::optionsOrExit(argc, argv);
    if (const int *code = std::get_if<int>(&parsed))
        return *code;
    cairn::Options options = std::get<cairn::Options>(parsed);

    if (!options.headless && displayAvailable()) {
        cairn::DesktopModule desktop;
        if (desktop.load())
            return desktop.run(argc, argv);
        // A server without its window is still a working server.
        QTextStream(stderr) << "cairn: the desktop module cannot be loaded (" << desktop.errorText()
                            << "); serving headless" << Qt::endl;
    }
    return runHeadless(argc, argv, options);
}
