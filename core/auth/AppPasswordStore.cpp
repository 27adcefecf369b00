#include "auth/AppPasswordStore.h"

#include "auth/PasswordHash.h"
#include "auth/UserRevocations.h"
#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "AuthLog.h"
#include "CredentialCipher.h"
#include "TouchThrottle.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Typed into phones: no 0/o, 1/l/i to confuse. 20 characters of 31 carry 99 bits, beyond any
// offline guessing of a t = md5(secret + salt) seen on the network.
constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
constexpr int kGroups = 4;
constexpr int kGroupLength = 5;

QString generateSecret()
{
    QString secret;
    for (int g = 0; g < kGroups; ++g) {
        if (g > 0)
            secret += u'-';
        for (int i = 0; i < kGroupLength; ++i)
            secret += QLatin1Char(kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)]);
    }
    return secret;
}

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcAuth) << what << q.lastError().text();
    return false;
}

// A single write statement outside a transaction, taking its turn with the other writers.
bool runWrite(const Database &db, QSqlQuery &q, const char *what)
{
    if (execWrite(db, q))
        return true;
    qCWarning(lcAuth) << what << q.lastError().text();
    return false;
}

} // namespace

AppPasswordStore::AppPasswordStore(const Database &db, const QByteArray &credentialsKey, UserRevocations &revocations,
                                   Clock clock)
    : m_db(db), m_cipher(std::make_unique<CredentialCipher>(credentialsKey)),
      m_touches(std::make_unique<TouchThrottle>()), m_revocations(revocations), m_clock(std::move(clock))
{
    if (!m_cipher->isUsable())
        qCWarning(lcAuth) << "no usable credentials key: app passwords cannot be created or used";
}

AppPasswordStore::~AppPasswordStore() = default;

qint64 AppPasswordStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

std::optional<DomainError> AppPasswordStore::checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return DomainError::invalid(tr("The name must not be empty."));
    if (trimmed.size() > kMaxNameLength)
        return DomainError::invalid(tr("The name must be at most %1 characters long.").arg(kMaxNameLength));
    for (QChar c : trimmed)
        if (c.category() == QChar::Other_Control)
            return DomainError::invalid(tr("The name must not contain control characters."));
    return std::nullopt;
}

Result<CreatedAppPassword> AppPasswordStore::create(qint64 userId, const QString &name)
{
    if (auto e = checkName(name))
        return *e;
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT (SELECT COUNT(*) FROM users WHERE id = ?), "
              "(SELECT COUNT(*) FROM app_passwords WHERE user_id = ?)"_s);
    q.addBindValue(userId);
    q.addBindValue(userId);
    if (!run(q, "app passwords:") || !q.next())
        return DomainError::failed(tr("The app password could not be saved."));
    if (q.value(0).toInt() == 0)
        return DomainError::notFound(tr("No such user."));
    if (q.value(1).toInt() >= kMaxPerUser)
        return DomainError::conflict(tr("A user can have at most %1 app passwords.").arg(kMaxPerUser));
    q.finish();

    CreatedAppPassword created;
    created.name = name.trimmed();
    created.secret = generateSecret();
    created.createdAt = now();
    const QByteArray secret = created.secret.toUtf8();
    const auto sealed = m_cipher->seal(secret);
    if (!sealed)
        return DomainError::failed(tr("The app password could not be encrypted."));
    q.prepare(u"INSERT INTO app_passwords (user_id, name, secret_nonce, secret_ciphertext, key_hash, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(userId);
    q.addBindValue(created.name);
    q.addBindValue(sealed->nonce);
    q.addBindValue(sealed->ciphertext);
    q.addBindValue(m_cipher->lookupHash(secret));
    q.addBindValue(created.createdAt);
    if (!run(q, "cannot add app password:"))
        return DomainError::failed(tr("The app password could not be saved."));
    created.id = q.lastInsertId().toLongLong();
    if (!tx.commit())
        return DomainError::failed(tr("The app password could not be saved."));
    qCInfo(lcAuth).noquote() << "app password" << created.id << "created for user" << userId;
    return created;
}

QList<AppPasswordInfo> AppPasswordStore::list(qint64 userId) const
{
    QList<AppPasswordInfo> items;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, name, created_at, last_used_at FROM app_passwords "
              "WHERE user_id = ? ORDER BY created_at, id"_s);
    q.addBindValue(userId);
    if (!run(q, "app passwords:"))
        return items;
    while (q.next())
        items << AppPasswordInfo{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                                 q.value(3).toLongLong()};
    return items;
}

Outcome AppPasswordStore::revoke(qint64 userId, qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM app_passwords WHERE id = ? AND user_id = ?"_s);
    q.addBindValue(id);
    q.addBindValue(userId);
    if (!runWrite(m_db, q, "cannot revoke app password:"))
        return DomainError::failed(tr("The app password could not be revoked."));
    if (q.numRowsAffected() == 0)
        return DomainError::notFound(tr("No such app password."));
    m_touches->forget(id);
    m_revocations.credentialRevoked(userId);
    qCInfo(lcAuth).noquote() << "app password" << id << "of user" << userId << "revoked";
    return Done{};
}

std::optional<AppPasswordOwner> AppPasswordStore::findByApiKey(const QString &key) const
{
    if (key.isEmpty() || !m_cipher->isUsable())
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT user_id, id FROM app_passwords WHERE key_hash = ?"_s);
    q.addBindValue(m_cipher->lookupHash(key.toUtf8()));
    if (!run(q, "app password by key:") || !q.next())
        return std::nullopt;
    return AppPasswordOwner{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

void AppPasswordStore::touch(qint64 appPasswordId)
{
    const qint64 t = now();
    if (!m_touches->due(appPasswordId, t))
        return;
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE app_passwords SET last_used_at = ? WHERE id = ?"_s);
    q.addBindValue(t);
    q.addBindValue(appPasswordId);
    runWrite(m_db, q, "cannot record app password use:");
}

QList<AppPasswordStore::Secret> AppPasswordStore::secretsOf(qint64 userId) const
{
    QList<Secret> secrets;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, secret_nonce, secret_ciphertext FROM app_passwords WHERE user_id = ? ORDER BY id"_s);
    q.addBindValue(userId);
    if (!run(q, "app password secrets:"))
        return secrets;
    while (q.next()) {
        auto secret = m_cipher->open(q.value(1).toByteArray(), q.value(2).toByteArray());
        if (secret)
            secrets << Secret{q.value(0).toLongLong(), *secret};
        else   // another credentials.key than the one it was made with: it can only be revoked
            qCWarning(lcAuth) << "app password" << q.value(0).toLongLong() << "cannot be decrypted";
    }
    return secrets;
}

} // namespace cairn
