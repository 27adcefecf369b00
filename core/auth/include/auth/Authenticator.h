#pragma once
// Answers "who is this?" for the HTTP layer: logs users in (throttled per address), turns
// bearer tokens and signed URLs into active users, and signs stream URLs. Thread-safe.

#include "auth/LoginThrottle.h"
#include "auth/UrlSigner.h"
#include "auth/User.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QHostAddress>

#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class Database;
class TouchThrottle;
class UserRevocations;

struct AuthSettings
{
    qint64 tokenLifetimeSecs = 30 * 24 * 3600;
    qint64 signedUrlLifetimeSecs = 12 * 3600;
    LoginThrottlePolicy throttle;
};

struct LoginOutcome
{
    enum class Result { LoggedIn, Refused, Throttled, Failed };
    Result result = Result::Refused;
    QByteArray token;
    qint64 expiresAt = 0;
    User user;
    qint64 retryAfterSecs = 0;    // when Throttled
};

class Authenticator
{
public:
    using Clock = std::function<qint64()>;   // seconds since the epoch

    Authenticator(const Database &db, QByteArray signingSecret, const UserRevocations &revocations,
                  AuthSettings settings = {}, Clock clock = {});
    ~Authenticator();

    // An unknown name costs the same work and gives the same answer as a wrong password.
    LoginOutcome login(const QString &name, const QString &password, const QHostAddress &client);
    bool logout(const QByteArray &token);

    // The enabled user owning an unexpired token.
    std::optional<User> userForToken(const QByteArray &token);
    // Checks `sig`/`exp` for exactly `path` against the signer's current signing key; on Valid,
    // `userId` is an enabled user whose key has not been renewed since.
    SignatureCheck checkSignature(const QString &path, const QString &exp, const QString &sig) const;
    std::optional<User> activeUser(qint64 userId) const;

    // "<path>?exp=…&sig=…", valid for settings().signedUrlLifetimeSecs.
    QString signedUrl(const QString &path, qint64 userId, qint64 *expiresAt = nullptr) const;
    // The query signing `path` for `userId` until `expiresAt` (signedUrl() and tests).
    SignedQuery sign(const QString &path, qint64 userId, qint64 expiresAt) const;
    // A token for `userId` expiring at `expiresAt` (tests and tools; login() is the normal way).
    QByteArray issueToken(qint64 userId, qint64 expiresAt);

    const UserRevocations &revocations() const { return m_revocations; }
    // The per-address record of failed logins; other ways of presenting a password (Subsonic
    // credentials) count their failures here too, so they share one budget of guesses.
    LoginThrottle &throttle() { return m_throttle; }
    const AuthSettings &settings() const { return m_settings; }
    qint64 now() const;

private:
    const Database &m_db;
    UrlSigner m_signer;
    const UserRevocations &m_revocations;
    AuthSettings m_settings;
    Clock m_clock;
    LoginThrottle m_throttle;
    // Token requests write "last seen" at most once a minute per user: a write per request
    // would wait behind the scanner's transactions for the catalog's one write lock.
    std::unique_ptr<TouchThrottle> m_userTouches;
    // Active users by id as last read, with the user table's generation then: every signed or
    // token request needs its user, and most ask for the same few.
    struct CachedUser
    {
        quint64 generation = 0;
        qint64 readAtMs = 0;
        std::optional<User> user;   // none when unknown or disabled
        QByteArray signingKey;      // empty unless `user`
    };
    CachedUser remembered(qint64 userId) const;
    mutable QMutex m_usersMutex;
    mutable QHash<qint64, CachedUser> m_users;
};

} // namespace cairn
