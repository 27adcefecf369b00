#pragma once
// Reads tags, lyrics and audio properties of an audio file with TagLib.

#include "catalog/Lyrics.h"
#include "catalog/Track.h"

#include <QList>

#include <QString>

#include <optional>

namespace cairn::taglib {

struct TagLibRead
{
    Track track;
    QList<Lyrics> lyrics;
};

// The track read from `path` (kind, format, codec, duration, bitrate, sample rate, channels,
// tags) and its lyrics, or nothing if TagLib cannot read it as audio with a positive duration.
std::optional<TagLibRead> read(const QString &path);

} // namespace cairn::taglib
