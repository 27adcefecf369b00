#pragma once
// Reads and writes video (HLS) presets in the catalog. Every write is validated first
// (VideoPresetRules), so the table only ever holds profiles FFmpeg can encode. Thread-safe like
// the other repositories: each call uses the calling thread's own connection.

#include "transcode/VideoPreset.h"

#include <QList>

#include <optional>
#include <variant>

namespace cairn {

class Database;

class VideoPresetRepository
{
public:
    explicit VideoPresetRepository(const Database &db) : m_db(db) {}

    QList<VideoPreset> list() const;                                   // by height, then width
    std::optional<VideoPreset> find(qint64 id) const;
    std::optional<VideoPreset> findByName(const QString &name) const;  // case-insensitive

    // Inserts (id 0) or updates; returns the stored preset or the validation / conflict message.
    std::variant<VideoPreset, QString> save(const VideoPreset &preset);
    bool remove(qint64 id);
    // A copy named "<name> (copy)" (or "(copy 2)"…).
    std::variant<VideoPreset, QString> duplicate(qint64 id);

private:
    const Database &m_db;
};

} // namespace cairn
