#include "catalog/FavouriteRepository.h"

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/Database.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "ItemIds.h"
#include "SqlFilter.h"

#include <QSqlError>
#include <QSqlQuery>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Starred lists are not paged (getStarred2 returns them whole).
constexpr int kAll = std::numeric_limits<int>::max();

Outcome failed(const QSqlQuery &q, const char *what)
{
    qCWarning(lcCatalog) << what << q.lastError().text();
    return DomainError::failed(u"the favourites could not be saved"_s);
}

} // namespace

Outcome FavouriteRepository::star(qint64 userId, ItemKind kind, const QList<qint64> &ids, qint64 atSecs)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return DomainError::failed(u"the favourites could not be saved"_s);
    QSqlDatabase db = m_db.connection();
    if (Outcome known = items::requireExisting(db, kind, ids); !known)
        return known;
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO favourites (user_id, kind, item_id, starred_at) VALUES (?, ?, ?, ?) "
              "ON CONFLICT DO NOTHING"_s);
    for (const qint64 id : ids) {
        q.addBindValue(userId);
        q.addBindValue(items::number(kind));
        q.addBindValue(id);
        q.addBindValue(atSecs);
        if (!q.exec())
            return failed(q, "cannot star:");
    }
    return tx.commit() ? Outcome(Done{}) : DomainError::failed(u"the favourites could not be saved"_s);
}

Outcome FavouriteRepository::unstar(qint64 userId, ItemKind kind, const QList<qint64> &ids)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return DomainError::failed(u"the favourites could not be saved"_s);
    QSqlQuery q(m_db.connection());
    for (const QList<qint64> &chunk : items::chunks(ids)) {
        SqlFilter filter;
        filter.add(u"user_id = ? AND kind = ?"_s, {userId, items::number(kind)});
        filter.addIn(u"item_id"_s, chunk);
        q.prepare(u"DELETE FROM favourites "_s + filter.sql);
        filter.bindTo(q);
        if (!q.exec())
            return failed(q, "cannot unstar:");
    }
    return tx.commit() ? Outcome(Done{}) : DomainError::failed(u"the favourites could not be saved"_s);
}

QList<Track> FavouriteRepository::starredTracks(qint64 userId, const Visibility &visibility) const
{
    SongQuery query;
    query.order = SongOrder::RecentlyStarred;
    query.userId = userId;
    query.starredOnly = true;
    query.limit = kAll;
    return TrackRepository(m_db).songs(query, visibility);
}

QList<AlbumSummary> FavouriteRepository::starredAlbums(qint64 userId, const Visibility &visibility) const
{
    AlbumQuery query;
    query.order = AlbumOrder::RecentlyStarred;
    query.userId = userId;
    query.starredOnly = true;
    query.limit = kAll;
    query.withTotal = false;
    return AlbumRepository(m_db).list(query, visibility).items;
}

QList<ArtistSummary> FavouriteRepository::starredArtists(qint64 userId, const Visibility &visibility) const
{
    ArtistQuery query;
    query.order = ArtistOrder::RecentlyStarred;
    query.userId = userId;
    query.starredOnly = true;
    query.limit = kAll;
    query.withTotal = false;
    return ArtistRepository(m_db).list(query, visibility).items;
}

} // namespace cairn
