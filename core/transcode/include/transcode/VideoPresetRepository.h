#pragma once
// Reads and writes video (HLS) presets in the catalog: the one preset store (PresetStore) over
// the `video_presets` table, validated by VideoPresetRules; listed by height, then width.

#include "transcode/PresetStore.h"
#include "transcode/VideoPreset.h"

namespace cairn {

using VideoPresetRepository = PresetStore<VideoPreset>;
extern template class PresetStore<VideoPreset>;

} // namespace cairn
