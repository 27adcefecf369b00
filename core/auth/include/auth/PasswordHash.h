#pragma once
// Password hashing with libsodium's Argon2id (salted, memory-hard) and constant-time checks.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

// Initialises libsodium once; false when the library cannot be used (then nothing can log in).
bool sodiumAvailable();

// An encoded Argon2id hash ("$argon2id$…", salt included), or nullopt if hashing failed.
std::optional<QByteArray> hashPassword(const QString &password);
// True when `password` matches `encodedHash`. Always does the full work, even for an empty
// or malformed hash, so callers can use it to make unknown names as slow as wrong passwords.
bool verifyPassword(const QByteArray &encodedHash, const QString &password);
// A valid hash of a random password, computed once: verified against when a name is unknown.
QByteArray decoyHash();

// `bytes` random bytes from the OS generator, base64url without padding.
QByteArray randomToken(int bytes);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace cairn
