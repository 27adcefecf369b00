#pragma once
// Each user's ratings of tracks, albums and artists, 1 to 5 (OpenSubsonic setRating). Read them
// with AnnotationRepository; the album list orders by them (AlbumOrder::HighestRated).

#include "base/Result.h"
#include "catalog/ItemKind.h"

namespace cairn {

class Database;

class RatingRepository
{
public:
    explicit RatingRepository(const Database &db) : m_db(db) {}

    // Sets the user's rating of the item; 0 removes it. InvalidInput outside 0–5 (`allowed`
    // lists 0…5); NotFound, and nothing stored, when `id` names no item of `kind`.
    Outcome set(qint64 userId, ItemKind kind, qint64 id, int rating);

private:
    const Database &m_db;
};

} // namespace cairn
