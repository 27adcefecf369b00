#include "TokenStore.h"

#include "auth/PasswordHash.h"
#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "AuthLog.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kTokenBytes = 32;
constexpr qint64 kLastUseGranularity = 60;   // seconds: avoids a write per request

// Tokens carry 256 random bits, so a fast hash is enough to make the stored value useless.
QByteArray digestOf(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace

QByteArray TokenStore::issue(qint64 userId, qint64 now, qint64 expiresAt)
{
    const QByteArray token = randomToken(kTokenBytes);
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO auth_tokens (user_id, token_hash, created_at, expires_at, last_used_at) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(userId);
    q.addBindValue(digestOf(token));
    q.addBindValue(now);
    q.addBindValue(expiresAt);
    q.addBindValue(now);
    if (!execWrite(m_db, q)) {
        qCWarning(lcAuth) << "cannot store token:" << q.lastError().text();
        return {};
    }
    return token;
}

std::optional<TokenOwner> TokenStore::find(const QByteArray &token, qint64 now)
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, user_id, expires_at, last_used_at FROM auth_tokens WHERE token_hash = ?"_s);
    q.addBindValue(digestOf(token));
    if (!q.exec() || !q.next())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    const TokenOwner owner{q.value(1).toLongLong(), q.value(2).toLongLong()};
    const qint64 lastUsed = q.value(3).toLongLong();
    q.finish();
    if (owner.expiresAt <= now)
        return std::nullopt;
    if (now - lastUsed >= kLastUseGranularity) {
        q.prepare(u"UPDATE auth_tokens SET last_used_at = ? WHERE id = ?"_s);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!execWrite(m_db, q))
            qCWarning(lcAuth) << "cannot record token use:" << q.lastError().text();
    }
    return owner;
}

bool TokenStore::revoke(const QByteArray &token)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM auth_tokens WHERE token_hash = ?"_s);
    q.addBindValue(digestOf(token));
    return execWrite(m_db, q) && q.numRowsAffected() > 0;
}

void TokenStore::revokeAllOf(qint64 userId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM auth_tokens WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (!execWrite(m_db, q))
        qCWarning(lcAuth) << "cannot revoke tokens:" << q.lastError().text();
}

void TokenStore::purgeExpired(qint64 now)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM auth_tokens WHERE expires_at <= ?"_s);
    q.addBindValue(now);
    if (!execWrite(m_db, q))
        qCWarning(lcAuth) << "cannot purge tokens:" << q.lastError().text();
}

} // namespace cairn
