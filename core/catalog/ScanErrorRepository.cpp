#include "catalog/ScanErrorRepository.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"

#include "CatalogLog.h"
#include "SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QList<ScanError> ScanErrorRepository::list(int limit) const
{
    QList<ScanError> errors;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, path, reason, at FROM scan_errors ORDER BY path LIMIT ?"_s);
    q.addBindValue(qMax(0, limit));
    if (!q.exec())
        qCWarning(lcCatalog) << "scan errors:" << q.lastError().text();
    while (q.next()) {
        ScanError e;
        e.id = q.value(0).toLongLong();
        e.path = q.value(1).toString();
        e.reason = q.value(2).toString();
        e.at = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        errors << e;
    }
    return errors;
}

qint64 ScanErrorRepository::count() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(u"SELECT COUNT(*) FROM scan_errors"_s) && q.next() ? q.value(0).toLongLong() : 0;
}

void ScanErrorRepository::record(const QString &path, const QString &reason)
{
    record(path, reason, 0, {});
}

void ScanErrorRepository::record(const QString &path, const QString &reason, qint64 size,
                                 const QDateTime &mtime)
{
    PreparedQuery q(m_db, u"INSERT INTO scan_errors (path, reason, at, size, mtime) VALUES (?, ?, ?, ?, ?) "
                          "ON CONFLICT(path) DO UPDATE SET reason = excluded.reason, at = excluded.at, "
                          "size = excluded.size, mtime = excluded.mtime"_s);
    q.exec({path, reason, QDateTime::currentMSecsSinceEpoch(), size, mtime.isValid() ? mtime.toSecsSinceEpoch() : 0},
           "cannot record scan error:");
}

void ScanErrorRepository::clear(const QString &path)
{
    // Kept prepared: a scan clears the error of every file it stores.
    PreparedQuery q(m_db, u"DELETE FROM scan_errors WHERE path = ?"_s);
    q.exec({path}, "cannot clear a scan error:");
}

QHash<QString, FileStamp> ScanErrorRepository::stampsUnder(const QString &rootPath) const
{
    QString prefix = rootPath;
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    QHash<QString, FileStamp> stamps;
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT path, size, mtime FROM scan_errors WHERE substr(path, 1, length(CAST(? AS TEXT))) = ?"_s);
    q.addBindValue(prefix);
    q.addBindValue(prefix);
    if (!q.exec())
        qCWarning(lcCatalog) << "scan error stamps:" << q.lastError().text();
    while (q.next()) {
        FileStamp stamp;
        stamp.size = q.value(1).toLongLong();
        stamp.mtime = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        stamps.insert(q.value(0).toString(), stamp);
    }
    return stamps;
}

} // namespace cairn
