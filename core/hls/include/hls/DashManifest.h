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

// A subtitle track: one WebVTT file for the whole period, in an AdaptationSet of its own.
struct DashTextTrack
{
    QString id;          // unique among them
    QString language;    // RFC 5646; empty = not said
    QString label;
    bool forced = false;
    bool hearingImpaired = false;
    QString uri;         // already signed
};

// `initUri` and `segmentUri` give a variant's init segment and segment `index` (signed as the
// HLS playlists' are). Encoded variants share one AdaptationSet (their grid is the same), the
// copied original gets one of its own (cut at its keyframes).
QByteArray dashManifest(const QList<DashRepresentation> &representations, double durationSeconds,
                        const std::function<QString(const HlsVariant &)> &initUri,
                        const std::function<QString(const HlsVariant &, int index)> &segmentUri,
                        const QList<DashTextTrack> &texts = {});

} // namespace cairn
