#pragma once
// Catalog items in the Subsonic API's shapes: a song ("Child"), an album (ID3 "AlbumID3" and the
// older directory-style "Child" with isDir), an artist; with the caller's own state of each.

#include "subsonic/SubsonicNode.h"

#include "catalog/Browse.h"
#include "catalog/Track.h"

#include <QDateTime>

namespace cairn::subsonic {

// What one user has done with an item: favourite, rating, plays.
struct UserState
{
    QDateTime starred;      // invalid = not a favourite
    int rating = 0;         // 1–5, 0 = none
    qint64 playCount = 0;
    QDateTime played;       // last play, invalid = never
};

// ISO 8601 in UTC with milliseconds, as the spec's examples write dates.
QString isoDate(const QDateTime &when);
QString isoDateFromSecs(qint64 secs);

Node songNode(const Track &track, const UserState &state = {}, const QString &element = QStringLiteral("song"));
Node albumNode(const AlbumSummary &album, const UserState &state = {}, const QString &element = QStringLiteral("album"));
// An album as a directory entry (getAlbumList, search2, getMusicDirectory of an artist).
Node albumDirectoryNode(const AlbumSummary &album, const UserState &state = {},
                        const QString &element = QStringLiteral("album"));
Node artistNode(const ArtistSummary &artist, const UserState &state = {}, const QString &element = QStringLiteral("artist"));

} // namespace cairn::subsonic
