#pragma once
// The JSON shapes of presets, both ways. Reading merges the fields a body gives onto a preset
// (a new one, or the stored one for an edit); a field of the wrong type is InvalidInput naming it.

#include "base/Result.h"
#include "transcode/Preset.h"
#include "transcode/VideoPreset.h"

#include <QJsonObject>

namespace cairn {

QJsonObject presetToJson(const Preset &preset);
QJsonObject presetToJson(const VideoPreset &preset);

Result<Preset> presetFromJson(const QJsonObject &body, Preset base);
Result<VideoPreset> presetFromJson(const QJsonObject &body, VideoPreset base);

} // namespace cairn
