#pragma once
// Artists for browsing: paged by name, or one artist, limited to what a Visibility allows
// (an artist with no visible track, as performer or album artist, does not exist).

#include "catalog/Browse.h"
#include "catalog/Visibility.h"

#include <optional>

namespace cairn {

class Database;

class ArtistRepository
{
public:
    explicit ArtistRepository(const Database &db) : m_db(db) {}

    // By name; `search` matches the name case-insensitively.
    Page<ArtistSummary> list(qint64 offset, int limit, const Visibility &visibility, const QString &search = {}) const;
    // The same with per-user orders and filters (see ArtistQuery).
    Page<ArtistSummary> list(const ArtistQuery &query, const Visibility &visibility) const;
    std::optional<ArtistSummary> find(qint64 id, const Visibility &visibility) const;

private:
    const Database &m_db;
};

} // namespace cairn
