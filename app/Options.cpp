#include "Options.h"

#include "scan/ReaderVersions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

std::variant<Options, OptionsExit> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Options", "Cairn home media server"));
    const QCommandLineOption help({u"h"_s, u"help"_s}, QCoreApplication::translate("Options", "Show this help."));
    const QCommandLineOption version({u"v"_s, u"version"_s}, QCoreApplication::translate("Options", "Show the version."));
    const QCommandLineOption headless(u"headless"_s,
        QCoreApplication::translate("Options", "Run the server without any window (servers, NAS)."));
    const QCommandLineOption minimized(u"minimized"_s,
        QCoreApplication::translate("Options", "Start in the tray without opening the window (as at login)."));
    const QCommandLineOption dataDir(u"data-dir"_s,
        QCoreApplication::translate("Options", "Keep the catalog, settings and caches in <dir>."), u"dir"_s);
    const QCommandLineOption library(u"library"_s,
        QCoreApplication::translate("Options", "Add <path> as a library folder (repeatable)."), u"path"_s);
    const QCommandLineOption port(u"port"_s,
        QCoreApplication::translate("Options", "Listen on <port> (0 picks a free one)."), u"port"_s);
    const QCommandLineOption bind(u"bind"_s,
        QCoreApplication::translate("Options", "Listen on <address> (default 0.0.0.0: the whole LAN; 127.0.0.1: this computer only)."), u"address"_s);
    const QCommandLineOption adminUser(u"admin-user"_s,
        QCoreApplication::translate("Options", "First run: create the administrator <name>."), u"name"_s);
    const QCommandLineOption adminPasswordFile(u"admin-password-file"_s,
        QCoreApplication::translate("Options", "First run: the administrator's password is the first line of <file>."), u"file"_s);
    parser.addOptions({help, version, headless, minimized, dataDir, library, port, bind, adminUser, adminPasswordFile});

    if (!parser.parse(arguments))
        return OptionsExit{2, parser.errorText()};
    // The options are read before QCoreApplication exists, so Qt cannot name the program.
    if (parser.isSet(help))
        return OptionsExit{0, parser.helpText().replace(u"<executable_name>"_s, u"cairn"_s)};
    if (parser.isSet(version))
        return OptionsExit{0, u"cairn "_s + QStringLiteral(CAIRN_VERSION) + u"\nQt "_s + QString::fromLatin1(qVersion())
                                  + u", "_s + readerVersions()};
    if (!parser.positionalArguments().isEmpty())
        return OptionsExit{2, QCoreApplication::translate("Options", "Unexpected argument: %1")
                                  .arg(parser.positionalArguments().first())};

    Options o;
    o.headless = parser.isSet(headless);
    o.minimized = parser.isSet(minimized);
    if (parser.isSet(dataDir))
        o.dataDir = QDir(parser.value(dataDir)).absolutePath();
    for (const QString &path : parser.values(library))
        o.libraries << QDir(path).absolutePath();
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535)
            return OptionsExit{2, QCoreApplication::translate("Options", "--port must be a number from 0 to 65535")};
        o.port = quint16(value);
    }
    if (parser.isSet(bind)) {
        QHostAddress address;
        if (!address.setAddress(parser.value(bind)))
            return OptionsExit{2, QCoreApplication::translate("Options", "--bind must be an IP address, e.g. 127.0.0.1 or 0.0.0.0")};
        o.bind = address;
    }
    o.adminUser = parser.value(adminUser);
    if (parser.isSet(adminPasswordFile))
        o.adminPasswordFile = QDir(parser.value(adminPasswordFile)).absolutePath();
    return o;
}

} // namespace cairn
