#include "HttpLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcHttp, "cairn.http")
Q_LOGGING_CATEGORY(lcHttpAccess, "cairn.http.access")
} // namespace cairn
