#include "catalog/ArtistRepository.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "SearchText.h"
#include "SqlFilter.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// An artist is listed when a visible track names it as performer or as its album's artist.
const QString kCredited = u"(SELECT t.artist_id AS artist_id, t.id AS track_id, NULL AS album_id FROM tracks t %1 "
                          "UNION ALL SELECT al.artist_id, NULL, al.id FROM tracks t JOIN albums al ON al.id = t.album_id %1)"_s;

const QString kColumns = u"SELECT ar.id, ar.name, COUNT(DISTINCT c.album_id), COUNT(DISTINCT c.track_id) "_s;
const QString kFrom = u"FROM artists ar JOIN %1 c ON c.artist_id = ar.id "_s;

// The artists a query selects, FROM to WHERE, with its values in bind order. The user's
// favourites join adds at most one row per artist row, so the distinct counts stay right.
struct Selection
{
    SqlFilter tracks;         // restricts `t` in both halves of the credits union
    QString join;
    QVariantList joinValues;
    SqlFilter artists;

    QString sql() const { return kFrom.arg(kCredited.arg(tracks.sql)) + join + artists.sql; }

    void bindTo(QSqlQuery &q) const
    {
        tracks.bindTo(q);
        tracks.bindTo(q);
        for (const QVariant &v : joinValues)
            q.addBindValue(v);
        artists.bindTo(q);
    }
};

Selection selectionFor(const ArtistQuery &query, const Visibility &visibility)
{
    Selection s;
    s.tracks = SqlFilter::musicTracks(visibility);
    if (query.starredOnly || query.order == ArtistOrder::RecentlyStarred) {
        s.join = (query.starredOnly ? u"JOIN"_s : u"LEFT JOIN"_s)
                 + u" favourites f ON f.user_id = ? AND f.kind = 2 AND f.item_id = ar.id "_s;
        s.joinValues << query.userId;
    }
    if (!query.search.trimmed().isEmpty())
        s.artists.add(u"ar.name_key LIKE ? ESCAPE '\\'"_s, {search::containsPattern(query.search)});
    return s;
}

QString orderBy(ArtistOrder order)
{
    switch (order) {
    case ArtistOrder::Name: return u"ar.name_key, ar.id"_s;
    case ArtistOrder::RecentlyStarred: return u"MAX(f.starred_at) DESC, ar.name_key, ar.id"_s;
    }
    return u"ar.id"_s;
}

ArtistSummary summaryFrom(const QSqlQuery &q)
{
    return ArtistSummary{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()};
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
    const Selection selection = selectionFor(query, visibility);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(DISTINCT ar.id) "_s + selection.sql());
    selection.bindTo(q);
    if (!q.exec() || !q.next()) {
        qCWarning(lcCatalog) << "artist count:" << q.lastError().text();
        return page;
    }
    page.total = q.value(0).toLongLong();
    q.finish();

    q.setForwardOnly(true);
    q.prepare(kColumns + selection.sql() + u"GROUP BY ar.id ORDER BY "_s + orderBy(query.order)
              + u" LIMIT ? OFFSET ?"_s);
    selection.bindTo(q);
    q.addBindValue(qMax(0, query.limit));
    q.addBindValue(qMax<qint64>(0, query.offset));
    if (!q.exec())
        qCWarning(lcCatalog) << "artist list:" << q.lastError().text();
    while (q.next())
        page.items << summaryFrom(q);
    return page;
}

std::optional<ArtistSummary> ArtistRepository::find(qint64 id, const Visibility &visibility) const
{
    Selection selection;
    selection.tracks = SqlFilter::musicTracks(visibility);
    selection.artists.add(u"ar.id = ?"_s, {id});
    QSqlQuery q(m_db.connection());
    q.prepare(kColumns + selection.sql() + u"GROUP BY ar.id"_s);
    selection.bindTo(q);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return summaryFrom(q);
}

} // namespace cairn
