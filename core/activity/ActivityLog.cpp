#include "ActivityLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcActivity, "cairn.activity")
} // namespace cairn
