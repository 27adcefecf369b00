#pragma once
// A poster frame of a video as an FFmpeg queue job: the frame at 10% of the duration (past
// black intros and studio logos), as a JPEG at the video's own size (at most 2048 wide).

#include "ffmpeg/FfmpegJob.h"

#include <QString>

namespace cairn::artwork {

// Its outcome's data is the JPEG.
FfmpegJob videoFrameJob(const QString &path, qint64 durationMs, int runTimeoutMs = 20000);

} // namespace cairn::artwork
