#pragma once
// What both front ends of the `cairn` executable (the headless server and the desktop module)
// do first: the application's identity (settings paths) and the parsed command line.

#include "Options.h"

#include <variant>

namespace cairn {

// Organization, application name and version: they decide where QSettings and data live.
void setApplicationIdentity();

// The options, or the exit code after --help/--version (printed to stdout) or a bad option
// (printed to stderr).
std::variant<Options, int> optionsOrExit(int argc, char **argv);

// Prints "cairn: <message>" to stderr and returns `code`.
int failWith(const QString &message, int code = 1);

} // namespace cairn
