#pragma once
// The names produced segments are kept under: every input of the encode is in them, so an
// edited preset, another encoder speed or a replaced file never matches an old segment.

#include "hls/HlsSessionSource.h"

#include <QString>

namespace cairn {

// One segment (kInitSegment: the init) of one variant, in the transcode cache.
QString segmentCacheKey(const HlsSessionSource &source, const HlsVariant &variant, int index,
                        const QString &x264Preset);

// A whole variant of one version of the file in the source's format: an optimised version.
QString variantVersionKey(const HlsSessionSource &source, const HlsVariant &variant, const QString &x264Preset);

} // namespace cairn
