#pragma once
// A server secret kept in a file of the data directory: random bytes generated at first run,
// stored base64url with owner-only permissions (QSaveFile, so a crash never leaves half a key).

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

// What to do with a file that exists but holds no usable secret.
enum class DamagedSecret {
    Replace,   // make a new one (losing it only ends what it signed, e.g. signed URLs)
    Refuse,    // fail: a new one would silently make what it encrypted unreadable
};

// The secret in `path` (at least `bytes` bytes), creating it if the file does not exist.
// Nullopt (and a log line saying why) when it can be neither read nor created.
std::optional<QByteArray> loadOrCreateSecretFile(const QString &path, int bytes, DamagedSecret damaged);

} // namespace cairn
