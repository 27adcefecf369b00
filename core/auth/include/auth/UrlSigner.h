#pragma once
// Signed URLs for players that cannot send headers: an HMAC (libsodium crypto_auth,
// HMAC-SHA-512-256) over method-independent path + user + expiry with the server's secret.
// The query carries `exp` (seconds since the epoch) and `sig` ("<user id>.<mac>").

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

    SignedQuery sign(const QString &path, qint64 userId, qint64 expiresAt) const;
    // `path` is the decoded request path the signature must have been made for.
    SignatureCheck verify(const QString &path, const QString &exp, const QString &sig, qint64 now) const;

private:
    QByteArray mac(const QString &path, qint64 userId, qint64 expiresAt) const;

    QByteArray m_secret;
};

} // namespace cairn
