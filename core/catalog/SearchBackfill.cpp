#include "SearchBackfill.h"

#include "SearchText.h"
#include "SqlStatement.h"

#include <QList>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

bool respaceSearchDocuments(QSqlDatabase &db, QString *error)
{
    QList<QPair<qint64, QString>> changed;
    QSqlQuery q(db);
    readForwardOnly(q);
    // Only a document with a character beyond ASCII (more bytes than characters) can change.
    if (!q.exec(u"SELECT id, search FROM tracks WHERE length(CAST(search AS BLOB)) <> length(search)"_s)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QString stored = q.value(1).toString();
        const QString respaced = search::document(stored.split(u'\n'));
        if (respaced != stored)
            changed.append({q.value(0).toLongLong(), respaced});
    }
    q.finish();
    q.prepare(u"UPDATE tracks SET search = ? WHERE id = ?"_s);
    for (const auto &[id, document] : std::as_const(changed)) {
        q.addBindValue(document);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace cairn
