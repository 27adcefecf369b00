#pragma once
// Logging categories of the HTTP layer.

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcHttpAccess)
// One debug line per response body: its bytes and how many went out by sendfile.
Q_DECLARE_LOGGING_CATEGORY(lcHttpBody)
} // namespace cairn
