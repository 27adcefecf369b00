#include "auth/UrlSigner.h"

#include "auth/PasswordHash.h"

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

std::optional<qint64> positiveNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    const qint64 value = text.toLongLong();
    return value > 0 ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

QByteArray UrlSigner::mac(const QString &path, qint64 userId, const QByteArray &userKey, qint64 expiresAt) const
{
    static_assert(crypto_auth_KEYBYTES == 32);
    QByteArray key = m_secret.leftJustified(crypto_auth_KEYBYTES, '\0', true);
    // The fields of fixed form first and the path, which may hold anything, last: no two
    // different (user, expiry, key, path) give the same message.
    const QByteArray message = QByteArray::number(userId) + '\n' + QByteArray::number(expiresAt) + '\n'
        + userKey.toHex() + '\n' + path.toUtf8();
    QByteArray out(crypto_auth_BYTES, Qt::Uninitialized);
    if (!sodiumAvailable())
        return {};
    crypto_auth(reinterpret_cast<unsigned char *>(out.data()), reinterpret_cast<const unsigned char *>(message.constData()),
                quint64(message.size()), reinterpret_cast<const unsigned char *>(key.constData()));
    return out.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

SignedQuery UrlSigner::sign(const QString &path, qint64 userId, const QByteArray &userKey, qint64 expiresAt) const
{
    return {QString::number(expiresAt),
            QString::number(userId) + u'.' + QString::fromLatin1(mac(path, userId, userKey, expiresAt))};
}

qint64 UrlSigner::claimedSigner(const QString &sig)
{
    const qsizetype dot = sig.indexOf(u'.');
    return dot > 0 ? positiveNumber(sig.left(dot)).value_or(0) : 0;
}

SignatureCheck UrlSigner::verify(const QString &path, const QString &exp, const QString &sig, const QByteArray &userKey,
                                 qint64 now) const
{
    const auto expiresAt = positiveNumber(exp);
    const qint64 userId = claimedSigner(sig);
    if (!expiresAt || userId == 0 || m_secret.isEmpty() || userKey.isEmpty())
        return {};
    const QByteArray expected = mac(path, userId, userKey, *expiresAt);
    if (expected.isEmpty() || !constantTimeEquals(expected, sig.mid(sig.indexOf(u'.') + 1).toLatin1()))
        return {};
    if (*expiresAt <= now)
        return {SignatureCheck::Result::Expired, 0};
    return {SignatureCheck::Result::Valid, userId};
}

} // namespace cairn
