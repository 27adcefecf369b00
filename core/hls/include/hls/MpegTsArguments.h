#pragma once
// FFmpeg's argument list for one ladder rung as a single, continuous MPEG-TS stream on stdout:
// what a DLNA renderer that cannot decode the source plays, encoded exactly as the rung's HLS
// segments are (one encoder configuration to measure and keep right), without the segmenter.

#include "hls/HlsVariant.h"

#include <QStringList>

namespace cairn {

struct MpegTsJob
{
    QString inputPath;                 // absolute path from the catalog
    HlsVariant variant;                // an encoded rung (not the passthrough one)
    double startSeconds = 0;           // input seek (before -i: fast, whatever the offset)
    QString x264Preset = QStringLiteral("veryfast");
    int keyframeSeconds = 6;           // the HLS segment length: the same keyframe spacing
};

// For the ffmpeg CLI, no shell. Timestamps start afresh at the seek: a renderer learns the
// position from the TimeSeekRange answer, as with every other transcode.
QStringList mpegTsArguments(const MpegTsJob &job);

} // namespace cairn
