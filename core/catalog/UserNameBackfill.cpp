#include "UserNameBackfill.h"

#include "CatalogLog.h"

#include <QList>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

bool normalizeUserNames(QSqlDatabase &db, QString *error)
{
    QList<QPair<qint64, QString>> renames;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, name FROM users"_s)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QString name = q.value(1).toString();
        const QString nfc = name.normalized(QString::NormalizationForm_C);
        if (nfc != name)
            renames.append({q.value(0).toLongLong(), nfc});
    }
    q.finish();
    for (const auto &[id, nfc] : std::as_const(renames)) {
        q.prepare(u"UPDATE OR IGNORE users SET name = ? WHERE id = ?"_s);
        q.addBindValue(nfc);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() != 1)
            qCWarning(lcCatalog) << "user" << id << "keeps a name not in NFC: another user has its NFC form";
    }
    return true;
}

} // namespace cairn
