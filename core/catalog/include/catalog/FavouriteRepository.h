#pragma once
// What each user starred (tracks, albums, artists) and when: star, unstar, and the starred lists
// within what the user may see (OpenSubsonic star, unstar, getStarred2). Every call runs on the
// calling thread's connection.

#include "base/Result.h"
#include "catalog/Browse.h"
#include "catalog/ItemKind.h"
#include "catalog/Track.h"
#include "catalog/Visibility.h"

#include <QList>

namespace cairn {

class Database;

class FavouriteRepository
{
public:
    explicit FavouriteRepository(const Database &db) : m_db(db) {}

    // Stars every id of `kind` at `atSecs` (unix seconds); one already starred keeps its date.
    // NotFound, and nothing starred, when an id names no item. Whether the user may see the
    // items is the caller's check.
    Outcome star(qint64 userId, ItemKind kind, const QList<qint64> &ids, qint64 atSecs);
    // Ids that are not starred, or name nothing, are fine.
    Outcome unstar(qint64 userId, ItemKind kind, const QList<qint64> &ids);

    // The user's starred items `visibility` allows, newest starred first. Tracks: audio only.
    QList<Track> starredTracks(qint64 userId, const Visibility &visibility) const;
    QList<AlbumSummary> starredAlbums(qint64 userId, const Visibility &visibility) const;
    QList<ArtistSummary> starredArtists(qint64 userId, const Visibility &visibility) const;

private:
    const Database &m_db;
};

} // namespace cairn
