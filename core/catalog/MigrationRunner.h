#pragma once
// Brings a catalog's schema up to date with the numbered migrations in :/sql
// (NNN_name.sql, compiled in), each in its own transaction, recording the version reached.

#include <QString>

#include <optional>

namespace cairn {

class Database;

class MigrationRunner
{
public:
    explicit MigrationRunner(const Database &db) : m_db(db) {}

    // Applies every pending migration. Returns an error text on failure; a schema newer
    // than this build is an error and is never modified.
    std::optional<QString> run();

    static int latestVersion();

private:
    std::optional<QString> apply(int version, QString resource);

    const Database &m_db;
};

} // namespace cairn
