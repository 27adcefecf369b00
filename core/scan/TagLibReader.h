#pragma once
// Reads tags and audio properties of an audio file with TagLib.

#include "catalog/Track.h"

#include <QString>

#include <optional>

namespace cairn::taglib {

// The track read from `path` (kind, format, codec, duration, bitrate, sample rate, channels,
// tags), or nothing if TagLib cannot read it as audio with a positive duration.
std::optional<Track> read(const QString &path);

} // namespace cairn::taglib
