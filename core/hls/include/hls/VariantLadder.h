#pragma once
// Which variants a video's master playlist offers: each preset's box fitted to the source,
// never upscaled, duplicates dropped, lowest bandwidth first.

#include "hls/HlsVariant.h"
#include "transcode/VideoPreset.h"

#include <QList>

#include <optional>

namespace cairn {

struct VideoSourceFacts
{
    int width = 0;          // 0 = unknown
    int height = 0;
    bool hasAudio = true;
};

// The variants a master playlist offers for a source, lowest bandwidth first.
QList<HlsVariant> variantLadder(const QList<VideoPreset> &presets, const VideoSourceFacts &source);

// The ladder's highest rung (the most bandwidth; never above the source): the one encoding a
// player gets that cannot choose between variants (a DLNA renderer). nullopt without presets.
std::optional<HlsVariant> topVariant(const QList<VideoPreset> &presets, const VideoSourceFacts &source);

} // namespace cairn
