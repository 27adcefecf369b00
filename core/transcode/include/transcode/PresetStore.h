#pragma once
// One repository shape for every kind of preset (audio, video): list, find, save, duplicate and
// remove written once over the table PresetKind<Value> describes. Every write is validated first
// by the kind's rules, so a table only ever holds presets FFmpeg can run. Thread-safe like the
// other repositories: each call uses the calling thread's own connection.

#include "base/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace cairn {

class Database;

// What the store knows of one kind: its table and columns, how a row becomes a value and back,
// its order, its rules and its noun in messages. Specialised next to each kind's repository.
template<typename Value>
struct PresetKind;

template<typename Value>
class PresetStore
{
public:
    explicit PresetStore(const Database &db) : m_db(db) {}

    QList<Value> list() const;                                   // in the kind's order
    std::optional<Value> find(qint64 id) const;
    std::optional<Value> findByName(const QString &name) const;  // case-insensitive

    // Inserts (id 0) or updates; returns the stored preset (name trimmed). InvalidInput when a
    // rule is broken, Conflict when another preset has the name, NotFound for an unknown id.
    Result<Value> save(const Value &preset);
    // NotFound when there is no such preset.
    Outcome remove(qint64 id);
    // A copy named "<name> (copy)" (or "(copy 2)"…); NotFound for an unknown id.
    Result<Value> duplicate(qint64 id);

private:
    const Database &m_db;
};

} // namespace cairn
