#pragma once
// Who and what a track is filed under: artist, album artist and album from the tags, falling
// back to folder names (album = parent folder, artist = grandparent folder inside the library,
// else "Unknown Artist"), plus the text the search column holds.

#include "catalog/Track.h"

#include <QString>

namespace cairn {

struct TrackCredits
{
    QString artist;
    QString albumArtist;
    QString album;

    // `folderRoot` is the library folder holding the track ("" when unknown).
    static TrackCredits derive(const Track &track, const QString &folderRoot);
    static QString unknownArtist();
    static QString unknownAlbum();
};

// Case-folded text the search column holds for a track.
QString searchDocument(const Track &track, const TrackCredits &credits);

} // namespace cairn
