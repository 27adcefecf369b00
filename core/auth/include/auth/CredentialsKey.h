#pragma once
// The key that encrypts app passwords at rest: 32 random bytes generated at first run and kept
// in `<dataDir>/credentials.key` (owner-only permissions), apart from the catalog, so a copy of
// the catalog alone does not reveal them. Account passwords are never stored reversibly.
// Nodes sharing a PostgreSQL catalog must all hold the same key: it is kept in that catalog
// instead, whose access control (and its dumps') then guards it.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

class Database;

inline constexpr int kCredentialsKeyBytes = 32;

// Reads `<dataDir>/credentials.key`, creating it if missing. Nullopt (and a log line) when it
// cannot be created, or when it exists but is damaged: a new key would silently make every
// app password unusable, so the operator decides (restore it, or move it away).
std::optional<QByteArray> loadOrCreateCredentialsKey(const QString &dataDir);
// As above, but on PostgreSQL the catalog's `credentials.key`: every node then reads every app
// password.
std::optional<QByteArray> loadOrCreateCredentialsKey(const Database &catalog, const QString &dataDir);

} // namespace cairn
