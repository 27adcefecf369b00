#include "catalog/CatalogScanLock.h"

#include "CatalogLog.h"
#include "catalog/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// The advisory lock's key: any 64-bit number no other program on the database uses ("CAIRNSCN").
constexpr qint64 kScanLockKey = 0x434149524E53434ELL;

} // namespace

CatalogScanLock::CatalogScanLock(const Database &db) : m_db(db)
{
    if (!db.isPostgres()) {
        m_held = true;
        return;
    }
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT pg_try_advisory_lock(?)"_s);
    q.addBindValue(kScanLockKey);
    if (!q.exec() || !q.next()) {
        // Unknown: scanning anyway risks two writers, which the catalog's transactions survive;
        // never scanning would leave the catalog stale for good.
        qCWarning(lcCatalog) << "cannot take the catalog's scan lock, scanning without it:" << q.lastError().text();
        m_held = true;
        return;
    }
    m_held = m_advisory = q.value(0).toBool();
}

CatalogScanLock::~CatalogScanLock()
{
    if (!m_advisory)
        return;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT pg_advisory_unlock(?)"_s);
    q.addBindValue(kScanLockKey);
    if (!q.exec())
        qCWarning(lcCatalog) << "cannot give back the catalog's scan lock:" << q.lastError().text();
}

} // namespace cairn
