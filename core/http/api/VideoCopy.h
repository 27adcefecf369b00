#pragma once
// A video's MPEG-TS copy (H.264 + AAC, the HLS ladder's encoding) for players that cannot
// decode the file and cannot choose an HLS variant either: DLNA renderers. What the route
// serves and what the DIDL announces come from here, so they never disagree.

#include "catalog/Track.h"
#include "hls/HlsVariant.h"
#include "hls/VariantLadder.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct VideoPreset;

// "/api/videos/<id>/mpegts"
QString videoCopyPath(qint64 trackId);
// What the ladder needs to know of a catalog video (sound is there when the catalog saw any).
VideoSourceFacts videoFactsOf(const Track &track);
// The rung the copy is encoded at: the ladder's highest, never above the source; nullopt
// without video presets.
std::optional<HlsVariant> videoCopyRung(const QList<VideoPreset> &presets, const Track &track);
// The copy's name in the activity list: "MPEG-TS 720p".
QString videoCopyName(const HlsVariant &rung);

} // namespace cairn
