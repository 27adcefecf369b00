#pragma once
// Logging categories of the HTTP layer.

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcHttpAccess)
} // namespace cairn
