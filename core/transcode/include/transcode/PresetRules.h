#pragma once
// The rules a preset must follow (bitrate within the codec's range, a sample rate and channel
// count the encoder takes, a sensible name), with messages that list the allowed values, and
// the user bitrate cap that turns a request into a cheaper one.

#include "transcode/Preset.h"
#include "transcode/PresetRule.h"

#include <optional>

namespace cairn {

// nullopt when valid, else a message saying what is wrong and what is allowed.
std::optional<QString> presetError(const Preset &preset);
// The bitrates allowed for a format, as text ("32–320" or "32, 40, …, 320"; "none" for lossless).
QString allowedBitrates(OutputFormat format);
QString allowedSampleRates(OutputFormat format);

// The nearest valid bitrate at or below `kbps` for `format` (0 when none; lossless: 0).
int bitrateAtMost(OutputFormat format, int kbps);

// What a user limited to `maxKbps` (0 = no limit) gets for `preset`: the same preset when within
// the limit, else the same lossy format at the highest allowed bitrate under the limit, or MP3
// at that bitrate for lossless formats.
Preset cappedPreset(const Preset &preset, int maxKbps);

} // namespace cairn
