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
const QString kSummary =
    u"SELECT al.id, al.title, al.artist_id, ar.name, MAX(t.year), MAX(t.genre), COUNT(t.id), "
    "SUM(t.duration_ms), MAX(t.added_at), "
    "(SELECT COUNT(*) FROM stream_history h JOIN tracks p ON p.id = h.track_id WHERE p.album_id = al.id) AS plays "
    "FROM albums al JOIN artists ar ON ar.id = al.artist_id JOIN tracks t ON t.album_id = al.id "_s;

QString orderBy(AlbumOrder order)
{
    switch (order) {
    case AlbumOrder::Name: return u"al.title_key, ar.name_key, al.id"_s;
    case AlbumOrder::Artist: return u"ar.name_key, MAX(t.year), al.title_key, al.id"_s;
    case AlbumOrder::Year: return u"MAX(t.year) DESC, ar.name_key, al.title_key, al.id"_s;
    case AlbumOrder::RecentlyAdded: return u"MAX(t.added_at) DESC, al.id DESC"_s;
    case AlbumOrder::MostPlayed: return u"plays DESC, al.title_key, al.id"_s;
    case AlbumOrder::Random: return u"random()"_s;
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

} // namespace

Page<AlbumSummary> AlbumRepository::list(const AlbumQuery &query, const Visibility &visibility) const
{
    Page<AlbumSummary> page;
    const SqlFilter filter = filterFor(query, visibility);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(DISTINCT al.id) FROM albums al JOIN artists ar ON ar.id = al.artist_id "
              "JOIN tracks t ON t.album_id = al.id "_s + filter.sql);
    filter.bindTo(q);
    if (!q.exec() || !q.next()) {
        qCWarning(lcCatalog) << "album count:" << q.lastError().text();
        return page;
    }
    page.total = q.value(0).toLongLong();
    q.finish();

    q.setForwardOnly(true);
    q.prepare(kSummary + filter.sql + u"GROUP BY al.id ORDER BY "_s + orderBy(query.order) + u" LIMIT ? OFFSET ?"_s);
    filter.bindTo(q);
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
    q.prepare(kSummary + filter.sql + u"GROUP BY al.id"_s);
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
