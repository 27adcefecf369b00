#include "CatalogSecret.h"

#include "auth/PasswordHash.h"

#include "AuthLog.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"
#include "catalog/WriteTransaction.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

std::optional<QByteArray> stored(const Database &db, const QString &name)
{
    PreparedQuery q(db, u"SELECT value FROM shared_secrets WHERE name = ?"_s);
    if (!q.exec({name}, "shared secret:"))
        return std::nullopt;
    return q->next() ? q->value(0).toByteArray() : QByteArray();
}

} // namespace

std::optional<QByteArray> loadOrCreateCatalogSecret(const Database &db, const QString &name, int bytes,
                                                    DamagedSecret damaged)
{
    const auto existing = stored(db, name);
    if (!existing)
        return std::nullopt;
    if (!existing->isEmpty()) {
        const QByteArray secret = QByteArray::fromBase64(*existing, QByteArray::Base64UrlEncoding);
        if (secret.size() >= bytes)
            return secret;
        if (damaged == DamagedSecret::Refuse) {
            qCCritical(lcAuth) << "the catalog's" << name << "is too short; restore the catalog's shared_secrets"
                               << "row from a backup, or delete it to start with a new key";
            return std::nullopt;
        }
        qCWarning(lcAuth) << "the catalog's" << name << "is too short; making a new one";
    }
    // Two nodes starting at once may both get here: the first one's secret stays, and both read
    // it back below.
    const QString fresh = QString::fromLatin1(randomToken(bytes));
    QSqlQuery q(db.connection());
    if (existing->isEmpty()) {
        q.prepare(u"INSERT INTO shared_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"_s);
        q.addBindValue(name);
        q.addBindValue(fresh);
    } else {
        q.prepare(u"UPDATE shared_secrets SET value = ? WHERE name = ?"_s);
        q.addBindValue(fresh);
        q.addBindValue(name);
    }
    if (!execWrite(db, q)) {
        qCWarning(lcAuth) << "cannot store" << name << "in the catalog:" << q.lastError().text();
        return std::nullopt;
    }
    const auto made = stored(db, name);
    if (!made || made->isEmpty())
        return std::nullopt;
    return QByteArray::fromBase64(*made, QByteArray::Base64UrlEncoding);
}

} // namespace cairn
