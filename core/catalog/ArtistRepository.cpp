#include "catalog/ArtistRepository.h"

#include "catalog/Database.h"

#include "IdPage.h"
#include "ItemIds.h"
#include "NameSearch.h"
#include "SqlStatement.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// An artist is listed when a visible music track names it as performer or as its album's artist
// (the per-folder rows of artist_folders and album_folder_genres say which folders hold such tracks).
// Binds the visible folders twice.
SqlStatement credited(const Visibility &visibility)
{
    SqlFilter performed;
    performed.add(u"c.artist_id = ar.id"_s);
    performed.restrictFolders(u"c.folder_id"_s, visibility);
    SqlFilter albums;
    albums.add(u"al.artist_id = ar.id"_s);
    albums.restrictFolders(u"s.folder_id"_s, visibility);
    SqlStatement s;
    s.add(u"(EXISTS (SELECT 1 FROM artist_folders c "_s).add(performed);
    s.add(u") OR EXISTS (SELECT 1 FROM albums al JOIN album_folder_genres s ON s.album_id = al.id "_s).add(albums);
    return s.add(u")) "_s);
}

// FROM … WHERE … of the artists a query selects. The favourites join adds at most one row per
// artist; `forCount` leaves it out when it only orders.
SqlStatement selection(const ArtistQuery &query, const Visibility &visibility, bool forCount)
{
    SqlStatement s;
    s.add(u"FROM artists ar "_s);
    if (query.starredOnly || (query.order == ArtistOrder::RecentlyStarred && !forCount)) {
        s.add((query.starredOnly ? u"JOIN"_s : u"LEFT JOIN"_s)
                  + u" favourites f ON f.user_id = ? AND f.kind = 2 AND f.item_id = ar.id "_s,
              {query.userId});
    }
    s.add(u"WHERE "_s).add(credited(visibility));
    if (!query.search.trimmed().isEmpty()) {
        SqlFilter named;
        namesearch::restrict(named, query.search, u"ar.id"_s, u"artist_search"_s, {u"ar.name_key"_s});
        s.add(u"AND "_s + named.sql.mid(QStringLiteral("WHERE ").size()), named.values);
    }
    if (query.after && query.order == ArtistOrder::Name && !forCount) {
        s.add(u"AND ar.name_key >= ? AND (ar.name_key, ar.id) > (?, ?) "_s,
              {query.after->keys.value(0), query.after->keys.value(0), query.after->id});
    }
    return s;
}

QString orderBy(ArtistOrder order)
{
    switch (order) {
    case ArtistOrder::Name: return u"ar.name_key, ar.id"_s;
    case ArtistOrder::RecentlyStarred: return u"f.starred_at DESC NULLS LAST, ar.name_key, ar.id"_s;
    }
    return u"ar.id"_s;
}

// Albums credited to the artist with a visible music track, and the visible music tracks it
// performs, for `ids` (not empty), in no particular order.
SqlStatement summaries(const QList<qint64> &ids, const Visibility &visibility)
{
    SqlFilter albums;
    albums.add(u"s.album_id = al.id"_s);
    albums.restrictFolders(u"s.folder_id"_s, visibility);
    SqlFilter performed;
    performed.add(u"c.artist_id = ar.id"_s);
    performed.restrictFolders(u"c.folder_id"_s, visibility);
    SqlFilter chosen;
    chosen.addIn(u"ar.id"_s, ids);
    SqlStatement s;
    s.add(u"SELECT ar.id, ar.name, (SELECT COUNT(*) FROM albums al WHERE al.artist_id = ar.id AND EXISTS "
          "(SELECT 1 FROM album_folder_genres s "_s).add(albums);
    s.add(u")), (SELECT COALESCE(SUM(c.track_count), 0) FROM artist_folders c "_s).add(performed);
    return s.add(u") FROM artists ar "_s).add(chosen);
}

// The summaries of `ids` in that order.
QList<ArtistSummary> summariesOf(QSqlDatabase db, const QList<qint64> &ids, const Visibility &visibility)
{
    QHash<qint64, ArtistSummary> found;
    QSqlQuery q(db);
    readForwardOnly(q);
    for (const QList<qint64> &chunk : items::chunks(ids)) {
        if (!summaries(chunk, visibility).exec(q, "artist summaries:"))
            return {};
        while (q.next()) {
            const ArtistSummary a{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                                  q.value(3).toInt()};
            found.insert(a.id, a);
        }
    }
    return idpage::inOrder(ids, found);
}

} // namespace

Page<ArtistSummary> ArtistRepository::list(qint64 offset, int limit, const Visibility &visibility,
                                           const QString &search) const
{
    ArtistQuery query;
    query.offset = offset;
    query.limit = limit;
    query.search = search;
    return list(query, visibility);
}

Page<ArtistSummary> ArtistRepository::list(const ArtistQuery &query, const Visibility &visibility) const
{
    Page<ArtistSummary> page;
    QSqlDatabase db = m_db.connection();
    if (query.withTotal) {
        QSqlQuery q(db);
        if (!SqlStatement().add(u"SELECT COUNT(*) "_s).add(selection(query, visibility, true)).exec(q, "artist count:")
            || !q.next()) {
            return page;
        }
        page.total = q.value(0).toLongLong();
    } else {
        page.total = -1;
    }
    SqlStatement ids;
    ids.add(u"SELECT ar.id "_s).add(selection(query, visibility, false));
    const bool fromCursor = query.after && query.order == ArtistOrder::Name;
    ids.add(u"ORDER BY "_s + orderBy(query.order) + u" LIMIT ? OFFSET ?"_s,
            {qMax(0, query.limit), fromCursor ? qint64(0) : qMax<qint64>(0, query.offset)});
    const QList<qint64> pageIds = idpage::read(db, ids, "artist list:");
    page.items = summariesOf(db, pageIds, visibility);
    if (query.order == ArtistOrder::Name && !pageIds.isEmpty() && pageIds.size() >= query.limit) {
        QSqlQuery q(db);
        if (SqlStatement().add(u"SELECT name_key FROM artists WHERE id = ?"_s, {pageIds.constLast()})
                .exec(q, "artist list:") && q.next())
            page.next = NameCursor{{q.value(0).toString()}, pageIds.constLast()};
    }
    return page;
}

std::optional<ArtistSummary> ArtistRepository::find(qint64 id, const Visibility &visibility) const
{
    const QList<ArtistSummary> found = summariesOf(m_db.connection(), {id}, visibility);
    if (found.isEmpty() || (found.constFirst().albumCount == 0 && found.constFirst().trackCount == 0))
        return std::nullopt;   // credited on no track the caller sees
    return found.constFirst();
}

} // namespace cairn
