#pragma once
// FFmpeg's argument list for producing a variant's MPEG-TS segments from one index to the end,
// and the reading of the segment list FFmpeg prints as each segment is finished.

#include "hls/HlsVariant.h"
#include "hls/SegmentTimeline.h"

#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace cairn {

struct SegmentJob
{
    QString inputPath;                        // absolute path from the catalog
    HlsVariant variant;
    SegmentTimeline timeline;
    int firstIndex = 0;
    QString outputDirectory;                  // seg<N>.ts files are written here
    QString x264Preset = QStringLiteral("veryfast");
};

// For the ffmpeg CLI, no shell. Keyframes fall on the timeline's grid and timestamps do not
// depend on `firstIndex`: a run restarted at a seek continues the same stream.
QStringList segmentArguments(const SegmentJob &job);

QString segmentFileName(int index);   // "seg<N>.ts"

// ffmpeg prints one CSV line per finished segment on stdout ("seg12.ts,72.000000,78.000000"):
// the index, or nullopt.
std::optional<int> finishedSegmentIndex(QByteArrayView csvLine);

} // namespace cairn
