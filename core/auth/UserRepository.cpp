#include "UserRepository.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"
#include "catalog/WriteTransaction.h"

#include "auth/PasswordHash.h"
#include "auth/UserName.h"

#include "AuthLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// 128 random bits: a deleted user's id given to a new account never brings back its URLs.
QByteArray newSigningKey()
{
    return randomToken(16);
}

const QString kColumns = u"id, name, admin, enabled, max_bitrate, created_at, last_seen_at, upload"_s;

User userFrom(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.name = q.value(1).toString();
    u.admin = q.value(2).toBool();
    u.enabled = q.value(3).toBool();
    u.maxBitrate = q.value(4).toInt();
    u.createdAt = q.value(5).toLongLong();
    u.lastSeenAt = q.value(6).toLongLong();
    u.upload = q.value(7).toBool();
    return u;
}

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcAuth) << what << q.lastError().text();
    return false;
}

} // namespace

QList<User> UserRepository::list() const
{
    QList<User> users;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM users ORDER BY name"_s);
    if (!run(q, "users:"))
        return users;
    while (q.next())
        users << userFrom(q);
    for (User &u : users)
        u.folderIds = grantsOf(u.id);
    return users;
}

qint64 UserRepository::count() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COUNT(*) FROM users"_s);
    return run(q, "user count:") && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<User> UserRepository::find(qint64 id) const
{
    return findWhere(u"id = ?"_s, id, "user:");
}

std::optional<User> UserRepository::findByName(const QString &name) const
{
    return findWhere(u"name = ?"_s, normalizedUserName(name), "user by name:");
}

// find() and findByName() run for every signed URL and every Subsonic request: their
// statements are kept prepared.
std::optional<User> UserRepository::findWhere(const QString &condition, const QVariant &value, const char *what) const
{
    std::optional<User> u;
    {
        PreparedQuery q(m_db, u"SELECT "_s + kColumns + u" FROM users WHERE "_s + condition);
        if (!q.exec({value}, what) || !q->next())
            return std::nullopt;
        u = userFrom(*q);
    }
    u->folderIds = grantsOf(u->id);
    return u;
}

QByteArray UserRepository::passwordHashOf(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT password_hash FROM users WHERE id = ?"_s);
    q.addBindValue(id);
    return run(q, "password hash:") && q.next() ? q.value(0).toString().toLatin1() : QByteArray();
}

QByteArray UserRepository::signingKeyOf(qint64 id) const
{
    PreparedQuery q(m_db, u"SELECT signing_key FROM users WHERE id = ?"_s);
    return q.exec({id}, "signing key:") && q->next() ? q->value(0).toString().toLatin1() : QByteArray();
}

bool UserRepository::renewSigningKey(qint64 id)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE users SET signing_key = ? WHERE id = ?"_s);
    q.addBindValue(QString::fromLatin1(newSigningKey()));
    q.addBindValue(id);
    const bool saved = run(q, "cannot renew signing key:") && q.numRowsAffected() == 1 && tx.commit();
    noteChanged();
    return saved;
}

namespace {
std::atomic<quint64> g_generation{1};
}

quint64 UserRepository::generation()
{
    return g_generation.load();
}

void UserRepository::noteChanged()
{
    ++g_generation;
}

std::optional<User> UserRepository::insert(const User &user, const QByteArray &passwordHash)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO users (name, password_hash, admin, enabled, max_bitrate, upload, created_at, signing_key) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(user.name);
    q.addBindValue(QString::fromLatin1(passwordHash));
    q.addBindValue(int(user.admin));
    q.addBindValue(int(user.enabled));
    q.addBindValue(user.maxBitrate);
    q.addBindValue(int(user.upload));
    q.addBindValue(user.createdAt);
    q.addBindValue(QString::fromLatin1(newSigningKey()));
    if (!run(q, "cannot add user:"))
        return std::nullopt;
    User created = user;
    created.id = q.lastInsertId().toLongLong();
    if (!writeGrants(created.id, user.folderIds) || !tx.commit())
        return std::nullopt;
    noteChanged();
    return created;
}

bool UserRepository::update(const User &user)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE users SET name = ?, admin = ?, enabled = ?, max_bitrate = ?, upload = ? WHERE id = ?"_s);
    q.addBindValue(user.name);
    q.addBindValue(int(user.admin));
    q.addBindValue(int(user.enabled));
    q.addBindValue(user.maxBitrate);
    q.addBindValue(int(user.upload));
    q.addBindValue(user.id);
    if (!run(q, "cannot update user:") || q.numRowsAffected() != 1)
        return false;
    const bool saved = writeGrants(user.id, user.folderIds) && tx.commit();
    noteChanged();   // (an enclosing transaction's owner notes its own commit too)
    return saved;
}

bool UserRepository::setPasswordHash(qint64 id, const QByteArray &passwordHash)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE users SET password_hash = ? WHERE id = ?"_s);
    q.addBindValue(QString::fromLatin1(passwordHash));
    q.addBindValue(id);
    const bool saved = run(q, "cannot set password:") && q.numRowsAffected() == 1 && tx.commit();
    noteChanged();
    return saved;
}

bool UserRepository::remove(qint64 id)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM users WHERE id = ?"_s);   // grants and tokens go by ON DELETE CASCADE
    q.addBindValue(id);
    const bool removed = run(q, "cannot delete user:") && q.numRowsAffected() == 1 && tx.commit();
    noteChanged();
    return removed;
}

void UserRepository::touch(qint64 id, qint64 now)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE users SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?"_s);
    q.addBindValue(now);
    q.addBindValue(id);
    q.addBindValue(now - 60);
    if (run(q, "cannot update last seen:"))
        tx.commit();
}

bool UserRepository::writeGrants(qint64 userId, const QList<qint64> &folderIds)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM user_folders WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (!run(q, "cannot clear grants:"))
        return false;
    for (qint64 folderId : folderIds) {
        q.prepare(u"INSERT INTO user_folders (user_id, folder_id) "
                  "SELECT ?, id FROM folders WHERE id = ? ON CONFLICT DO NOTHING"_s);
        q.addBindValue(userId);
        q.addBindValue(folderId);
        if (!run(q, "cannot grant folder:"))
            return false;
    }
    return tx.commit();
}

QList<qint64> UserRepository::grantsOf(qint64 userId) const
{
    QList<qint64> ids;
    PreparedQuery q(m_db, u"SELECT folder_id FROM user_folders WHERE user_id = ? ORDER BY folder_id"_s);
    if (q.exec({userId}, "grants:"))
        while (q->next())
            ids << q->value(0).toLongLong();
    return ids;
}

} // namespace cairn
