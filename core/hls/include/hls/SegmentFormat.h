#pragma once
// The container of HLS segments: fragmented MP4 (CMAF: one init segment per variant, the same
// segments served to HLS and DASH) or MPEG-TS for old HLS clients (setting hls/segmentFormat).

#include <QByteArray>
#include <QString>

namespace cairn {

enum class SegmentFormat { Fmp4, MpegTs };

// How sessions, waits and the cache name a variant's fMP4 init segment among its segments.
constexpr int kInitSegment = -1;

inline QString segmentExtension(SegmentFormat format)   // "m4s" or "ts"
{
    return format == SegmentFormat::Fmp4 ? QStringLiteral("m4s") : QStringLiteral("ts");
}

inline QByteArray segmentContentType(SegmentFormat format)
{
    return format == SegmentFormat::Fmp4 ? QByteArrayLiteral("video/iso.segment") : QByteArrayLiteral("video/mp2t");
}

// The 90 kHz timestamp of the video's time 0 in the segments (what a WebVTT X-TIMESTAMP-MAP
// ties cue time 0 to): segments start 10 s in (SegmentArguments.h says why), and FFmpeg's
// MPEG-TS muxer adds 1.4 s (its default mux delay, measured with FFmpeg 5.1).
qint64 mediaTimestampAtZero(SegmentFormat format);

} // namespace cairn
