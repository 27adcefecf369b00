#include "catalog/AnnotationRepository.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "ItemIds.h"
#include "SqlFilter.h"
#include "SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The user's plays of the item's tracks; at most one plays row per track, and at most one
// favourite and one rating per item, so the sums count each play once.
QString playsJoin(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Track: return u"LEFT JOIN plays pl ON pl.user_id = ? AND pl.track_id = x.id "_s;
    case ItemKind::Album:
        return u"LEFT JOIN tracks t ON t.album_id = x.id LEFT JOIN plays pl ON pl.user_id = ? AND pl.track_id = t.id "_s;
    case ItemKind::Artist:
        return u"LEFT JOIN tracks t ON t.artist_id = x.id LEFT JOIN plays pl ON pl.user_id = ? AND pl.track_id = t.id "_s;
    }
    return {};
}

} // namespace

QHash<qint64, ItemAnnotation> AnnotationRepository::forItems(qint64 userId, ItemKind kind,
                                                            const QList<qint64> &ids) const
{
    QHash<qint64, ItemAnnotation> annotations;
    const QString select =
        u"SELECT x.id, MAX(f.starred_at), MAX(r.rating), SUM(pl.play_count), MAX(pl.last_played_at) FROM "_s
        + items::table(kind)
        + u" x LEFT JOIN favourites f ON f.user_id = ? AND f.kind = ? AND f.item_id = x.id "
          "LEFT JOIN ratings r ON r.user_id = ? AND r.kind = ? AND r.item_id = x.id "_s
        + playsJoin(kind);
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    for (const QList<qint64> &chunk : items::chunks(ids)) {
        SqlFilter filter;
        filter.addIn(u"x.id"_s, chunk);
        q.prepare(select + filter.sql + u"GROUP BY x.id"_s);
        for (const QVariant &v : QVariantList{userId, items::number(kind), userId, items::number(kind), userId})
            q.addBindValue(v);
        filter.bindTo(q);
        if (!q.exec()) {
            qCWarning(lcCatalog) << "annotations:" << q.lastError().text();
            return annotations;
        }
        while (q.next()) {
            ItemAnnotation a;
            a.starredAt = q.value(1).toLongLong();
            a.rating = q.value(2).toInt();
            a.playCount = q.value(3).toLongLong();
            a.lastPlayedAt = q.value(4).toLongLong();
            annotations.insert(q.value(0).toLongLong(), a);
        }
    }
    return annotations;
}

} // namespace cairn
