#pragma once
// Reads and writes transcoding presets in the catalog: the one preset store (PresetStore) over
// the `presets` table, validated by PresetRules.

#include "transcode/Preset.h"
#include "transcode/PresetStore.h"

namespace cairn {

using PresetRepository = PresetStore<Preset>;
extern template class PresetStore<Preset>;

} // namespace cairn
