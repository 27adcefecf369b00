#pragma once
// Signed URLs for players that cannot send headers: an HMAC (libsodium crypto_auth,
// HMAC-SHA-512-256) with the server's secret over the signer's id, the expiry, the signer's
// per-user signing key and the method-independent path. The query carries `exp` (seconds since
// the epoch) and `sig` ("<user id>.<mac>"). The per-user key lives in the catalog
// (users.signing_key); replacing it voids every URL that user signed before, and no one else's.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

struct SignedQuery
{
    QString exp;
    QString sig;
};

struct SignatureCheck
{
    enum class Result { Valid, Expired, Invalid };
    Result result = Result::Invalid;
    qint64 userId = 0;   // when Valid
};

class UrlSigner
{
public:
    explicit UrlSigner(QByteArray secret) : m_secret(std::move(secret)) {}

    SignedQuery sign(const QString &path, qint64 userId, const QByteArray &userKey, qint64 expiresAt) const;
    // The user a `sig` claims to be from, so that their key can be looked up; 0 when malformed.
    static qint64 claimedSigner(const QString &sig);
    // `path` is the decoded request path the signature must have been made for, `userKey` the
    // claimed signer's current key (empty: no such user, never valid).
    SignatureCheck verify(const QString &path, const QString &exp, const QString &sig, const QByteArray &userKey,
                          qint64 now) const;

private:
    QByteArray mac(const QString &path, qint64 userId, const QByteArray &userKey, qint64 expiresAt) const;

    QByteArray m_secret;
};

} // namespace cairn
