#pragma once
// The text of a static MPEG-DASH manifest (ISO/IEC 23009-1) over a session's fMP4 segments:
// every URL listed (each may carry its own signature), timed by the variants' segment grids.

#include "hls/HlsVariant.h"
#include "hls/SegmentTimeline.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace cairn {

struct DashRepresentation
{
    HlsVariant variant;
    SegmentTimeline timeline;
};

// `initUri` and `segmentUri` give a variant's init segment and segment `index` (signed as the
// HLS playlists' are). Encoded variants share one AdaptationSet (their grid is the same), the
// copied original gets one of its own (cut at its keyframes).
QByteArray dashManifest(const QList<DashRepresentation> &representations, double durationSeconds,
                        const std::function<QString(const HlsVariant &)> &initUri,
                        const std::function<QString(const HlsVariant &, int index)> &segmentUri);

} // namespace cairn
