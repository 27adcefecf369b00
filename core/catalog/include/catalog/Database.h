#pragma once
// The catalog's connection settings plus per-thread QSqlDatabase connections.
// A QSqlDatabase may only be used from the thread that opened it: callers never hold one;
// they ask `connection()` each time and get the current thread's own, opened on first use
// and closed when that thread finishes. Each connection also keeps the statements run through
// PreparedQuery. Writes nobody waits for (history rows) may be handed to `defer()`.

#include "catalog/CatalogLocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThreadStorage>

#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class WriteTurn;

class Database
{
public:
    // SQLite file path (created if missing). Migrations run once, on the first connection.
    explicit Database(QString sqlitePath);
    explicit Database(CatalogLocation location);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the database, checks it (SQLite's quick_check) and applies pending migrations.
    // Returns an error text on failure: a damaged file, or a schema newer than this build knows
    // (the file is left untouched).
    std::optional<QString> open();

    // This thread's connection (opened on demand, WAL + foreign keys on).
    QSqlDatabase connection() const;

    // The SQLite file, or the PostgreSQL database's URL without its password: for messages.
    QString path() const { return m_location.describe(); }
    const CatalogLocation &location() const { return m_location; }
    bool isPostgres() const { return m_location.engine == CatalogLocation::Engine::Postgres; }
    int schemaVersion() const;

    // Runs `write` later on this database's writer thread (started on first use), in the order
    // handed over; the writes waiting when the thread wakes run in one transaction. False, and
    // `write` dropped, when kMaxDeferredWrites are already waiting (the disk stalls). Writes
    // still waiting when the Database is destroyed run first.
    bool defer(std::function<void()> write) const;
    // Returns once every write deferred before the call has run: what a reader of their rows
    // calls first. Returns at once on the writer thread itself, and inside a write transaction
    // (which holds the lock the writer needs).
    void waitForDeferred() const;
    static constexpr int kMaxDeferredWrites = 100000;
    // How long a writer waits for the write lock before its write fails.
    static constexpr int kBusyTimeoutMs = 10000;

private:
    friend class WriteTransaction;
    friend class PreparedQuery;
    struct ThreadConnection;
    struct Registry;
    struct Writer;
    struct CachedStatement
    {
        QSqlQuery query;
        bool busy = false;   // handed out to a PreparedQuery now
    };

    // What SQLite's check found wrong, or nullopt when the file is sound.
    static std::optional<QString> checkIntegrity(QSqlDatabase &db);
    ThreadConnection &threadConnection() const;
    int &transactionDepth() const;   // of this thread's connection, for WriteTransaction
    WriteTurn &writeTurn() const { return *m_writeTurn; }   // for WriteTransaction
    // This thread's prepared statement for `sql`, marked busy; nullptr when it is busy already
    // or cannot be prepared (PreparedQuery then prepares one of its own).
    CachedStatement *cachedStatement(const QString &sql) const;
    void runWriter() const;

    CatalogLocation m_location;
    QString m_connectionPrefix;
    std::shared_ptr<Registry> m_registry;
    mutable QThreadStorage<ThreadConnection *> m_connections;
    std::unique_ptr<Writer> m_writer;
    std::unique_ptr<WriteTurn> m_writeTurn;
};

} // namespace cairn
