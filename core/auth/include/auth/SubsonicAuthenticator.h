#pragma once
// Answers "who is this?" for Subsonic and OpenSubsonic clients, which send credentials with
// every request: `u`+`p` (clear, or `enc:` + hex of the UTF-8), `u`+`t`+`s` (t = md5(secret + s)
// in hex) or `apiKey`. Account passwords are Argon2id hashes and cannot be recovered, so token
// and apiKey checks use app passwords (AppPasswordStore); `p` may be the account password or an
// app password. Successful checks are remembered for a few minutes, so a grid of covers costs
// one Argon2id run, not fifty, and forgotten at once when the user's credentials change
// (UserRevocations::credentialsChanged). Failures count toward the client address's login
// throttle, the same budget as POST /api/auth/login. Thread-safe.

#include "auth/User.h"

#include <QHostAddress>
#include <QList>
#include <QMetaObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class AppPasswordStore;
class CredentialMemo;
class Database;
class LoginThrottle;
class TouchThrottle;
class UserRevocations;

// The raw query parameters of a request; an empty string is an absent parameter. (Default
// member initializers: designated initializers such as {.u = …, .p = …} build without warnings.)
struct CredentialParams
{
    QString u = {};
    QString p = {};
    QString t = {};
    QString s = {};
    QString apiKey = {};
};

struct CredentialCheck
{
    enum class Result {
        Ok,           // `user` is the enabled caller
        Missing,      // no credentials, or an incomplete set (u alone, t without s…): Subsonic error 10
        Wrong,        // unknown user, wrong password or token, bad enc: hex — all alike: error 40
        Conflicting,  // apiKey together with u/p/t/s, or p together with t/s: error 43
        BadApiKey,    // an apiKey that is no app password: error 44
        Throttled,    // too many failures from this address; nothing was checked (no Subsonic
                      // code: answer 40, or HTTP 429 with Retry-After: retryAfterSecs)
        Disabled,     // the right credentials of a disabled user: answer exactly like Wrong (40)
    };
    Result result = Result::Missing;
    User user = {};               // when Ok; empty otherwise
    qint64 appPasswordId = 0;     // when Ok through an app password; 0 = the account password
    qint64 retryAfterSecs = 0;    // when Throttled
};

struct SubsonicAuthSettings
{
    qint64 memoSecs = 5 * 60;          // how long a successful check is remembered
    qsizetype memoCapacity = 4096;     // remembered checks at most (the ones closest to expiry go first)
};

class SubsonicAuthenticator
{
public:
    using Clock = std::function<qint64()>;   // seconds since the epoch

    // `throttle`: Authenticator::throttle(), so Subsonic and JSON logins share one budget.
    // `revocations` must outlive this object.
    SubsonicAuthenticator(const Database &db, AppPasswordStore &appPasswords, LoginThrottle &throttle,
                          const UserRevocations &revocations, SubsonicAuthSettings settings = {}, Clock clock = {});
    ~SubsonicAuthenticator();
    SubsonicAuthenticator(const SubsonicAuthenticator &) = delete;
    SubsonicAuthenticator &operator=(const SubsonicAuthenticator &) = delete;

    // `client`: the request's client address (clientAddress(), which believes trusted proxies).
    // On Ok also records the use (users.last_seen_at, the app password's last use; at most one
    // write a minute each).
    CredentialCheck check(const CredentialParams &params, const QHostAddress &client);

    // Argon2id verifications run so far, decoys for unknown names included (tests, metrics).
    quint64 passwordVerifications() const { return m_verifications.load(); }

private:
    enum class Mode { Missing, Conflicting, Password, Token, ApiKey };
    struct Verified;

    static Mode modeOf(const CredentialParams &params);
    QByteArray memoKey(Mode mode, const CredentialParams &params) const;
    std::optional<Verified> remembered(Mode mode, const CredentialParams &params, const QByteArray &key,
                                       qint64 now) const;
    Verified verify(Mode mode, const CredentialParams &params);
    Verified verifyPassword(const CredentialParams &params);
    Verified verifyToken(const CredentialParams &params);
    Verified verifyApiKey(const CredentialParams &params);
    CredentialCheck refuse(CredentialCheck::Result result, const QHostAddress &client);
    qint64 now() const;

    const Database &m_db;
    AppPasswordStore &m_appPasswords;
    LoginThrottle &m_throttle;
    SubsonicAuthSettings m_settings;
    Clock m_clock;
    std::unique_ptr<CredentialMemo> m_memo;
    std::unique_ptr<TouchThrottle> m_userTouches;
    QList<QMetaObject::Connection> m_connections;
    std::atomic<quint64> m_verifications{0};
};

} // namespace cairn
