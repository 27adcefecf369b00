#include "DlnaLog.h"

namespace cairn::dlna {
Q_LOGGING_CATEGORY(lcDlna, "cairn.dlna")
} // namespace cairn::dlna
