#include "IdPage.h"
#include "SqlStatement.h"

namespace cairn::idpage {

QList<qint64> read(QSqlDatabase db, const SqlStatement &statement, const char *what)
{
    QSqlQuery q(db);
    readForwardOnly(q);
    QList<qint64> ids;
    if (!statement.exec(q, what))
        return ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace cairn::idpage
