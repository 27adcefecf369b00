#pragma once
// The catalog's connection settings plus per-thread QSqlDatabase connections.
// A QSqlDatabase may only be used from the thread that opened it: callers never hold one;
// they ask `connection()` each time and get the current thread's own, opened on first use
// and closed when that thread finishes.

#include <QSqlDatabase>
#include <QString>
#include <QThreadStorage>

#include <memory>
#include <optional>

namespace cairn {

class Database
{
public:
    // SQLite file path (created if missing). Migrations run once, on the first connection.
    explicit Database(QString sqlitePath);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the database and applies pending migrations. Returns an error text on failure
    // (also when the file's schema is newer than this build knows; the file is left untouched).
    std::optional<QString> open();

    // This thread's connection (opened on demand, WAL + foreign keys on).
    QSqlDatabase connection() const;

    QString path() const { return m_path; }
    int schemaVersion() const;

private:
    friend class WriteTransaction;
    struct ThreadConnection;
    struct Registry;

    ThreadConnection &threadConnection() const;
    int &transactionDepth() const;   // of this thread's connection, for WriteTransaction

    QString m_path;
    QString m_connectionPrefix;
    std::shared_ptr<Registry> m_registry;
    mutable QThreadStorage<ThreadConnection *> m_connections;
};

} // namespace cairn
