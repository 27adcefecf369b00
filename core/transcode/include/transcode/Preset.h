#pragma once
// A transcoding preset as a plain value: an output format and its few numeric settings.
// Presets are admin data validated by PresetRules, never free-form command lines.

#include "transcode/OutputFormat.h"

#include <QString>

namespace cairn {

struct Preset
{
    qint64 id = 0;            // 0 = not stored (ad-hoc request or a new preset)
    QString name;
    OutputFormat format = OutputFormat::Mp3;
    int bitrateKbps = 0;      // 0 for lossless formats
    int sampleRate = 0;       // Hz; 0 = the source's
    int channels = 0;         // 0 = the source's (capped by the format)

    friend bool operator==(const Preset &, const Preset &) = default;
};

} // namespace cairn
