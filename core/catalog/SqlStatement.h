#pragma once
// SQL text and its bound values, built piece by piece in bind order, so a query assembled from
// optional parts never binds a value to the wrong placeholder. Internal to the catalog.

#include "SqlFilter.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace cairn {

struct SqlStatement
{
    QString sql;
    QVariantList values;

    SqlStatement &add(const QString &text, const QVariantList &textValues = {});
    SqlStatement &add(const SqlStatement &part);
    SqlStatement &add(const SqlFilter &filter);   // its "WHERE …" (or nothing) and its values

    // Prepares, binds and runs the statement on `q`; false (logged as `what`) on an error.
    bool exec(QSqlQuery &q, const char *what) const;
};

// Reads `q`'s rows as they come, where the driver allows: SQLite runs other queries on the
// connection meanwhile, while Qt's PostgreSQL driver drops a forward-only result the moment the
// connection runs another query ("Query results lost"), so there the rows are read whole first.
void readForwardOnly(QSqlQuery &q);

} // namespace cairn
