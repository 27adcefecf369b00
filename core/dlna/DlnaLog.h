#pragma once
// The DLNA server's logging category, shared by its parts.

#include <QLoggingCategory>

namespace cairn::dlna {
Q_DECLARE_LOGGING_CATEGORY(lcDlna)
} // namespace cairn::dlna
