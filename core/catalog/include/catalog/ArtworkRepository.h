#pragma once
// Finds the artwork source of a track, an album or an artist for a caller's visibility, and
// keeps the tracks' folder images up to date for the scanner.

#include "catalog/ArtSource.h"
#include "catalog/Browse.h"
#include "catalog/Visibility.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

class Database;

// A track's file and the folder image recorded for it (the scanner's folder pass).
struct TrackFolderArt
{
    qint64 trackId = 0;
    QString path;
    QString folderArt;
};

class ArtworkRepository
{
public:
    explicit ArtworkRepository(const Database &db) : m_db(db) {}

    // nullopt when the item does not exist or `visibility` sees none of its tracks; an
    // ArtSource of kind None when it is visible but has no artwork.
    // Track: its embedded picture, else the folder image, else (video) a frame.
    std::optional<ArtSource> forTrack(qint64 trackId, const Visibility &visibility) const;
    // Album: the folder image, else the first track's embedded picture (or video frame).
    std::optional<ArtSource> forAlbum(qint64 albumId, const Visibility &visibility) const;
    // Artist: the artwork of the first of their albums (by title) that has any.
    std::optional<ArtSource> forArtist(qint64 artistId, const Visibility &visibility) const;

    // Albums with at least one track `visibility` sees, by artist then title; only the ids and
    // names are filled (the desktop grid).
    QList<AlbumSummary> albums(const Visibility &visibility) const;

    // Scanner side.
    QList<TrackFolderArt> folderArtOfAllTracks() const;
    QList<TrackFolderArt> folderArtOfTracksBelow(const QString &dir) const;   // files anywhere below it
    bool setFolderArt(qint64 trackId, const QString &imagePath);

private:
    std::optional<ArtSource> firstArtOf(const QString &condition, qint64 id,
                                        const Visibility &visibility) const;
    const Database &m_db;
};

} // namespace cairn
