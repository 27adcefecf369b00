#include "catalog/TrackRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "CreditStore.h"
#include "SearchText.h"
#include "SqlFilter.h"
#include "TrackCredits.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

const QString kSelect = u"SELECT t.*, al.title AS album_title, aa.name AS album_artist_name, "
                        "ar.name AS artist_name FROM tracks t "
                        "LEFT JOIN albums al ON al.id = t.album_id "
                        "LEFT JOIN artists aa ON aa.id = al.artist_id "
                        "LEFT JOIN artists ar ON ar.id = t.artist_id "_s;

const QString kLibraryOrder = u"aa.name_key, al.title_key, t.disc_no, t.track_no, t.title, t.id"_s;

Track trackFrom(const QSqlQuery &q)
{
    const QSqlRecord r = q.record();
    auto v = [&](const char *name) { return q.value(r.indexOf(QLatin1StringView(name))); };
    Track t;
    t.id = v("id").toLongLong();
    t.folderId = v("folder_id").toLongLong();
    t.kind = v("kind").toInt() == 1 ? MediaKind::Video : MediaKind::Audio;
    t.path = v("path").toString();
    t.size = v("size").toLongLong();
    t.mtime = QDateTime::fromSecsSinceEpoch(v("mtime").toLongLong(), Qt::UTC);
    t.format = v("format").toString();
    t.codec = v("codec").toString();
    t.durationMs = v("duration_ms").toLongLong();
    t.bitrate = v("bitrate").toInt();
    t.sampleRate = v("sample_rate").toInt();
    t.channels = v("channels").toInt();
    t.width = v("width").toInt();
    t.height = v("height").toInt();
    t.title = v("title").toString();
    t.artist = v("artist").toString();
    t.album = v("album").toString();
    t.albumArtist = v("album_artist").toString();
    t.genre = v("genre").toString();
    t.trackNumber = v("track_no").toInt();
    t.discNumber = v("disc_no").toInt();
    t.year = v("year").toInt();
    t.albumId = v("album_id").toLongLong();
    t.artistId = v("artist_id").toLongLong();
    t.embeddedArt = EmbeddedArt(qBound(0, v("embedded_art").toInt(), 2));
    t.folderArt = v("folder_art").toString();
    t.albumTitle = v("album_title").toString();
    t.albumArtistName = v("album_artist_name").toString();
    t.artistName = v("artist_name").toString();
    return t;
}

QString folderPath(QSqlDatabase db, qint64 folderId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT path FROM folders WHERE id = ?"_s);
    q.addBindValue(folderId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// QSQLITE binds a null QString as NULL; the text columns are NOT NULL.
QString orEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

struct CreditIds
{
    qint64 albumId = 0;
    qint64 artistId = 0;
};

QString songOrderBy(SongOrder order)
{
    switch (order) {
    case SongOrder::Library: return kLibraryOrder;
    case SongOrder::Random: return u"random()"_s;
    case SongOrder::RecentlyStarred: return u"f.starred_at DESC, "_s + kLibraryOrder;
    }
    return kLibraryOrder;
}

SqlFilter songFilter(const SongQuery &query, const Visibility &visibility)
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
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

CreditIds creditIdsOf(QSqlDatabase db, const QString &column, const QVariant &value)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT album_id, artist_id FROM tracks WHERE "_s + column + u" = ?"_s);
    q.addBindValue(value);
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
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
                                std::optional<MediaKind> kind) const
{
    TrackPage page;
    SqlFilter filter;
    if (kind)
        filter.add(u"t.kind = ?"_s, {*kind == MediaKind::Video ? 1 : 0});
    if (!query.trimmed().isEmpty())
        filter.add(u"t.search LIKE ? ESCAPE '\\'"_s, {search::containsPattern(query)});
    filter.restrictTracks(visibility);
    const QString where = filter.sql;

    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(*) FROM tracks t "_s + where);
    filter.bindTo(q);
    if (!q.exec() || !q.next()) {
        qCWarning(lcCatalog) << "track count:" << q.lastError().text();
        return page;
    }
    page.total = q.value(0).toLongLong();
    q.finish();

    q.setForwardOnly(true);
    q.prepare(kSelect + where + u"ORDER BY "_s + kLibraryOrder + u" LIMIT ? OFFSET ?"_s);
    filter.bindTo(q);
    q.addBindValue(qMax(0, limit));
    q.addBindValue(qMax<qint64>(0, offset));
    if (!q.exec())
        qCWarning(lcCatalog) << "track list:" << q.lastError().text();
    while (q.next())
        page.items << trackFrom(q);
    return page;
}

std::optional<Track> TrackRepository::find(qint64 id, const Visibility &visibility) const
{
    SqlFilter filter;
    filter.add(u"t.id = ?"_s, {id});
    filter.restrictTracks(visibility);
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + filter.sql);
    filter.bindTo(q);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return trackFrom(q);
}

QList<Track> TrackRepository::songs(const SongQuery &query, const Visibility &visibility) const
{
    const SqlFilter filter = songFilter(query, visibility);
    QString join;
    if (query.starredOnly || query.order == SongOrder::RecentlyStarred) {
        join = (query.starredOnly ? u"JOIN"_s : u"LEFT JOIN"_s)
               + u" favourites f ON f.user_id = ? AND f.kind = 0 AND f.item_id = t.id "_s;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kSelect + join + filter.sql + u"ORDER BY "_s + songOrderBy(query.order) + u" LIMIT ? OFFSET ?"_s);
    if (!join.isEmpty())
        q.addBindValue(query.userId);
    filter.bindTo(q);
    q.addBindValue(qMax(0, query.limit));
    q.addBindValue(qMax<qint64>(0, query.offset));
    QList<Track> songs;
    if (!q.exec())
        qCWarning(lcCatalog) << "songs:" << q.lastError().text();
    while (q.next())
        songs << trackFrom(q);
    return songs;
}

qint64 TrackRepository::count() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(u"SELECT COUNT(*) FROM tracks"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 TrackRepository::upsert(const Track &track)
{
    WriteTransaction tx(m_db);
    QSqlDatabase db = m_db.connection();
    if (!tx.isActive())
        return 0;
    const TrackCredits credits = TrackCredits::derive(track, folderPath(db, track.folderId));
    CreditStore store(db);
    const CreditIds before = creditIdsOf(db, u"path"_s, track.path);
    const qint64 artistId = store.artistId(credits.artist);
    const qint64 albumId = store.albumId(credits.album, store.artistId(credits.albumArtist));
    if (artistId == 0 || albumId == 0)
        return 0;

    QSqlQuery q(db);
    q.prepare(u"INSERT INTO tracks (folder_id, kind, path, size, mtime, format, codec, duration_ms, "
              "bitrate, sample_rate, channels, width, height, title, artist, album, album_artist, "
              "genre, track_no, disc_no, year, album_id, artist_id, search, embedded_art, added_at) VALUES "
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(path) DO UPDATE SET folder_id = excluded.folder_id, kind = excluded.kind, "
              "size = excluded.size, mtime = excluded.mtime, format = excluded.format, "
              "codec = excluded.codec, duration_ms = excluded.duration_ms, "
              "bitrate = excluded.bitrate, sample_rate = excluded.sample_rate, "
              "channels = excluded.channels, width = excluded.width, height = excluded.height, "
              "title = excluded.title, artist = excluded.artist, album = excluded.album, "
              "album_artist = excluded.album_artist, genre = excluded.genre, "
              "track_no = excluded.track_no, disc_no = excluded.disc_no, year = excluded.year, "
              "album_id = excluded.album_id, artist_id = excluded.artist_id, "
              "search = excluded.search, embedded_art = excluded.embedded_art"_s);
    for (const QVariant &v : QVariantList{
             track.folderId, track.kind == MediaKind::Video ? 1 : 0, track.path, track.size,
             track.mtime.isValid() ? track.mtime.toSecsSinceEpoch() : 0, orEmpty(track.format),
             orEmpty(track.codec), track.durationMs, track.bitrate, track.sampleRate,
             track.channels, track.width, track.height, orEmpty(track.title),
             orEmpty(track.artist), orEmpty(track.album), orEmpty(track.albumArtist),
             orEmpty(track.genre),
             track.trackNumber, track.discNumber, track.year, albumId, artistId,
             searchDocument(track, credits), int(track.embeddedArt),
             // Kept on updates (ON CONFLICT leaves it): the day the item entered the library.
             QDateTime::currentSecsSinceEpoch()}) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        qCWarning(lcCatalog) << "cannot store" << track.path << q.lastError().text();
        return 0;
    }
    q.prepare(u"SELECT id FROM tracks WHERE path = ?"_s);
    q.addBindValue(track.path);
    const qint64 id = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (before.albumId != albumId || before.artistId != artistId)
        store.dropIfOrphan(before.albumId, before.artistId);
    return id > 0 && tx.commit() ? id : 0;
}

QHash<QString, FileStamp> TrackRepository::stampsUnder(qint64 folderId) const
{
    QHash<QString, FileStamp> stamps;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, path, size, mtime FROM tracks WHERE folder_id = ?"_s);
    q.addBindValue(folderId);
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

bool TrackRepository::remove(qint64 id)
{
    WriteTransaction tx(m_db);
    QSqlDatabase db = m_db.connection();
    const CreditIds before = creditIdsOf(db, u"id"_s, id);
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM tracks WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return false;
    CreditStore(db).dropIfOrphan(before.albumId, before.artistId);
    return tx.commit();
}

} // namespace cairn
