#pragma once
// Logging category of HLS sessions: cairn.hls.

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcHls)
}
