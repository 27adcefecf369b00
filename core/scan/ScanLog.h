#pragma once
// Logging category of the library scanner.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcScan)
