#pragma once
// What HLS makes of a catalog video: its encoded variants (the ladder of video presets, never
// above the source) on the uniform segment grid. Sessions and optimised versions start here.

#include "base/Result.h"
#include "catalog/Track.h"
#include "hls/HlsSessionSource.h"

namespace cairn {

struct VideoPreset;

Result<HlsSessionSource> encodedHlsSource(const Track &track, const QList<VideoPreset> &presets, int segmentSeconds,
                                          SegmentFormat format);

} // namespace cairn
