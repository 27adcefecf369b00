#pragma once
// Command-line options of the `cairn` executable, parsed into a value.

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace cairn {

struct Options
{
    bool headless = false;
    bool minimized = false;               // desktop: start in the tray, window hidden
    QString dataDir;                      // empty = the platform's app data location
    QStringList libraries;                // --library, repeatable
    std::optional<quint16> port;
    std::optional<QHostAddress> bind;
    QString adminUser;                    // first run: create this administrator…
    QString adminPasswordFile;            // …with the password on this file's first line
};

struct OptionsExit
{
    int code = 0;
    QString text;                         // help/version text (code 0) or the error (code 2)
};

// Parses argv (arguments().first() is the program). Returns OptionsExit for --help,
// --version and for bad options.
std::variant<Options, OptionsExit> parseOptions(const QStringList &arguments);

} // namespace cairn
