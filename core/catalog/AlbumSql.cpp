#include "AlbumSql.h"

#include "NameSearch.h"
#include "SearchText.h"

#include <QDateTime>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn::albumsql {
namespace {

// What an album is made of for a caller: its visible music tracks (of the query's genre, when
// given), as one row per album with the figures asked for, added up from album_folder_genres.
// The query's artist and `onlyIds` (when not empty) limit the albums it reads.
SqlStatement source(const QStringList &figures, const AlbumQuery &query, const Visibility &visibility,
                    const QList<qint64> &onlyIds = {})
{
    static const QHash<QString, QString> kFigures{
        {u"track_count"_s, u"SUM(s.track_count)"_s}, {u"duration_ms"_s, u"SUM(s.duration_ms)"_s},
        {u"year"_s, u"MAX(s.year)"_s}, {u"genre"_s, u"MAX(s.genre)"_s}, {u"added_at"_s, u"MAX(s.added_at)"_s}};
    QString columns = u"s.album_id AS album_id"_s;
    for (const QString &figure : figures)
        columns += u", "_s + kFigures.value(figure) + u" AS "_s + figure;
    SqlFilter where;
    where.restrictFolders(u"s.folder_id"_s, visibility);
    if (!query.genre.isEmpty())
        where.add(u"s.genre = ?"_s, {query.genre});
    if (query.artistId > 0)
        where.add(u"s.album_id IN (SELECT id FROM albums WHERE artist_id = ?)"_s, {query.artistId});
    if (!onlyIds.isEmpty())
        where.addIn(u"s.album_id"_s, onlyIds);
    SqlStatement s;
    s.add(u"SELECT "_s + columns + u" FROM album_folder_genres s "_s).add(where);
    return s.add(u"GROUP BY s.album_id"_s);
}

bool byYear(const AlbumQuery &query)
{
    return query.fromYear || query.toYear;
}

// The order in force: a year bound replaces the query's order.
std::optional<AlbumOrder> orderOf(const AlbumQuery &query)
{
    return byYear(query) ? std::nullopt : std::optional(query.order);
}

// Page orders read the album artist's key from the album row (albums.artist_key), so the order
// by name is the order of the index albums_title_artist.
QString orderBy(const AlbumQuery &query)
{
    const QString byName = u"al.title_key, al.artist_key, al.id"_s;
    const std::optional<AlbumOrder> order = orderOf(query);
    if (!order) {
        const bool descending = query.fromYear && query.toYear && *query.fromYear > *query.toYear;
        return (descending ? u"s.year DESC, "_s : u"s.year, "_s) + byName;
    }
    switch (*order) {
    case AlbumOrder::Name: return byName;
    case AlbumOrder::Artist: return u"al.artist_key, s.year, al.title_key, al.id"_s;
    case AlbumOrder::Year: return u"s.year DESC, al.artist_key, al.title_key, al.id"_s;
    case AlbumOrder::RecentlyAdded: return u"s.added_at DESC, al.id DESC"_s;
    case AlbumOrder::MostPlayed: return u"COALESCE(hp.plays, 0) DESC, al.title_key, al.id"_s;
    case AlbumOrder::Random: return u"random()"_s;
    case AlbumOrder::HighestRated: return u"r.rating DESC NULLS LAST, "_s + byName;
    case AlbumOrder::FrequentlyPlayed: return u"up.play_count DESC NULLS LAST, "_s + byName;
    case AlbumOrder::RecentlyPlayed: return u"up.last_played DESC NULLS LAST, "_s + byName;
    case AlbumOrder::RecentlyStarred: return u"f.starred_at DESC NULLS LAST, "_s + byName;
    }
    return u"al.id"_s;
}

// The figures the page's order and filters read (the summaries read all of them later).
QStringList figuresFor(const AlbumQuery &query)
{
    const std::optional<AlbumOrder> order = orderOf(query);
    if (!order || order == AlbumOrder::Artist || order == AlbumOrder::Year)
        return {u"year"_s};
    if (order == AlbumOrder::RecentlyAdded)
        return {u"added_at"_s};
    return {};
}

// A join onto each album row; `narrows` when it drops albums (it then counts for the total).
struct Join
{
    SqlStatement sql;
    bool narrows = false;
};

// The user's plays of each album's tracks the query counts (visible, music, of the genre).
SqlStatement userPlays(const AlbumQuery &query, const Visibility &visibility)
{
    SqlFilter tracks = SqlFilter::musicTracks(visibility);
    if (!query.genre.isEmpty())
        tracks.add(u"t.genre = ?"_s, {query.genre});
    tracks.add(u"pl.user_id = ?"_s, {query.userId});
    SqlStatement s;
    s.add(u"JOIN (SELECT t.album_id AS album_id, SUM(pl.play_count) AS play_count, "
          "MAX(pl.last_played_at) AS last_played FROM plays pl JOIN tracks t ON t.id = pl.track_id "_s);
    return s.add(tracks).add(u"GROUP BY t.album_id) up ON up.album_id = al.id "_s);
}

// Every album's finished streams: the history is bounded by its retention, the albums are not.
const QString kHistoryPlays = u"LEFT JOIN (SELECT p.album_id AS album_id, COUNT(*) AS plays FROM stream_history h "
                              "JOIN tracks p ON p.id = h.track_id GROUP BY p.album_id) hp ON hp.album_id = al.id "_s;

QList<Join> joinsFor(const AlbumQuery &query, const Visibility &visibility)
{
    QList<Join> joins;
    const std::optional<AlbumOrder> order = orderOf(query);
    const QString favourite = u"JOIN favourites f ON f.user_id = ? AND f.kind = 1 AND f.item_id = al.id "_s;
    if (query.starredOnly)
        joins << Join{SqlStatement().add(favourite, {query.userId}), true};
    else if (order == AlbumOrder::RecentlyStarred)
        joins << Join{SqlStatement().add(u"LEFT "_s + favourite, {query.userId}), false};
    if (order == AlbumOrder::HighestRated) {
        const QString rating = u"LEFT JOIN ratings r ON r.user_id = ? AND r.kind = 1 AND r.item_id = al.id "_s;
        joins << Join{SqlStatement().add(rating, {query.userId}), false};
    }
    if (order == AlbumOrder::FrequentlyPlayed || order == AlbumOrder::RecentlyPlayed)
        joins << Join{userPlays(query, visibility), true};   // albums the user never played are left out
    if (order == AlbumOrder::MostPlayed)
        joins << Join{SqlStatement().add(kHistoryPlays), false};
    return joins;
}

// An album the page needs no figures of is chosen by whether it has a visible track at all: a
// lookup per album, in the order of an index when the page is by name.
SqlFilter visibleAlbums(const AlbumQuery &query, const Visibility &visibility)
{
    SqlFilter exists;
    exists.add(u"s.album_id = al.id"_s);
    exists.restrictFolders(u"s.folder_id"_s, visibility);
    if (!query.genre.isEmpty())
        exists.add(u"s.genre = ?"_s, {query.genre});
    SqlFilter filter;
    filter.add(u"EXISTS (SELECT 1 FROM album_folder_genres s "_s + exists.sql + u')', exists.values);
    return filter;
}

// The album's own filters; `where` holds the conditions before them.
SqlFilter albumFilter(const AlbumQuery &query, SqlFilter where)
{
    if (query.artistId > 0)
        where.add(u"al.artist_id = ?"_s, {query.artistId});
    if (!query.search.trimmed().isEmpty() && query.searchMatch == TextMatch::Anywhere) {
        const QString pattern = search::containsPattern(query.search);
        where.add(u"(al.title_key LIKE ? ESCAPE '\\' OR al.artist_key LIKE ? ESCAPE '\\')"_s, {pattern, pattern});
    } else if (!query.search.trimmed().isEmpty()) {
        namesearch::restrict(where, query.search, u"al.id"_s, u"album_search"_s, {u"al.title_key"_s, u"al.artist_key"_s});
    }
    if (query.after && orderOf(query) == AlbumOrder::Name) {
        const NameCursor &after = *query.after;
        where.add(u"al.title_key >= ? AND (al.title_key, al.artist_key, al.id) > (?, ?, ?)"_s,
                  {after.keys.value(0), after.keys.value(0), after.keys.value(1), after.id});
    }
    // An album's year is that of its newest visible track.
    if (query.fromYear && query.toYear) {
        where.add(u"s.year BETWEEN ? AND ?"_s,
                  {qMin(*query.fromYear, *query.toYear), qMax(*query.fromYear, *query.toYear)});
    } else if (query.fromYear) {
        where.add(u"s.year >= ?"_s, {*query.fromYear});
    } else if (query.toYear) {
        where.add(u"s.year <= ?"_s, {*query.toYear});
    }
    return where;
}

// FROM … WHERE … of the albums a query selects; `forCount` leaves out the joins that only order.
SqlStatement selection(const AlbumQuery &query, const Visibility &visibility, bool forCount)
{
    const QStringList figures = figuresFor(query);
    SqlStatement s;
    if (figures.isEmpty())
        s.add(u"FROM albums al "_s);
    else
        s.add(u"FROM ("_s).add(source(figures, query, visibility)).add(u") s JOIN albums al ON al.id = s.album_id "_s);
    for (const Join &join : joinsFor(query, visibility)) {
        if (join.narrows || !forCount)
            s.add(join.sql);
    }
    return s.add(albumFilter(query, figures.isEmpty() ? visibleAlbums(query, visibility) : SqlFilter()));
}

} // namespace

SqlStatement pageIds(const AlbumQuery &query, const Visibility &visibility)
{
    SqlStatement s;
    s.add(u"SELECT al.id "_s).add(selection(query, visibility, false));
    const bool fromCursor = query.after && orderOf(query) == AlbumOrder::Name;
    return s.add(u"ORDER BY "_s + orderBy(query) + u" LIMIT ? OFFSET ?"_s,
                 {qMax(0, query.limit), fromCursor ? qint64(0) : qMax<qint64>(0, query.offset)});
}

SqlStatement count(const AlbumQuery &query, const Visibility &visibility)
{
    AlbumQuery all = query;   // every page's albums, not only those after a cursor
    all.after.reset();
    return SqlStatement().add(u"SELECT COUNT(*) "_s).add(selection(all, visibility, true));
}

std::optional<NameCursor> cursorAfter(QSqlDatabase db, const AlbumQuery &query, const QList<qint64> &ids)
{
    if (orderOf(query) != AlbumOrder::Name || ids.isEmpty() || ids.size() < query.limit)
        return std::nullopt;
    QSqlQuery q(db);
    if (!SqlStatement().add(u"SELECT title_key, artist_key FROM albums WHERE id = ?"_s, {ids.constLast()})
             .exec(q, "album list:")
        || !q.next())
        return std::nullopt;
    return NameCursor{{q.value(0).toString(), q.value(1).toString()}, ids.constLast()};
}

SqlStatement summaries(const QList<qint64> &ids, const QString &genre, const Visibility &visibility)
{
    static const QStringList kAll{u"track_count"_s, u"duration_ms"_s, u"year"_s, u"genre"_s, u"added_at"_s};
    SqlStatement s;
    s.add(u"SELECT al.id, al.title, al.artist_id, ar.name, s.year, s.genre, s.track_count, s.duration_ms, "
          "s.added_at, (SELECT COUNT(*) FROM tracks p JOIN stream_history h ON h.track_id = p.id "
          "WHERE p.album_id = al.id) FROM ("_s);
    AlbumQuery ofGenre;
    ofGenre.genre = genre;
    s.add(source(kAll, ofGenre, visibility, ids));
    return s.add(u") s JOIN albums al ON al.id = s.album_id JOIN artists ar ON ar.id = al.artist_id"_s);
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

} // namespace cairn::albumsql
