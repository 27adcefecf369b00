#pragma once
// Logging category of the activity area (live streams, limits, history, metrics).

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcActivity)
} // namespace cairn
