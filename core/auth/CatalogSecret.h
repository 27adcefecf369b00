#pragma once
// A server secret kept in the catalog (table shared_secrets), for the nodes that share a
// PostgreSQL catalog: whichever node comes first makes it, every node then reads the same one.

#include "SecretFile.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cairn {

class Database;

// The secret called `name` (at least `bytes` bytes), created if the catalog has none. Nullopt
// (and a log line saying why) when the catalog cannot be read or written, or holds a damaged
// one that `damaged` says not to replace.
std::optional<QByteArray> loadOrCreateCatalogSecret(const Database &db, const QString &name, int bytes,
                                                    DamagedSecret damaged);

} // namespace cairn
