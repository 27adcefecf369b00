#include "TrackEntries.h"

#include "CatalogLog.h"
#include "SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

std::optional<QList<TrackEntries::Entry>> TrackEntries::read(qint64 key) const
{
    QSqlQuery q(m_db);
    readForwardOnly(q);
    q.prepare(u"SELECT e.track_id, t.folder_id, t.duration_ms FROM "_s + m_table
              + u" e JOIN tracks t ON t.id = e.track_id WHERE e."_s + m_keyColumn + u" = ? ORDER BY e.position"_s);
    q.addBindValue(key);
    if (!q.exec()) {
        qCWarning(lcCatalog) << m_table << "read:" << q.lastError().text();
        return std::nullopt;
    }
    QList<Entry> entries;
    while (q.next())
        entries << Entry{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    return entries;
}

bool TrackEntries::write(qint64 key, const QList<qint64> &trackIds)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM "_s + m_table + u" WHERE "_s + m_keyColumn + u" = ?"_s);
    q.addBindValue(key);
    if (!q.exec()) {
        qCWarning(lcCatalog) << m_table << "clear:" << q.lastError().text();
        return false;
    }
    q.prepare(u"INSERT INTO "_s + m_table + u" ("_s + m_keyColumn + u", position, track_id) VALUES (?, ?, ?)"_s);
    for (qsizetype i = 0; i < trackIds.size(); ++i) {
        q.addBindValue(key);
        q.addBindValue(i);
        q.addBindValue(trackIds[i]);
        if (!q.exec()) {
            qCWarning(lcCatalog) << m_table << "write:" << q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace cairn
