#pragma once
// Logging category of the transcoding area.

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcTranscode)
} // namespace cairn
