#pragma once
// The server's URL-signing secret: 32 random bytes generated at first run and kept in the data
// directory (owner-only permissions), or in a PostgreSQL catalog, which every node sharing it
// signs and checks with. There is no default secret.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

class Database;

// Reads `<dataDir>/signing.key`, creating it if missing. Nullopt (and a log line) on failure.
std::optional<QByteArray> loadOrCreateSigningSecret(const QString &dataDir);
// As above, but on PostgreSQL the catalog's `signing.key`: every node then signs alike.
std::optional<QByteArray> loadOrCreateSigningSecret(const Database &catalog, const QString &dataDir);

} // namespace cairn
