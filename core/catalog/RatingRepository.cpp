#include "catalog/RatingRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "ItemIds.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Outcome RatingRepository::set(qint64 userId, ItemKind kind, qint64 id, int rating)
{
    if (rating < 0 || rating > 5) {
        return DomainError::invalid(u"a rating is 0 (none) to 5"_s,
                                    {u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s});
    }
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return DomainError::failed(u"the rating could not be saved"_s);
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    if (rating == 0) {
        q.prepare(u"DELETE FROM ratings WHERE user_id = ? AND kind = ? AND item_id = ?"_s);
    } else {
        if (Outcome known = items::requireExisting(db, kind, {id}); !known)
            return known;
        q.prepare(u"INSERT INTO ratings (user_id, kind, item_id, rating) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (user_id, kind, item_id) DO UPDATE SET rating = excluded.rating"_s);
    }
    q.addBindValue(userId);
    q.addBindValue(items::number(kind));
    q.addBindValue(id);
    if (rating > 0)
        q.addBindValue(rating);
    if (!q.exec() || !tx.commit()) {
        qCWarning(lcCatalog) << "cannot rate:" << q.lastError().text();
        return DomainError::failed(u"the rating could not be saved"_s);
    }
    return Done{};
}

} // namespace cairn
