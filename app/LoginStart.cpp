#include "LoginStart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

#if defined(Q_OS_WIN)
const QString kRunKey = u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s;
const QString kRunValue = u"Cairn"_s;

QString quotedForWindows(const QString &argument)
{
    return argument.contains(u' ') ? u'"' + argument + u'"' : argument;
}
#elif defined(Q_OS_MACOS)
const QString kAgentLabel = u"org.cairn.Cairn"_s;
#else
// An Exec argument by the Desktop Entry Specification: quoted when it holds a reserved
// character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes; `%` doubled (field codes).
QString execArgument(QString argument)
{
    argument.replace(u'%', u"%%"_s);
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    if (std::none_of(argument.cbegin(), argument.cend(), [](QChar c) { return reserved.contains(c); }))
        return argument;
    QString quoted = u"\""_s;
    for (const QChar c : std::as_const(argument)) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    return quoted + u'"';
}
#endif

} // namespace

LoginStart::LoginStart(QString program, QStringList arguments)
    : m_program(std::move(program)), m_arguments(std::move(arguments))
{
}

#if defined(Q_OS_WIN)

QString LoginStart::location() const
{
    return kRunKey;
}

bool LoginStart::isEnabled() const
{
    return QSettings(kRunKey, QSettings::NativeFormat).contains(kRunValue);
}

std::optional<QString> LoginStart::setEnabled(bool enabled) const
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled) {
        QStringList command{quotedForWindows(QDir::toNativeSeparators(m_program))};
        for (const QString &a : m_arguments)
            command << quotedForWindows(a);
        run.setValue(kRunValue, command.join(u' '));
    } else {
        run.remove(kRunValue);
    }
    run.sync();
    if (run.status() != QSettings::NoError)
        return tr("Cannot change %1.").arg(kRunKey);
    return std::nullopt;
}

#else

QString LoginStart::location() const
{
#if defined(Q_OS_MACOS)
    return QDir::homePath() + u"/Library/LaunchAgents/"_s + kAgentLabel + u".plist"_s;
#else
    // XDG_CONFIG_HOME, else ~/.config: where every XDG desktop looks for autostart entries.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/autostart/cairn.desktop"_s;
#endif
}

bool LoginStart::isEnabled() const
{
    return QFileInfo(location()).isFile();
}

std::optional<QString> LoginStart::setEnabled(bool enabled) const
{
    const QString path = location();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return tr("Cannot remove %1.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return tr("Cannot create the folder of %1.").arg(QDir::toNativeSeparators(path));
#if defined(Q_OS_MACOS)
    QString arguments = u"    <string>"_s + m_program.toHtmlEscaped() + u"</string>\n"_s;
    for (const QString &a : m_arguments)
        arguments += u"    <string>"_s + a.toHtmlEscaped() + u"</string>\n"_s;
    const QString text = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                         "<plist version=\"1.0\">\n<dict>\n  <key>Label</key>\n  <string>"_s
                         + kAgentLabel + u"</string>\n  <key>ProgramArguments</key>\n  <array>\n"_s + arguments
                         + u"  </array>\n  <key>RunAtLoad</key>\n  <true/>\n</dict>\n</plist>\n"_s;
#else
    QStringList exec{execArgument(m_program)};
    for (const QString &a : m_arguments)
        exec << execArgument(a);
    const QString text = u"[Desktop Entry]\nType=Application\nName=Cairn\nComment="_s
                         + tr("Starts the Cairn media server in the tray")
                         + u"\nExec="_s + exec.join(u' ') + u"\nIcon=org.cairn.Cairn\nTerminal=false\n"
                           "X-GNOME-Autostart-enabled=true\n"_s;
#endif
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return std::nullopt;
}

#endif

} // namespace cairn
