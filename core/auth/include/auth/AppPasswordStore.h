#pragma once
// App passwords in the catalog: creates them (a random secret, encrypted at rest with the
// credentials key, plus a keyed hash to find it as an apiKey), lists them without secrets,
// revokes them (remembered checks of that user are forgotten at once), and records their last
// use. Thread-safe.

#include "auth/AppPassword.h"
#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class CredentialCipher;
class Database;
class SubsonicAuthenticator;
class TouchThrottle;
class UserRevocations;

class AppPasswordStore
{
    Q_DECLARE_TR_FUNCTIONS(AppPasswordStore)
public:
    using Clock = std::function<qint64()>;   // seconds since the epoch
    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxPerUser = 50;    // each token check decrypts all of a user's secrets

    // `credentialsKey`: loadOrCreateCredentialsKey(); without a usable one create() fails and
    // nothing is ever found.
    AppPasswordStore(const Database &db, const QByteArray &credentialsKey, UserRevocations &revocations,
                     Clock clock = {});
    ~AppPasswordStore();
    AppPasswordStore(const AppPasswordStore &) = delete;
    AppPasswordStore &operator=(const AppPasswordStore &) = delete;

    // The name is trimmed. Errors: InvalidInput (empty, longer than kMaxNameLength, control
    // characters), NotFound (no such user), Conflict (kMaxPerUser reached), Failed.
    Result<CreatedAppPassword> create(qint64 userId, const QString &name);
    // The user's app passwords, oldest first, without secrets.
    QList<AppPasswordInfo> list(qint64 userId) const;
    // NotFound when `id` is not one of `userId`'s app passwords (someone else's included).
    Outcome revoke(qint64 userId, qint64 id);

    // The app password whose secret is exactly `key` (one indexed lookup, no decryption).
    std::optional<AppPasswordOwner> findByApiKey(const QString &key) const;
    // Records a use of the app password now; writes at most once a minute per app password.
    void touch(qint64 appPasswordId);

    // Empty when acceptable (after trimming); otherwise an InvalidInput error with the message.
    static std::optional<DomainError> checkName(const QString &name);

private:
    friend class SubsonicAuthenticator;
    struct Secret
    {
        qint64 id = 0;
        QByteArray secret;   // UTF-8
    };
    // The user's decrypted secrets, for token (t = md5(secret + salt)) and password checks.
    QList<Secret> secretsOf(qint64 userId) const;
    qint64 now() const;

    const Database &m_db;
    std::unique_ptr<CredentialCipher> m_cipher;
    std::unique_ptr<TouchThrottle> m_touches;
    UserRevocations &m_revocations;
    Clock m_clock;
};

} // namespace cairn
