#pragma once
// A page is chosen as ids in its order first, then its rows are read by id, in whatever order
// SQLite returns them: reading the ids and putting the rows back in the page's order. Internal
// to the catalog.

#include "SqlStatement.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace cairn::idpage {

// The first column of every row `statement` returns (empty on an error, logged as `what`).
QList<qint64> read(QSqlDatabase db, const SqlStatement &statement, const char *what);

// `rows` (keyed by id) in the order of `ids`; an id without a row is left out.
template<typename T>
QList<T> inOrder(const QList<qint64> &ids, const QHash<qint64, T> &rows)
{
    QList<T> ordered;
    ordered.reserve(rows.size());
    for (const qint64 id : ids) {
        const auto it = rows.constFind(id);
        if (it != rows.cend())
            ordered << *it;
    }
    return ordered;
}

} // namespace cairn::idpage
