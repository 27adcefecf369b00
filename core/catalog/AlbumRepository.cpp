#include "catalog/AlbumRepository.h"

#include "catalog/Database.h"

#include "AlbumSql.h"
#include "IdPage.h"
#include "ItemIds.h"
#include "SqlStatement.h"
#include "TrackRows.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The summaries of `ids` in that order; ids of albums without a visible track are left out.
QList<AlbumSummary> summariesOf(QSqlDatabase db, const QList<qint64> &ids, const QString &genre,
                                const Visibility &visibility)
{
    QHash<qint64, AlbumSummary> found;
    QSqlQuery q(db);
    readForwardOnly(q);
    for (const QList<qint64> &chunk : items::chunks(ids)) {
        if (!albumsql::summaries(chunk, genre, visibility).exec(q, "album summaries:"))
            return {};
        while (q.next()) {
            const AlbumSummary album = albumsql::summaryFrom(q);
            found.insert(album.id, album);
        }
    }
    return idpage::inOrder(ids, found);
}

} // namespace

Page<AlbumSummary> AlbumRepository::list(const AlbumQuery &query, const Visibility &visibility) const
{
    Page<AlbumSummary> page;
    QSqlDatabase db = m_db.connection();
    if (query.withTotal) {
        QSqlQuery q(db);
        if (!albumsql::count(query, visibility).exec(q, "album count:") || !q.next())
            return page;
        page.total = q.value(0).toLongLong();
    } else {
        page.total = -1;
    }
    const QList<qint64> ids = idpage::read(db, albumsql::pageIds(query, visibility), "album list:");
    page.items = summariesOf(db, ids, query.genre, visibility);
    page.next = albumsql::cursorAfter(db, query, ids);
    return page;
}

std::optional<AlbumSummary> AlbumRepository::find(qint64 id, const Visibility &visibility) const
{
    const QList<AlbumSummary> found = summariesOf(m_db.connection(), {id}, {}, visibility);
    return found.isEmpty() ? std::nullopt : std::optional(found.constFirst());
}

QList<Track> AlbumRepository::tracks(qint64 albumId, const Visibility &visibility) const
{
    SqlFilter filter = SqlFilter::musicTracks(visibility);
    filter.add(u"t.album_id = ?"_s, {albumId});
    SqlStatement ids;
    ids.add(u"SELECT t.id FROM tracks t "_s).add(filter).add(u"ORDER BY t.disc_no, t.track_no, t.title, t.id"_s);
    QSqlDatabase db = m_db.connection();
    return trackrows::byIds(db, idpage::read(db, ids, "album tracks:"));
}

QList<GenreSummary> AlbumRepository::genres(const Visibility &visibility) const
{
    SqlFilter filter;
    filter.add(u"s.genre <> ''"_s);
    filter.restrictFolders(u"s.folder_id"_s, visibility);
    SqlStatement genres;
    genres.add(u"SELECT s.genre, COUNT(DISTINCT s.album_id), SUM(s.track_count) FROM album_folder_genres s "_s);
    genres.add(filter).add(u"GROUP BY s.genre ORDER BY s.genre COLLATE NOCASE"_s);
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    QList<GenreSummary> result;
    if (!genres.exec(q, "genres:"))
        return result;
    while (q.next())
        result << GenreSummary{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt()};
    return result;
}

} // namespace cairn
