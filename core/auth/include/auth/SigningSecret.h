#pragma once
// The server's URL-signing secret: 32 random bytes generated at first run and kept in the data
// directory (owner-only permissions). There is no default secret.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

// Reads `<dataDir>/signing.key`, creating it if missing. Nullopt (and a log line) on failure.
std::optional<QByteArray> loadOrCreateSigningSecret(const QString &dataDir);

} // namespace cairn
