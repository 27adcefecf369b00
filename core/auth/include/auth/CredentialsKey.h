#pragma once
// The key that encrypts app passwords at rest: 32 random bytes generated at first run and kept
// in `<dataDir>/credentials.key` (owner-only permissions), apart from the catalog, so a copy of
// the catalog alone does not reveal them. Account passwords are never stored reversibly.

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

inline constexpr int kCredentialsKeyBytes = 32;

// Reads `<dataDir>/credentials.key`, creating it if missing. Nullopt (and a log line) when it
// cannot be created, or when it exists but is damaged: a new key would silently make every
// app password unusable, so the operator decides (restore it, or move it away).
std::optional<QByteArray> loadOrCreateCredentialsKey(const QString &dataDir);

} // namespace cairn
