#pragma once
// Albums for browsing: paged and sorted lists, one album, and its tracks in play order, always
// limited to what a Visibility allows (an album with no visible track does not exist).

#include "catalog/Browse.h"
#include "catalog/Track.h"
#include "catalog/Visibility.h"

#include <optional>

namespace cairn {

class Database;

class AlbumRepository
{
public:
    explicit AlbumRepository(const Database &db) : m_db(db) {}

    // Per-user orders and filters read the state of `query.userId` (see AlbumQuery).
    Page<AlbumSummary> list(const AlbumQuery &query, const Visibility &visibility) const;
    std::optional<AlbumSummary> find(qint64 id, const Visibility &visibility) const;
    // Disc, track number, title order.
    QList<Track> tracks(qint64 albumId, const Visibility &visibility) const;
    QList<GenreSummary> genres(const Visibility &visibility) const;

private:
    const Database &m_db;
};

} // namespace cairn
