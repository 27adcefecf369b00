#include "HttpLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcHttp, "cairn.http")
Q_LOGGING_CATEGORY(lcHttpAccess, "cairn.http.access")
Q_LOGGING_CATEGORY(lcHttpBody, "cairn.http.body", QtWarningMsg)
} // namespace cairn
