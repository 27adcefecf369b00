#include "PreviewLog.h"

Q_LOGGING_CATEGORY(lcPreview, "cairn.preview")
