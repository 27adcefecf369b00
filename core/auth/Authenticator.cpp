#include "auth/Authenticator.h"

#include "auth/PasswordHash.h"

#include "AuthLog.h"
#include "TokenStore.h"
#include "TouchThrottle.h"
#include "UserRepository.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Authenticator::Authenticator(const Database &db, QByteArray signingSecret, const UserRevocations &revocations,
                             AuthSettings settings, Clock clock)
    : m_db(db), m_signer(std::move(signingSecret)), m_revocations(revocations), m_settings(settings),
      m_clock(clock), m_throttle(settings.throttle, clock), m_userTouches(std::make_unique<TouchThrottle>())
{
    // Computed up front so the first unknown-name login is not faster than the ones after it.
    decoyHash();
}

Authenticator::~Authenticator() = default;

qint64 Authenticator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

LoginOutcome Authenticator::login(const QString &name, const QString &password, const QHostAddress &client)
{
    LoginOutcome out;
    if (const qint64 wait = m_throttle.retryAfter(client); wait > 0) {
        out.result = LoginOutcome::Result::Throttled;
        out.retryAfterSecs = wait;
        return out;
    }
    UserRepository users(m_db);
    const std::optional<User> user = users.findByName(name);
    // Unknown names are verified against a decoy hash: same work, same answer.
    const QByteArray hash = user ? users.passwordHashOf(user->id) : decoyHash();
    const bool passwordOk = verifyPassword(hash, password) && user.has_value();
    if (!passwordOk || !user->enabled) {
        m_throttle.recordFailure(client);
        qCInfo(lcAuth) << "failed login from" << client.toString();
        return out;
    }
    m_throttle.recordSuccess(client);
    const qint64 t = now();
    out.expiresAt = t + m_settings.tokenLifetimeSecs;
    out.token = TokenStore(m_db).issue(user->id, t, out.expiresAt);
    if (out.token.isEmpty()) {
        out.result = LoginOutcome::Result::Failed;
        return out;
    }
    if (m_userTouches->due(user->id, t))
        users.touch(user->id, t);
    out.user = *user;
    out.result = LoginOutcome::Result::LoggedIn;
    qCInfo(lcAuth).noquote() << "user" << user->name << "logged in from" << client.toString();
    return out;
}

bool Authenticator::logout(const QByteArray &token)
{
    return TokenStore(m_db).revoke(token);
}

std::optional<User> Authenticator::userForToken(const QByteArray &token)
{
    const qint64 t = now();
    const auto owner = TokenStore(m_db).find(token, t);
    if (!owner)
        return std::nullopt;
    auto user = activeUser(owner->userId);
    if (user && m_userTouches->due(user->id, t))
        UserRepository(m_db).touch(user->id, t);
    return user;
}

SignatureCheck Authenticator::checkSignature(const QString &path, const QString &exp, const QString &sig) const
{
    // The signer's key as of now: a URL signed before their key was renewed no longer verifies.
    const qint64 signer = UrlSigner::claimedSigner(sig);
    const QByteArray key = signer > 0 ? remembered(signer).signingKey : QByteArray();
    return m_signer.verify(path, exp, sig, key, now());
}

std::optional<User> Authenticator::activeUser(qint64 userId) const
{
    return remembered(userId).user;
}

Authenticator::CachedUser Authenticator::remembered(qint64 userId) const
{
    // A backstop for changes made outside this process's user repository (none today).
    constexpr qint64 kMaxAgeMs = 10000;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // Read before the table: a change committed meanwhile bumps it, so this read is not reused.
    // Every change that must end a user's access (a new password, disabling, deleting, a new
    // signing key) bumps it once committed, so it shows on the very next request.
    const quint64 generation = UserRepository::generation();
    {
        QMutexLocker lock(&m_usersMutex);
        const auto it = m_users.constFind(userId);
        if (it != m_users.cend() && it->generation == generation && nowMs - it->readAtMs < kMaxAgeMs)
            return *it;
    }
    const UserRepository users(m_db);
    CachedUser entry{generation, nowMs, users.find(userId), {}};
    if (entry.user && !entry.user->enabled)
        entry.user.reset();
    if (entry.user)   // a disabled or unknown user signs nothing valid
        entry.signingKey = users.signingKeyOf(userId);
    QMutexLocker lock(&m_usersMutex);
    if (m_users.size() > 10000)
        m_users.clear();
    m_users.insert(userId, entry);
    return entry;
}

SignedQuery Authenticator::sign(const QString &path, qint64 userId, qint64 expiresAt) const
{
    return m_signer.sign(path, userId, remembered(userId).signingKey, expiresAt);
}

QString Authenticator::signedUrl(const QString &path, qint64 userId, qint64 *expiresAt) const
{
    const qint64 expiry = now() + m_settings.signedUrlLifetimeSecs;
    if (expiresAt)
        *expiresAt = expiry;
    const SignedQuery q = sign(path, userId, expiry);
    QUrlQuery query;
    query.addQueryItem(u"exp"_s, q.exp);
    query.addQueryItem(u"sig"_s, q.sig);
    return path + u'?' + query.toString(QUrl::FullyEncoded);
}

QByteArray Authenticator::issueToken(qint64 userId, qint64 expiresAt)
{
    return TokenStore(m_db).issue(userId, now(), expiresAt);
}

} // namespace cairn
