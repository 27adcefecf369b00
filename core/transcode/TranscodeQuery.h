#pragma once
// The query of a transcode request (`preset=NAME`, or `format=` with an optional `bitrate=`,
// plus `offset=SECONDS`) parsed into a validated preset and an offset. Errors name the
// parameter and list the allowed values.

#include "transcode/Preset.h"

#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <variant>

namespace cairn {

struct TranscodeRequest
{
    Preset preset;
    double offsetSeconds = 0;
};

using PresetLookup = std::function<std::optional<Preset>(const QString &name)>;

// `presetNames` are listed when the preset is unknown; `durationSeconds` bounds `offset`
// (0 = unknown: any offset below a day).
std::variant<TranscodeRequest, QString> parseTranscodeQuery(const QUrlQuery &query, const PresetLookup &findPreset,
                                                            const QStringList &presetNames, double durationSeconds);

} // namespace cairn
