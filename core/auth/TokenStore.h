#pragma once
// Login tokens: opaque random strings handed to the client once; the catalog keeps only their
// SHA-256 (a stolen database yields no usable token), with expiry and last use.

#include <QByteArray>

#include <optional>

namespace cairn {

class Database;

struct TokenOwner
{
    qint64 userId = 0;
    qint64 expiresAt = 0;   // seconds since the epoch
};

class TokenStore
{
public:
    explicit TokenStore(const Database &db) : m_db(db) {}

    // A new token for the user, valid until `expiresAt`; empty on failure.
    QByteArray issue(qint64 userId, qint64 now, qint64 expiresAt);
    // The owner of a token that exists and has not expired at `now` (also records its use).
    std::optional<TokenOwner> find(const QByteArray &token, qint64 now);
    bool revoke(const QByteArray &token);
    void revokeAllOf(qint64 userId);
    // Deletes expired tokens.
    void purgeExpired(qint64 now);

private:
    const Database &m_db;
};

} // namespace cairn
