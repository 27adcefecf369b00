#include "SqlStatement.h"

#include "CatalogLog.h"
#include "PostgresDialect.h"

#include <QSqlDriver>
#include <QSqlError>

namespace cairn {

SqlStatement &SqlStatement::add(const QString &text, const QVariantList &textValues)
{
    sql += text;
    values += textValues;
    return *this;
}

SqlStatement &SqlStatement::add(const SqlStatement &part)
{
    return add(part.sql, part.values);
}

SqlStatement &SqlStatement::add(const SqlFilter &filter)
{
    return add(filter.sql, filter.values);
}

void readForwardOnly(QSqlQuery &q)
{
    q.setForwardOnly(!q.driver() || q.driver()->dbmsType() != QSqlDriver::PostgreSQL);
}

bool SqlStatement::exec(QSqlQuery &q, const char *what) const
{
    QString text = sql;
    QVariantList bound = values;
    if (q.driver() && q.driver()->dbmsType() == QSqlDriver::PostgreSQL)
        postgres::fromSqliteQuery(text, bound);
    if (!q.prepare(text)) {
        qCWarning(lcCatalog) << what << q.lastError().text();
        return false;
    }
    for (const QVariant &v : std::as_const(bound))
        q.addBindValue(v);
    if (q.exec())
        return true;
    qCWarning(lcCatalog) << what << q.lastError().text();
    return false;
}

} // namespace cairn
