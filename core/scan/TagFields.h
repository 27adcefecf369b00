#pragma once
// Maps a tag key/value pair (TagLib property names or FFmpeg metadata keys, any case) onto
// a Track's tag fields, so both readers fill tags the same way.

#include "catalog/Track.h"

#include <QString>

namespace cairn {

// Sets the field `key` names (title, artist, album, albumartist/album_artist, genre,
// tracknumber/track, discnumber/disc, date/year); fields already set are kept.
void applyTag(Track &track, const QString &key, const QString &value);

// The leading number of "3/12" or "2001-05-04" (ASCII digits, at most 9); 0 if none.
int leadingNumber(const QString &text);

} // namespace cairn
