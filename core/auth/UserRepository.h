#pragma once
// Users and their folder grants in the catalog. Safe from any thread (per-thread connections).
// The password hash only leaves through passwordHashOf(), for verification.

#include "auth/User.h"

#include <QByteArray>
#include <QList>
#include <QVariant>

#include <optional>

namespace cairn {

class Database;

class UserRepository
{
public:
    explicit UserRepository(const Database &db) : m_db(db) {}

    QList<User> list() const;
    qint64 count() const;
    std::optional<User> find(qint64 id) const;
    // Case-insensitive (ASCII), after NFC normalisation (auth/UserName.h) of `name`.
    std::optional<User> findByName(const QString &name) const;
    QByteArray passwordHashOf(qint64 id) const;
    // The key mixed into every URL the user signs (auth/UrlSigner.h); empty for an unknown id.
    QByteArray signingKeyOf(qint64 id) const;

    // Inserts the user (name, flags, bitrate, grants) with a new signing key; returns it with its id.
    std::optional<User> insert(const User &user, const QByteArray &passwordHash);
    // Writes name, flags, bitrate and grants of an existing user.
    bool update(const User &user);
    bool setPasswordHash(qint64 id, const QByteArray &passwordHash);
    // A new random signing key: every URL the user signed before stops opening anything.
    bool renewSigningKey(qint64 id);
    bool remove(qint64 id);
    // Updates last-seen, at most once a minute per user (keeps writes off the hot path).
    void touch(qint64 id, qint64 now);

    // Counts changes to any user or grant in this process, bumped after each write is
    // committed: a copy of a user read while this stayed the same is still what the table says.
    static quint64 generation();
    static void noteChanged();

private:
    // The user of the one row `condition` ("column = ?", bound to `value`) selects, with grants.
    std::optional<User> findWhere(const QString &condition, const QVariant &value, const char *what) const;
    bool writeGrants(qint64 userId, const QList<qint64> &folderIds);
    QList<qint64> grantsOf(qint64 userId) const;

    const Database &m_db;
};

} // namespace cairn
