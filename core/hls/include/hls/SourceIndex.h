#pragma once
// What a passthrough ("original") HLS variant needs to know about a video file: whether its
// streams can be copied into MPEG-TS unchanged (H.264 video, AAC or no audio), the H.264
// profile and level for CODECS, and where its keyframes are. Read from the container's index
// (MP4 sample tables, Matroska cues) with libavformat, without reading the media itself.

#include "hls/HlsVariant.h"
#include "hls/SegmentTimeline.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct SourceIndex
{
    int width = 0;
    int height = 0;
    int h264Profile = 0;          // profile_idc: 66, 77, 100…
    int h264Constraints = 0;      // the constraint-flags byte
    int h264Level = 0;            // level_idc: 30, 31, 40…
    bool hasAudio = false;        // AAC when true
    qint64 bitRate = 0;           // bits/s of the whole file, 0 = unknown
    qint64 durationMs = 0;
    QList<qint64> keyframesMs;    // decode times of the video keyframes, ascending
    QList<qint64> keyframeBytes;  // where each of them starts in the file (-1 unknown), same order
    qint64 fileSize = 0;
};

// nullopt when the file cannot be copied as is (other codecs, no index, unreadable).
std::optional<SourceIndex> readSourceIndex(const QString &path);

// The "original" variant of such a source: its size, its own profile and level, and its rates
// measured on `timeline` (the source cut at its keyframes): the busiest segment's for
// BANDWIDTH, the whole file's for AVERAGE-BANDWIDTH, from the file offsets of the keyframes
// that start the segments. Without offsets: the file's size over its duration for both.
HlsVariant passthroughVariant(const SourceIndex &index, const SegmentTimeline &timeline);

} // namespace cairn
