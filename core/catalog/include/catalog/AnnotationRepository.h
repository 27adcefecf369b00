#pragma once
// A user's own state of many items at once, for annotating the lists a client shows (OpenSubsonic
// starred, userRating, playCount, played on songs, albums and artists).

#include "catalog/ItemKind.h"

#include <QHash>
#include <QList>

namespace cairn {

class Database;

struct ItemAnnotation
{
    qint64 starredAt = 0;     // unix seconds; 0 = not starred
    int rating = 0;           // 1–5; 0 = not rated
    // Tracks: the user's plays. Albums and artists: summed over their tracks (an artist's are the
    // tracks it performs), all of them: the plays are the user's own.
    qint64 playCount = 0;
    qint64 lastPlayedAt = 0;  // unix seconds; 0 = never played
};

class AnnotationRepository
{
public:
    explicit AnnotationRepository(const Database &db) : m_db(db) {}

    // The user's annotation of each id of `kind`, read in one query per 500 distinct ids. Every id
    // naming an item is a key (an empty annotation when the user has no state of it); ids naming
    // nothing are not. `value(id)` suits both.
    QHash<qint64, ItemAnnotation> forItems(qint64 userId, ItemKind kind, const QList<qint64> &ids) const;

private:
    const Database &m_db;
};

} // namespace cairn
