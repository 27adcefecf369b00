#include "catalog/PreparedQuery.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "SqlStatement.h"

#include <QSqlError>

namespace cairn {

PreparedQuery::PreparedQuery(const Database &db, const QString &sql)
{
    if (Database::CachedStatement *statement = db.cachedStatement(sql)) {
        m_query = &statement->query;
        m_busy = &statement->busy;
        m_prepared = true;
        return;
    }
    m_own.emplace(db.connection());
    readForwardOnly(*m_own);
    m_prepared = m_own->prepare(sql);
    m_query = &*m_own;
}

PreparedQuery::~PreparedQuery()
{
    m_query->finish();
    if (m_busy)
        *m_busy = false;
}

bool PreparedQuery::exec(const QVariantList &values, const char *what)
{
    if (m_prepared) {
        for (qsizetype i = 0; i < values.size(); ++i)
            m_query->bindValue(int(i), values.at(i));
        if (m_query->exec())
            return true;
    }
    qCWarning(lcCatalog) << what << m_query->lastError().text();
    return false;
}

} // namespace cairn
