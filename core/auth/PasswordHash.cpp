#include "auth/PasswordHash.h"

#include "AuthLog.h"

#include <QRandomGenerator>

#include <sodium.h>

#include <mutex>

namespace cairn {

bool sodiumAvailable()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::optional<QByteArray> hashPassword(const QString &password)
{
    if (!sodiumAvailable())
        return std::nullopt;
    const QByteArray clear = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, clear.constData(), quint64(clear.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        qCWarning(lcAuth) << "password hashing failed (out of memory?)";
        return std::nullopt;
    }
    return QByteArray(out);
}

bool verifyPassword(const QByteArray &encodedHash, const QString &password)
{
    if (!sodiumAvailable())
        return false;
    const QByteArray clear = password.toUtf8();
    const QByteArray hash = encodedHash.startsWith("$argon2") ? encodedHash : decoyHash();
    const bool ok = crypto_pwhash_str_verify(hash.constData(), clear.constData(), quint64(clear.size())) == 0;
    return ok && hash == encodedHash;
}

QByteArray decoyHash()
{
    static std::once_flag once;
    static QByteArray hash;
    std::call_once(once, [] { hash = hashPassword(QString::fromLatin1(randomToken(24))).value_or(QByteArray()); });
    return hash;
}

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    if (sodiumAvailable()) {
        randombytes_buf(raw.data(), size_t(raw.size()));
    } else {
        for (char &c : raw)
            c = char(QRandomGenerator::system()->bounded(256));
    }
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace cairn
