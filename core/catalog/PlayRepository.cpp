#include "catalog/PlayRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Outcome PlayRepository::recordPlay(qint64 userId, qint64 trackId, qint64 atSecs)
{
    // One statement: the SELECT yields no row for an unknown track, so nothing is written.
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO plays (user_id, track_id, play_count, last_played_at) "
              "SELECT ?, id, 1, ? FROM tracks WHERE id = ? "
              "ON CONFLICT (user_id, track_id) DO UPDATE SET play_count = plays.play_count + 1, "
              "last_played_at = CASE WHEN excluded.last_played_at > plays.last_played_at "
              "THEN excluded.last_played_at ELSE plays.last_played_at END"_s);
    q.addBindValue(userId);
    q.addBindValue(atSecs);
    q.addBindValue(trackId);
    if (!execWrite(m_db, q)) {
        qCWarning(lcCatalog) << "cannot record a play:" << q.lastError().text();
        return DomainError::failed(u"the play could not be recorded"_s);
    }
    if (q.numRowsAffected() == 0)
        return DomainError::notFound(u"no such track: %1"_s.arg(trackId));
    return Done{};
}

} // namespace cairn
