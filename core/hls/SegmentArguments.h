#pragma once
// FFmpeg's argument list for producing a variant's segments (fragmented MP4 or MPEG-TS) from
// one index to the end, and the reading of the segment list FFmpeg prints as each segment is
// finished.

#include "hls/HlsSettings.h"
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
    QString outputDirectory;                  // seg<N>.m4s (or .ts) files are written here
    QString x264Preset = QStringLiteral("veryfast");
    SegmentFormat format = SegmentFormat::Fmp4;
    bool background = false;                  // an optimised version: FFmpeg runs niced
};

// Segment timestamps are the grid's plus this: the first segment's B-frame decode delay and
// AAC priming start before 0, which fMP4 cannot carry (tfdt is unsigned) and which FFmpeg's
// MPEG-TS muxer would shift away in the first segment only (its last frames and the next
// segment's first ones then shared times). DASH states it as the presentationTimeOffset; HLS
// players take the first segment's time as the start.
constexpr int kFmp4TimeOffsetSeconds = 10;

inline const QString kInitFileName = QStringLiteral("init.mp4");

// For the ffmpeg CLI, no shell. Keyframes fall on the timeline's grid and timestamps do not
// depend on `firstIndex`: a run restarted at a seek continues the same stream.
QStringList segmentArguments(const SegmentJob &job);

QString segmentFileName(int index, SegmentFormat format);   // "seg<N>.m4s" or "seg<N>.ts"

// ffmpeg prints one CSV line per finished segment on stdout ("seg12.m4s,72.000000,78.000000"):
// the index, or nullopt.
std::optional<int> finishedSegmentIndex(QByteArrayView csvLine);

} // namespace cairn
