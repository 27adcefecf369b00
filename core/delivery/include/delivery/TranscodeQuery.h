#pragma once
// The JSON API's transcode query (`preset=NAME`, or `format=` with an optional `bitrate=`, plus
// `offset=SECONDS`) read into a MediaAsk. What needs the track or the stored presets (is the
// preset known, is the offset inside the track) the planner checks, with the same words.

#include "base/Result.h"
#include "delivery/MediaAsk.h"

#include <QStringList>
#include <QUrlQuery>

namespace cairn {

// `presetNames` are listed when the query names neither a preset nor a format (or both).
Result<MediaAsk> readTranscodeQuery(const QUrlQuery &query, const QStringList &presetNames);

} // namespace cairn
