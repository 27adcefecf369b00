#pragma once
// What an HLS session (or an optimised version made ahead of time) plays: one version of a
// video file, its variants and their segment grids, and the segments' container.

#include "hls/HlsVariant.h"
#include "hls/SegmentFormat.h"
#include "hls/SegmentTimeline.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cairn {

// What a session plays and for whom.
struct HlsSessionSource
{
    qint64 trackId = 0;
    QString path;                 // the video file (catalog path, never sent to clients)
    qint64 size = 0;              // with mtime: the version of the file the cache keys name
    QDateTime mtime;
    QString title;
    qint64 userId = 0;
    QList<HlsVariant> variants;
    SegmentTimeline timeline;              // the encoded variants' uniform grid
    SegmentTimeline passthroughTimeline;   // the "original" variant's keyframe cuts, if offered
    // The session's segments: fMP4 unless the setting or the player asks for MPEG-TS.
    SegmentFormat format = SegmentFormat::Fmp4;

    const SegmentTimeline &timelineFor(const HlsVariant &variant) const
    {
        return variant.passthrough ? passthroughTimeline : timeline;
    }
};

} // namespace cairn
