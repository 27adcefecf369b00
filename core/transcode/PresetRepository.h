#pragma once
// Reads and writes transcoding presets in the catalog. Every write is validated first
// (PresetRules), so the table only ever holds presets FFmpeg can run. Thread-safe like the
// other repositories: each call uses the calling thread's own connection.

#include "transcode/Preset.h"

#include <QList>

#include <optional>
#include <variant>

namespace cairn {

class Database;

class PresetRepository
{
public:
    explicit PresetRepository(const Database &db) : m_db(db) {}

    QList<Preset> list() const;                                   // by name
    std::optional<Preset> find(qint64 id) const;
    std::optional<Preset> findByName(const QString &name) const;  // case-insensitive

    // Inserts (id 0) or updates; returns the stored preset or the validation / conflict message.
    std::variant<Preset, QString> save(const Preset &preset);
    bool remove(qint64 id);
    // A copy named "<name> (copy)" (or "(copy 2)"…).
    std::variant<Preset, QString> duplicate(qint64 id);

private:
    const Database &m_db;
};

} // namespace cairn
