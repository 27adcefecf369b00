#include "SubtitleLog.h"

Q_LOGGING_CATEGORY(lcSubtitle, "cairn.subtitle")
