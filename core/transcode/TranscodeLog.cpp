#include "TranscodeLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcTranscode, "cairn.transcode")
} // namespace cairn
