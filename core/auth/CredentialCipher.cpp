#include "CredentialCipher.h"

#include "auth/PasswordHash.h"

#include <sodium.h>

namespace cairn {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "cairnapw";
constexpr quint64 kEncryptionSubkey = 1;
constexpr quint64 kLookupSubkey = 2;

const unsigned char *bytes(const QByteArray &a) { return reinterpret_cast<const unsigned char *>(a.constData()); }
unsigned char *bytes(QByteArray &a) { return reinterpret_cast<unsigned char *>(a.data()); }

} // namespace

CredentialCipher::CredentialCipher(const QByteArray &credentialsKey)
{
    static_assert(crypto_kdf_KEYBYTES == 32 && crypto_secretbox_KEYBYTES == 32);
    if (credentialsKey.size() < int(crypto_kdf_KEYBYTES) || !sodiumAvailable())
        return;
    m_encryptionKey = QByteArray(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    m_lookupKey = QByteArray(crypto_generichash_KEYBYTES, Qt::Uninitialized);
    m_usable = crypto_kdf_derive_from_key(bytes(m_encryptionKey), size_t(m_encryptionKey.size()), kEncryptionSubkey,
                                          kKdfContext, bytes(credentialsKey)) == 0
        && crypto_kdf_derive_from_key(bytes(m_lookupKey), size_t(m_lookupKey.size()), kLookupSubkey, kKdfContext,
                                      bytes(credentialsKey)) == 0;
}

CredentialCipher::~CredentialCipher()
{
    sodium_memzero(m_encryptionKey.data(), size_t(m_encryptionKey.size()));
    sodium_memzero(m_lookupKey.data(), size_t(m_lookupKey.size()));
}

std::optional<CredentialCipher::Sealed> CredentialCipher::seal(const QByteArray &plain) const
{
    if (!m_usable)
        return std::nullopt;
    Sealed out{QByteArray(crypto_secretbox_NONCEBYTES, Qt::Uninitialized),
               QByteArray(qsizetype(crypto_secretbox_MACBYTES) + plain.size(), Qt::Uninitialized)};
    randombytes_buf(out.nonce.data(), size_t(out.nonce.size()));
    if (crypto_secretbox_easy(bytes(out.ciphertext), bytes(plain), quint64(plain.size()), bytes(out.nonce),
                              bytes(m_encryptionKey)) != 0)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> CredentialCipher::open(const QByteArray &nonce, const QByteArray &ciphertext) const
{
    if (!m_usable || nonce.size() != qsizetype(crypto_secretbox_NONCEBYTES)
        || ciphertext.size() < qsizetype(crypto_secretbox_MACBYTES))
        return std::nullopt;
    QByteArray plain(ciphertext.size() - qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    if (crypto_secretbox_open_easy(bytes(plain), bytes(ciphertext), quint64(ciphertext.size()), bytes(nonce),
                                   bytes(m_encryptionKey)) != 0)
        return std::nullopt;
    return plain;
}

QByteArray CredentialCipher::lookupHash(const QByteArray &secret) const
{
    if (!m_usable)
        return {};
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(bytes(out), size_t(out.size()), bytes(secret), quint64(secret.size()), bytes(m_lookupKey),
                       size_t(m_lookupKey.size()));
    return out;
}

} // namespace cairn
