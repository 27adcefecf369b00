#include "catalog/TrackRepository.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "CreditStore.h"
#include "IdPage.h"
#include "LibraryOrder.h"
#include "SearchText.h"
#include "SqlStatement.h"
#include "TrackCredits.h"
#include "TrackRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// What the library order sorts by besides the track's own columns.
const QString kLibraryJoins =
    u"LEFT JOIN albums al ON al.id = t.album_id LEFT JOIN artists aa ON aa.id = al.artist_id "_s;
const QString kLibraryOrder = u"aa.name_key, al.title_key, t.disc_no, t.track_no, t.title, t.id"_s;

// The statements of upsert() and remove() are kept prepared (PreparedQuery): a scan runs them
// for every file, and parsing them (with the tracks' triggers) cost more than running them.
QString folderPath(const Database &db, qint64 folderId)
{
    PreparedQuery q(db, u"SELECT path FROM folders WHERE id = ?"_s);
    return q.exec({folderId}, "folder path:") && q->next() ? q->value(0).toString() : QString();
}

// QSQLITE binds a null QString as NULL; the text columns are NOT NULL.
QString orEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

// A stored track's id and credits (all 0 when there is none).
struct CreditIds
{
    qint64 id = 0;
    qint64 albumId = 0;
    qint64 artistId = 0;
};

// Every column upsert writes, in the order of storedValues(); `added_at` only on insert.
const QString kStoredColumns = u"folder_id, kind, path, size, mtime, format, codec, duration_ms, bitrate, "
                               "sample_rate, channels, width, height, title, artist, album, album_artist, genre, "
                               "track_no, disc_no, year, album_id, artist_id, search, embedded_art"_s;

QString songOrderBy(SongOrder order)
{
    switch (order) {
    case SongOrder::Library: return kLibraryOrder;
    case SongOrder::Id: return u"t.id"_s;
    case SongOrder::Random: return u"random()"_s;
    case SongOrder::RecentlyStarred: return u"f.starred_at DESC NULLS LAST, "_s + kLibraryOrder;
    }
    return kLibraryOrder;
}

// "t.kind = ?", or "+t.kind = ?" beside a search text: the matches are read first, and the
// unary + keeps SQLite from walking the index on kind instead.
QString kindCondition(const QString &searchText)
{
    return searchText.trimmed().isEmpty() ? u"t.kind = ?"_s : u"+t.kind = ?"_s;
}

// Where a query's tracks come from: the tracks table, or the full-text index's matches joined
// to their tracks (the index outer, so only matches are read).
const QString kFromTracks = u"FROM tracks t "_s;
const QString kFromMatches = u"FROM track_search s CROSS JOIN tracks t ON t.id = s.rowid "_s;

// More matches than this are listed in catalog order (by id) instead of by relevance: scoring
// costs microseconds per match (a tenth of a second or more for 100,000: the first letter typed
// in a large library), and a text that many tracks hold says little about which one is wanted.
constexpr int kRankedMatches = 1000;

// How a search text selects tracks: through the full-text index, or, for a text without a letter
// or digit (only punctuation), by LIKE over the search documents as before the index.
struct TrackSearch
{
    QString text;     // trimmed; empty: no search
    QString match;    // the FTS5 expression; empty with a text: LIKE

    explicit TrackSearch(const QString &query, TextMatch how = TextMatch::Words)
        : text(query.trimmed()), match(how == TextMatch::Words ? search::matchExpression(text) : QString())
    {
    }
    bool indexed() const { return !match.isEmpty(); }
    QString from() const { return indexed() ? kFromMatches : kFromTracks; }

    // The condition on the tracks (aliased t, the index s when indexed()).
    void restrict(SqlFilter &filter) const
    {
        if (indexed())
            filter.add(u"s.track_search MATCH ?"_s, {match});
        else if (!text.isEmpty())
            filter.add(u"t.search LIKE ? ESCAPE '\\'"_s, {search::documentPattern(text)});
    }

    // Relevance: the title equal to the text (case-folded; the document's first line), then the
    // performer or album artist equal to it, then FTS5's bm25 rank, then the id.
    SqlStatement relevance() const
    {
        const QString key = search::fold(text);
        return SqlStatement().add(
            u"CASE WHEN substr(t.search, 1, instr(t.search || ?, ?) - 1) = ? THEN 0 "
            "WHEN t.artist_id IN (SELECT id FROM artists WHERE name_key = ?) "
            "OR t.album_id IN (SELECT id FROM albums WHERE artist_key = ?) THEN 1 ELSE 2 END, s.rank, t.id "_s,
            {u"\n"_s, u"\n"_s, search::indexed(text), key, key});
    }

    // Whether the text matches more tracks than are ranked (any folder or kind).
    bool isBroad(QSqlDatabase db) const
    {
        QSqlQuery q(db);
        const SqlStatement count = SqlStatement().add(
            u"SELECT COUNT(*) FROM (SELECT 1 FROM track_search WHERE track_search MATCH ? LIMIT ?) AS matches"_s,
            {match, kRankedMatches + 1});
        return count.exec(q, "search breadth:") && q.next() && q.value(0).toInt() > kRankedMatches;
    }
};

SqlFilter songFilter(const SongQuery &query, const Visibility &visibility, const TrackSearch &search)
{
    SqlFilter filter;
    search.restrict(filter);
    filter.add(kindCondition(query.search), {0});   // music
    filter.restrictTracks(visibility);
    if (!query.genre.isEmpty())
        filter.add(u"t.genre = ?"_s, {query.genre});
    const bool swapped = query.fromYear && query.toYear && *query.fromYear > *query.toYear;
    const std::optional<int> from = swapped ? query.toYear : query.fromYear;
    const std::optional<int> to = swapped ? query.fromYear : query.toYear;
    if (from)
        filter.add(u"t.year >= ?"_s, {*from});
    if (to)
        filter.add(u"t.year <= ?"_s, {*to});
    return filter;
}

// The ids of one page of the tracks `join` and `filter` select, in `order`. Only the orders by
// album artist and album join them: SQLite keeps a LEFT JOIN whose table a later join reads.
SqlStatement pageIds(const QString &from, const SqlStatement &join, const SqlFilter &filter, SongOrder order,
                     qint64 offset, int limit)
{
    SqlStatement s;
    s.add(u"SELECT t.id "_s + from).add(join);
    if (order == SongOrder::Library || order == SongOrder::RecentlyStarred)
        s.add(kLibraryJoins);
    s.add(filter).add(u"ORDER BY "_s + songOrderBy(order) + u" LIMIT ? OFFSET ?"_s);
    return s.add(QString(), {qMax(0, limit), qMax<qint64>(0, offset)});
}

// One page of the matches of an indexed search, the most relevant first (catalog order when
// there are too many to rank). `matches`: how many the index alone holds, when already counted.
QList<qint64> searchPageIds(QSqlDatabase db, const TrackSearch &search, const SqlStatement &join,
                            const SqlFilter &filter, qint64 offset, int limit, std::optional<qint64> matches = {})
{
    SqlStatement s;
    s.add(u"SELECT t.id "_s + kFromMatches).add(join).add(filter).add(u"ORDER BY "_s);
    if (matches ? *matches > kRankedMatches : search.isBroad(db))
        s.add(u"s.rowid "_s);
    else
        s.add(search.relevance());
    s.add(u"LIMIT ? OFFSET ?"_s, {qMax(0, limit), qMax<qint64>(0, offset)});
    return idpage::read(db, s, "track search:");
}

// What list() and listAfter() narrow the tracks by.
SqlFilter listFilter(const TrackSearch &search, const Visibility &visibility, std::optional<MediaKind> kind)
{
    SqlFilter filter;
    search.restrict(filter);
    if (kind)
        filter.add(kindCondition(search.text), {*kind == MediaKind::Video ? 1 : 0});
    filter.restrictTracks(visibility);
    return filter;
}

// How many tracks `from` and `filter` select; nullopt on an error.
std::optional<qint64> countOf(QSqlDatabase db, const QString &from, const SqlFilter &filter)
{
    QSqlQuery q(db);
    if (!SqlStatement().add(u"SELECT COUNT(*) "_s + from).add(filter).exec(q, "track count:") || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

// The stamps of a prepared query's rows (id, path, size, mtime), by path; it runs here.
QHash<QString, FileStamp> stampsOf(QSqlQuery &q)
{
    QHash<QString, FileStamp> stamps;
    if (!q.exec())
        qCWarning(lcCatalog) << "stamps:" << q.lastError().text();
    while (q.next()) {
        FileStamp stamp;
        stamp.trackId = q.value(0).toLongLong();
        stamp.size = q.value(2).toLongLong();
        stamp.mtime = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        stamps.insert(q.value(1).toString(), stamp);
    }
    return stamps;
}

CreditIds creditIdsOf(const Database &db, const QString &column, const QVariant &value)
{
    PreparedQuery q(db, u"SELECT id, album_id, artist_id FROM tracks WHERE "_s + column + u" = ?"_s);
    if (!q.exec({value}, "track credits:") || !q->next())
        return {};
    return {q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong()};
}

QVariantList storedValues(const Track &track, const TrackCredits &credits, qint64 albumId, qint64 artistId)
{
    return {track.folderId, track.kind == MediaKind::Video ? 1 : 0, track.path, track.size,
            track.mtime.isValid() ? track.mtime.toSecsSinceEpoch() : 0, orEmpty(track.format),
            orEmpty(track.codec), track.durationMs, track.bitrate, track.sampleRate, track.channels, track.width,
            track.height, orEmpty(track.title), orEmpty(track.artist), orEmpty(track.album),
            orEmpty(track.albumArtist), orEmpty(track.genre), track.trackNumber, track.discNumber, track.year,
            albumId, artistId, searchDocument(track, credits), int(track.embeddedArt)};
}

// A new file is an INSERT and a changed one an UPDATE, not one upsert: an upsert runs the
// tracks' update triggers' program too (migration 012) for every file of a first scan.
SqlStatement storeStatement(const CreditIds &stored, QVariantList values)
{
    static const QString insert = []() -> QString {
        const QStringList marks(kStoredColumns.count(u',') + 2, u"?"_s);
        return u"INSERT INTO tracks ("_s + kStoredColumns + u", added_at) VALUES ("_s + marks.join(u", "_s) + u')';
    }();
    static const QString update = []() -> QString {
        QStringList assignments;
        for (const QString &column : kStoredColumns.split(u", "_s))
            assignments << column + u" = ?"_s;
        return u"UPDATE tracks SET "_s + assignments.join(u", "_s) + u" WHERE id = ?"_s;
    }();
    SqlStatement s;
    if (stored.id == 0) {
        values << QDateTime::currentSecsSinceEpoch();   // the day the item entered the library, kept by updates
        return s.add(insert, values);
    }
    values << stored.id;
    return s.add(update, values);
}

} // namespace

TrackPage TrackRepository::list(qint64 offset, int limit, const QString &query) const
{
    return list(offset, limit, query, Visibility::everything());
}

std::optional<Track> TrackRepository::find(qint64 id) const
{
    return find(id, Visibility::everything());
}

TrackPage TrackRepository::list(qint64 offset, int limit, const QString &query,
                                const Visibility &visibility) const
{
    return list(offset, limit, query, visibility, std::nullopt);
}

TrackPage TrackRepository::list(qint64 offset, int limit, const QString &query, const Visibility &visibility,
                                std::optional<MediaKind> kind, TextMatch match) const
{
    TrackPage page;
    const TrackSearch search(query, match);
    const SqlFilter filter = listFilter(search, visibility, kind);
    QSqlDatabase db = m_db.connection();
    // The index alone counts its matches when nothing else narrows them.
    const bool matchesOnly = search.indexed() && !kind && visibility.unrestricted;
    const auto total = countOf(db, matchesOnly ? u"FROM track_search s "_s : search.from(), filter);
    if (!total)
        return page;
    page.total = *total;
    QList<qint64> ids;
    if (search.indexed())
        ids = searchPageIds(db, search, {}, filter, offset, limit,
                            matchesOnly ? std::optional(page.total) : std::nullopt);
    else if (search.text.isEmpty())
        ids = libraryorder::pageIds(db, filter, offset, limit);
    else
        ids = idpage::read(db, pageIds(kFromTracks, {}, filter, SongOrder::Library, offset, limit), "track list:");
    page.items = trackrows::byIds(db, ids);
    if (search.text.isEmpty() && limit > 0 && page.items.size() == limit)
        page.next = libraryorder::cursorAfter(db, page.items.constLast());
    return page;
}

TrackPage TrackRepository::listAfter(const LibraryCursor &after, int limit, const Visibility &visibility,
                                     std::optional<MediaKind> kind) const
{
    TrackPage page;
    const SqlFilter filter = listFilter(TrackSearch({}), visibility, kind);
    QSqlDatabase db = m_db.connection();
    const auto total = countOf(db, kFromTracks, filter);
    if (!total)
        return page;
    page.total = *total;
    page.items = trackrows::byIds(db, libraryorder::idsAfter(db, filter, after, limit));
    if (limit > 0 && page.items.size() == limit)
        page.next = libraryorder::cursorAfter(db, page.items.constLast());
    return page;
}

std::optional<Track> TrackRepository::find(qint64 id, const Visibility &visibility) const
{
    SqlFilter filter;
    filter.add(u"t.id = ?"_s, {id});
    filter.restrictTracks(visibility);
    // Every stream and cover request asks: the statement is kept prepared (one text per number
    // of granted folders).
    const SqlStatement statement = SqlStatement().add(trackrows::select()).add(filter);
    PreparedQuery q(m_db, statement.sql);
    if (!q.exec(statement.values, "track:") || !q->next())
        return std::nullopt;
    return trackrows::from(*q);
}

QList<Track> TrackRepository::songs(const SongQuery &query, const Visibility &visibility) const
{
    SqlStatement join;
    if (query.starredOnly || query.order == SongOrder::RecentlyStarred) {
        join.add((query.starredOnly ? u"JOIN"_s : u"LEFT JOIN"_s)
                     + u" favourites f ON f.user_id = ? AND f.kind = 0 AND f.item_id = t.id "_s,
                 {query.userId});
    }
    QSqlDatabase db = m_db.connection();
    const TrackSearch search(query.search);
    const SqlFilter filter = songFilter(query, visibility, search);
    // A search lists by relevance, whatever the order asked (search3 asks for the library's).
    if (search.indexed())
        return trackrows::byIds(db, searchPageIds(db, search, join, filter, query.offset, query.limit));
    if (query.order == SongOrder::Library && join.sql.isEmpty() && search.text.isEmpty())
        return trackrows::byIds(db, libraryorder::pageIds(db, filter, query.offset, query.limit));
    const SqlStatement ids = pageIds(search.from(), join, filter, query.order, query.offset, query.limit);
    return trackrows::byIds(db, idpage::read(db, ids, "songs:"));
}

qint64 TrackRepository::count() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(u"SELECT COUNT(*) FROM tracks"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 TrackRepository::upsert(const Track &track)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return 0;
    const TrackCredits credits = TrackCredits::derive(track, folderPath(m_db, track.folderId));
    CreditStore store(m_db);
    const CreditIds before = creditIdsOf(m_db, u"path"_s, track.path);
    const qint64 artistId = store.artistId(credits.artist);
    // Most tracks are credited to their album's artist: one lookup then.
    const qint64 albumArtistId = credits.albumArtist == credits.artist ? artistId : store.artistId(credits.albumArtist);
    const qint64 albumId = albumArtistId == 0 ? 0 : store.albumId(credits.album, albumArtistId);
    if (artistId == 0 || albumId == 0)
        return 0;

    const SqlStatement write = storeStatement(before, storedValues(track, credits, albumId, artistId));
    qint64 id = before.id;
    {
        PreparedQuery q(m_db, write.sql);
        if (!q.exec(write.values, "cannot store a track:")) {
            qCWarning(lcCatalog) << "cannot store" << track.path;
            return 0;
        }
        if (id == 0)
            id = q->lastInsertId().toLongLong();
    }
    if (before.albumId != albumId || before.artistId != artistId)
        store.dropIfOrphan(before.albumId, before.artistId);
    return id > 0 && tx.commit() ? id : 0;
}

QHash<QString, FileStamp> TrackRepository::stampsUnder(qint64 folderId) const
{
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT id, path, size, mtime FROM tracks WHERE folder_id = ?"_s);
    q.addBindValue(folderId);
    return stampsOf(q);
}

QHash<QString, FileStamp> TrackRepository::stampsBelow(qint64 folderId, const QString &dir) const
{
    // "dir/" <= path < "dir0" ('0' follows '/'): a range of the path index.
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT id, path, size, mtime FROM tracks WHERE path >= ? AND path < ? AND folder_id = ?"_s);
    q.addBindValue(QString(dir + u'/'));
    q.addBindValue(QString(dir + u'0'));
    q.addBindValue(folderId);
    return stampsOf(q);
}

bool TrackRepository::remove(qint64 id)
{
    WriteTransaction tx(m_db);
    QSqlDatabase db = m_db.connection();
    const CreditIds before = creditIdsOf(m_db, u"id"_s, id);
    {
        PreparedQuery q(m_db, u"DELETE FROM tracks WHERE id = ?"_s);
        if (!q.exec({id}, "cannot remove a track:") || q->numRowsAffected() != 1)
            return false;
    }
    CreditStore(db).dropIfOrphan(before.albumId, before.artistId);
    return tx.commit();
}

} // namespace cairn
