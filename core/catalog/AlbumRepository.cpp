#include "catalog/AlbumRepository.h"

#include "catalog/Database.h"
#include "catalog/TrackRepository.h"

#include "CatalogLog.h"
#include "SearchText.h"
#include "SqlFilter.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// One row per album over its visible tracks (the filter restricts `t`).
const QString kColumns =
    u"SELECT al.id, al.title, al.artist_id, ar.name, MAX(t.year), MAX(t.genre), COUNT(t.id), "
    "SUM(t.duration_ms), MAX(t.added_at), "
    "(SELECT COUNT(*) FROM stream_history h JOIN tracks p ON p.id = h.track_id WHERE p.album_id = al.id) AS plays "_s;
const QString kFrom = u"FROM albums al JOIN artists ar ON ar.id = al.artist_id JOIN tracks t ON t.album_id = al.id "_s;

bool byYear(const AlbumQuery &query)
{
    return query.fromYear || query.toYear;
}

QString orderBy(const AlbumQuery &query)
{
    if (byYear(query)) {
        const bool descending = query.fromYear && query.toYear && *query.fromYear > *query.toYear;
        return (descending ? u"MAX(t.year) DESC"_s : u"MAX(t.year)"_s) + u", al.title_key, ar.name_key, al.id"_s;
    }
    switch (query.order) {
    case AlbumOrder::Name: return u"al.title_key, ar.name_key, al.id"_s;
    case AlbumOrder::Artist: return u"ar.name_key, MAX(t.year), al.title_key, al.id"_s;
    case AlbumOrder::Year: return u"MAX(t.year) DESC, ar.name_key, al.title_key, al.id"_s;
    case AlbumOrder::RecentlyAdded: return u"MAX(t.added_at) DESC, al.id DESC"_s;
    case AlbumOrder::MostPlayed: return u"plays DESC, al.title_key, al.id"_s;
    case AlbumOrder::Random: return u"random()"_s;
    case AlbumOrder::HighestRated: return u"MAX(r.rating) DESC, al.title_key, ar.name_key, al.id"_s;
    case AlbumOrder::FrequentlyPlayed: return u"SUM(pl.play_count) DESC, al.title_key, ar.name_key, al.id"_s;
    case AlbumOrder::RecentlyPlayed: return u"MAX(pl.last_played_at) DESC, al.title_key, ar.name_key, al.id"_s;
    case AlbumOrder::RecentlyStarred: return u"MAX(f.starred_at) DESC, al.title_key, ar.name_key, al.id"_s;
    }
    return u"al.id"_s;
}

AlbumSummary summaryFrom(const QSqlQuery &q)
{
    AlbumSummary a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.artistId = q.value(2).toLongLong();
    a.artistName = q.value(3).toString();
    a.year = q.value(4).toInt();
    a.genre = q.value(5).toString();
    a.trackCount = q.value(6).toInt();
    a.durationMs = q.value(7).toLongLong();
    a.addedAt = QDateTime::fromSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    a.plays = q.value(9).toLongLong();
    return a;
}

SqlFilter filterFor(const AlbumQuery &query, const Visibility &visibility)
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
    if (!query.genre.isEmpty())
        filter.add(u"t.genre = ?"_s, {query.genre});
    if (query.artistId > 0)
        filter.add(u"al.artist_id = ?"_s, {query.artistId});
    if (!query.search.trimmed().isEmpty()) {
        const QString pattern = search::containsPattern(query.search);
        filter.add(u"(al.title_key LIKE ? ESCAPE '\\' OR ar.name_key LIKE ? ESCAPE '\\')"_s, {pattern, pattern});
    }
    return filter;
}

// The albums a query selects, FROM to HAVING, with its values in bind order. The user's joins add
// at most one row per album (favourites, ratings) or per track (plays), so the counts stay right.
struct Selection
{
    QString joins;
    QVariantList joinValues;
    SqlFilter where;
    QStringList having;       // on the album's aggregates (its year is that of its newest track)
    QVariantList havingValues;

    QString sql() const
    {
        QString sql = kFrom + joins + where.sql + u"GROUP BY al.id "_s;
        if (!having.isEmpty())
            sql += u"HAVING "_s + having.join(u" AND "_s) + u' ';
        return sql;
    }

    void bindTo(QSqlQuery &q) const
    {
        for (const QVariant &v : joinValues)
            q.addBindValue(v);
        where.bindTo(q);
        for (const QVariant &v : havingValues)
            q.addBindValue(v);
    }

    void join(const QString &sql, qint64 userId)
    {
        joins += sql;
        joinValues << userId;
    }
};

Selection selectionFor(const AlbumQuery &query, const Visibility &visibility)
{
    Selection s;
    s.where = filterFor(query, visibility);
    const std::optional<AlbumOrder> order = byYear(query) ? std::nullopt : std::optional(query.order);
    if (query.starredOnly)
        s.join(u"JOIN favourites f ON f.user_id = ? AND f.kind = 1 AND f.item_id = al.id "_s, query.userId);
    else if (order == AlbumOrder::RecentlyStarred)
        s.join(u"LEFT JOIN favourites f ON f.user_id = ? AND f.kind = 1 AND f.item_id = al.id "_s, query.userId);
    if (order == AlbumOrder::HighestRated)
        s.join(u"LEFT JOIN ratings r ON r.user_id = ? AND r.kind = 1 AND r.item_id = al.id "_s, query.userId);
    if (order == AlbumOrder::FrequentlyPlayed || order == AlbumOrder::RecentlyPlayed) {
        s.join(u"LEFT JOIN plays pl ON pl.user_id = ? AND pl.track_id = t.id "_s, query.userId);
        s.having << u"COUNT(pl.track_id) > 0"_s;
    }
    if (query.fromYear && query.toYear) {
        s.having << u"MAX(t.year) BETWEEN ? AND ?"_s;
        s.havingValues << qMin(*query.fromYear, *query.toYear) << qMax(*query.fromYear, *query.toYear);
    } else if (query.fromYear) {
        s.having << u"MAX(t.year) >= ?"_s;
        s.havingValues << *query.fromYear;
    } else if (query.toYear) {
        s.having << u"MAX(t.year) <= ?"_s;
        s.havingValues << *query.toYear;
    }
    return s;
}

} // namespace

Page<AlbumSummary> AlbumRepository::list(const AlbumQuery &query, const Visibility &visibility) const
{
    Page<AlbumSummary> page;
    const Selection selection = selectionFor(query, visibility);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(*) FROM (SELECT al.id "_s + selection.sql() + u')');
    selection.bindTo(q);
    if (!q.exec() || !q.next()) {
        qCWarning(lcCatalog) << "album count:" << q.lastError().text();
        return page;
    }
    page.total = q.value(0).toLongLong();
    q.finish();

    q.setForwardOnly(true);
    q.prepare(kColumns + selection.sql() + u"ORDER BY "_s + orderBy(query) + u" LIMIT ? OFFSET ?"_s);
    selection.bindTo(q);
    q.addBindValue(qMax(0, query.limit));
    q.addBindValue(qMax<qint64>(0, query.offset));
    if (!q.exec())
        qCWarning(lcCatalog) << "album list:" << q.lastError().text();
    while (q.next())
        page.items << summaryFrom(q);
    return page;
}

std::optional<AlbumSummary> AlbumRepository::find(qint64 id, const Visibility &visibility) const
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
    filter.add(u"al.id = ?"_s, {id});
    QSqlQuery q(m_db.connection());
    q.prepare(kColumns + kFrom + filter.sql + u"GROUP BY al.id"_s);
    filter.bindTo(q);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return summaryFrom(q);
}

QList<Track> AlbumRepository::tracks(qint64 albumId, const Visibility &visibility) const
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
    filter.add(u"t.album_id = ?"_s, {albumId});
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.id FROM tracks t "_s + filter.sql + u"ORDER BY t.disc_no, t.track_no, t.title, t.id"_s);
    filter.bindTo(q);
    QList<Track> result;
    if (!q.exec()) {
        qCWarning(lcCatalog) << "album tracks:" << q.lastError().text();
        return result;
    }
    const TrackRepository tracks(m_db);
    while (q.next())
        if (auto track = tracks.find(q.value(0).toLongLong(), visibility))
            result << *track;
    return result;
}

QList<GenreSummary> AlbumRepository::genres(const Visibility &visibility) const
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
    filter.add(u"t.genre <> ''"_s);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.genre, COUNT(DISTINCT t.album_id), COUNT(t.id) FROM tracks t "_s + filter.sql
              + u"GROUP BY t.genre ORDER BY t.genre COLLATE NOCASE"_s);
    filter.bindTo(q);
    QList<GenreSummary> result;
    if (!q.exec())
        qCWarning(lcCatalog) << "genres:" << q.lastError().text();
    while (q.next())
        result << GenreSummary{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt()};
    return result;
}

} // namespace cairn
