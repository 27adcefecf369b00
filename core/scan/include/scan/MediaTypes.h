#pragma once
// Which file extensions the scanner considers, and which of them are video (uploads take
// exactly these).

#include "catalog/Track.h"

#include <QString>

#include <optional>

namespace cairn::media {

// The kind for a lower-case extension ("mp3", "mkv"), or nothing if it is not media.
std::optional<MediaKind> kindOfExtension(const QString &extension);

} // namespace cairn::media
