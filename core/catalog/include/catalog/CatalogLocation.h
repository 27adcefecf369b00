#pragma once
// Where the catalog lives: an SQLite file (the embedded default) or a PostgreSQL database, as
// the `catalog/url` setting names it. Parsed once at start; a bad URL is refused with a reason.

#include "base/Result.h"

#include <QString>

namespace cairn {

struct CatalogLocation
{
    enum class Engine { Sqlite, Postgres };

    Engine engine = Engine::Sqlite;
    QString sqlitePath;    // Sqlite: the file, created if missing

    // Postgres: the server and the database; an empty host is the client library's default
    // (a local socket), an empty user the login name.
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options;       // libpq connection options, "key=value;key=value" (QPSQL's form)

    static CatalogLocation sqlite(QString path) { return {Engine::Sqlite, std::move(path), {}, 5432, {}, {}, {}, {}}; }

    // `url` as the setting holds it: empty (SQLite at `defaultSqlitePath`), "sqlite:<path>", or
    // "postgresql://[user[:password]@][host][:port]/database[?key=value&…]" ("postgres://" too,
    // percent-encoding allowed in every part, "host" query key for a socket directory).
    static Result<CatalogLocation> parse(const QString &url, const QString &defaultSqlitePath);

    // For logs and messages: never shows the password.
    QString describe() const;
};

} // namespace cairn
