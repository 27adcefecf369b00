#include "CreditStore.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"

#include "CatalogLog.h"
#include "SearchText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

CreditStore::CreditStore(const Database &db) : m_db(db.connection()), m_catalog(&db) {}

qint64 CreditStore::findOrInsert(const QString &select, const QString &insert, const QVariantList &selectArgs,
                                 const QVariantList &insertArgs)
{
    if (m_catalog) {
        {
            PreparedQuery q(*m_catalog, select);
            if (q.exec(selectArgs, "credit lookup:") && q->next())
                return q->value(0).toLongLong();
        }
        PreparedQuery q(*m_catalog, insert);
        return q.exec(insertArgs, "credit insert failed:") ? q->lastInsertId().toLongLong() : 0;
    }
    QSqlQuery q(m_db);
    q.prepare(select);
    for (const QVariant &v : selectArgs)
        q.addBindValue(v);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    q.prepare(insert);
    for (const QVariant &v : insertArgs)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "insert failed:" << q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 CreditStore::artistId(const QString &name)
{
    const QString key = search::fold(name);
    return findOrInsert(u"SELECT id FROM artists WHERE name_key = ?"_s,
                        u"INSERT INTO artists (name, name_key) VALUES (?, ?)"_s, {key}, {name, key});
}

qint64 CreditStore::albumId(const QString &title, qint64 artistId)
{
    const QString key = search::fold(title);
    return findOrInsert(u"SELECT id FROM albums WHERE artist_id = ? AND title_key = ?"_s,
                        u"INSERT INTO albums (title, title_key, artist_id) VALUES (?, ?, ?)"_s,
                        {artistId, key}, {title, key, artistId});
}

void CreditStore::dropIfOrphan(qint64 albumId, qint64 artistId)
{
    QSqlQuery q(m_db);
    if (albumId > 0) {
        q.prepare(u"SELECT artist_id FROM albums WHERE id = ?"_s);
        q.addBindValue(albumId);
        const qint64 albumArtist = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
        q.prepare(u"DELETE FROM albums WHERE id = ? AND NOT EXISTS "
                  "(SELECT 1 FROM tracks WHERE album_id = ?)"_s);
        q.addBindValue(albumId);
        q.addBindValue(albumId);
        q.exec();
        if (albumArtist != artistId)
            dropIfOrphan(0, albumArtist);
    }
    if (artistId > 0) {
        q.prepare(u"DELETE FROM artists WHERE id = ? "
                  "AND NOT EXISTS (SELECT 1 FROM tracks WHERE artist_id = ?) "
                  "AND NOT EXISTS (SELECT 1 FROM albums WHERE artist_id = ?)"_s);
        q.addBindValue(artistId);
        q.addBindValue(artistId);
        q.addBindValue(artistId);
        q.exec();
    }
}

void CreditStore::dropAllOrphans()
{
    QSqlQuery q(m_db);
    q.exec(u"DELETE FROM albums WHERE id NOT IN "
           "(SELECT album_id FROM tracks WHERE album_id IS NOT NULL)"_s);
    q.exec(u"DELETE FROM artists WHERE id NOT IN "
           "(SELECT artist_id FROM tracks WHERE artist_id IS NOT NULL "
           "UNION SELECT artist_id FROM albums)"_s);
}

} // namespace cairn
