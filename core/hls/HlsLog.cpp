#include "HlsLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcHls, "cairn.hls")
}
