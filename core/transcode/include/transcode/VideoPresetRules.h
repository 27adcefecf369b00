#pragma once
// The rules a video (HLS) preset must follow: a sensible name, an even frame box libx264 can
// encode, and bitrates H.264 and AAC make sense at, with messages that say what is allowed.

#include "transcode/PresetRule.h"
#include "transcode/VideoPreset.h"

#include <optional>

namespace cairn {

// Even sizes only: H.264 with 4:2:0 chroma needs both sides divisible by two.
constexpr int kMinVideoWidth = 128;
constexpr int kMaxVideoWidth = 7680;
constexpr int kMinVideoHeight = 96;
constexpr int kMaxVideoHeight = 4320;
constexpr int kMinVideoKbps = 100;
constexpr int kMaxVideoKbps = 100000;
constexpr int kMinVideoAudioKbps = 32;   // AAC's range, as for audio presets
constexpr int kMaxVideoAudioKbps = 512;

// nullopt when valid, else a message saying what is wrong and what is allowed. The name is
// judged trimmed (the repository stores it trimmed); the length limit is kMaxPresetNameLength.
std::optional<QString> videoPresetError(const VideoPreset &preset);

} // namespace cairn
