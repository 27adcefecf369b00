#pragma once
// Where a page of the library order ended: its last track's sort keys, so the next page starts
// right after it even when a scan added or removed tracks in between, and costs the same at any
// depth (keyset paging, no offset to skip). Clients see it only as an opaque string.

#include <QString>

#include <optional>

namespace cairn {

struct LibraryCursor
{
    qint64 albumId = 0;          // 0: the album-less tracks, which come first
    QString albumArtistKey;      // the album's sort keys (albums.artist_key, albums.title_key)
    QString albumTitleKey;
    int discNumber = 0;
    int trackNumber = 0;
    QString title;
    qint64 trackId = 0;

    // URL-safe text (base64url, no padding) that decoded() reads back.
    QString encoded() const;
    // nullopt for anything encoded() did not write: a client's typo or tampering.
    static std::optional<LibraryCursor> decoded(const QString &text);
};

} // namespace cairn
