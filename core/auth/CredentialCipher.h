#pragma once
// Encrypts app-password secrets at rest and computes the hash an apiKey is looked up by. Two
// subkeys are derived from the credentials key (libsodium crypto_kdf), so the encryption key
// (crypto_secretbox) and the lookup key (keyed BLAKE2b) are never the same. Immutable; thread-safe.

#include <QByteArray>

#include <optional>

namespace cairn {

class CredentialCipher
{
public:
    struct Sealed
    {
        QByteArray nonce;
        QByteArray ciphertext;
    };

    // `credentialsKey`: at least 32 bytes (only the first 32 are used).
    explicit CredentialCipher(const QByteArray &credentialsKey);
    ~CredentialCipher();
    CredentialCipher(const CredentialCipher &) = delete;
    CredentialCipher &operator=(const CredentialCipher &) = delete;

    // False when the key was too short or libsodium is unusable: nothing can be sealed or found.
    bool isUsable() const { return m_usable; }

    // A random nonce and the authenticated ciphertext of `plain`.
    std::optional<Sealed> seal(const QByteArray &plain) const;
    // The plain text, or nullopt when the ciphertext was not made with this key or was altered.
    std::optional<QByteArray> open(const QByteArray &nonce, const QByteArray &ciphertext) const;
    // A keyed BLAKE2b-256 of `secret`: equal secrets, equal hashes; useless without the key.
    QByteArray lookupHash(const QByteArray &secret) const;

private:
    QByteArray m_encryptionKey;
    QByteArray m_lookupKey;
    bool m_usable = false;
};

} // namespace cairn
