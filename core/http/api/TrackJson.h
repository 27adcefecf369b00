#pragma once
// The JSON shape of a track in the API. Never includes the filesystem path.

#include <QJsonObject>

namespace cairn {

struct Track;

QJsonObject trackToJson(const Track &track);

} // namespace cairn
