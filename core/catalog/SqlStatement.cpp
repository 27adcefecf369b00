#include "SqlStatement.h"

#include "CatalogLog.h"

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

bool SqlStatement::exec(QSqlQuery &q, const char *what) const
{
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    qCWarning(lcCatalog) << what << q.lastError().text();
    return false;
}

} // namespace cairn
