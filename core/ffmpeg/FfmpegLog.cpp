#include "FfmpegLog.h"

namespace cairn {
Q_LOGGING_CATEGORY(lcFfmpeg, "cairn.ffmpeg")
}
