#include "MigrationRunner.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "CreditBackfill.h"
#include "PostgresDialect.h"
#include "SearchBackfill.h"
#include "UserNameBackfill.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// version -> resource path in `dir`.
QMap<int, QString> migrationFilesIn(const QString &dir)
{
    static const QRegularExpression pattern(u"^(\\d+)_.+\\.sql$"_s);
    QMap<int, QString> files;
    const QStringList names = QDir(dir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const auto match = pattern.match(name);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), dir + u'/' + name);
    }
    return files;
}

// version -> resource path, from the files compiled into :/sql.
QMap<int, QString> migrationFiles()
{
    return migrationFilesIn(u":/sql"_s);
}

// PostgreSQL's own text of a migration, where SQLite's cannot be turned into it statement by
// statement (PostgresDialect).
const QString kPostgresDir = u":/sql/postgresql"_s;

// QSQLITE runs one statement per exec(): split the script at lines ending in ';'. A trigger's
// body holds statements of its own, so a CREATE TRIGGER ends only at its line "END;", and a
// PostgreSQL function's body, quoted between two "$$", at the line that closes the quote.
QStringList statements(const QString &script)
{
    bool inDollarQuote = false;
    QStringList result;
    QString current;
    const auto finish = [&] {
        QString sql = current.trimmed();
        if (sql.endsWith(u';'))
            sql.chop(1);
        if (!sql.isEmpty())
            result << sql;
        current.clear();
    };
    const QStringList lines = script.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"--"_s))
            continue;
        current += line + u'\n';
        if (line.count(u"$$"_s) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        if (!trimmed.endsWith(u';') || inDollarQuote)
            continue;
        const bool inTrigger = current.trimmed().startsWith(u"CREATE TRIGGER"_s, Qt::CaseInsensitive);
        if (!inTrigger || trimmed.compare(u"END;"_s, Qt::CaseInsensitive) == 0)
            finish();
    }
    finish();
    return result;
}

// "ALTER TABLE t ADD COLUMN c …" where t already has c. SQLite has no ADD COLUMN IF NOT EXISTS:
// this lets a migration run again over its own work (a catalog whose recorded version was set
// back, as tests do to replay an upgrade) when its other statements are written to allow it.
bool addsExistingColumn(QSqlDatabase &db, const QString &sql)
{
    static const QRegularExpression pattern(u"^ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+(?:COLUMN\\s+)?(\\w+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(sql);
    if (!match.hasMatch())
        return false;
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM pragma_table_info(?) WHERE name = ? COLLATE NOCASE"_s);
    q.addBindValue(match.captured(1));
    q.addBindValue(match.captured(2));
    return q.exec() && q.next();
}

// Steps a migration needs beyond SQL (e.g. Unicode case folding, which SQLite lacks). They
// convert rows older versions wrote; PostgreSQL catalogs begin at a schema that needs none.
bool afterMigration(int version, QSqlDatabase &db, QString *error)
{
    if (db.driverName() == u"QPSQL"_s)
        return true;
    if (version == 2)
        return backfillCredits(db, error);
    if (version == 13)
        return normalizeUserNames(db, error);
    if (version == 15)
        return respaceSearchDocuments(db, error);
    return true;
}

} // namespace

int MigrationRunner::latestVersion()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

std::optional<QString> MigrationRunner::run()
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return u"Cannot create the schema version table: %1"_s.arg(q.lastError().text());
    if (m_db.isPostgres()) {
        for (const QString &sql : postgres::preamble()) {
            if (!q.exec(sql))
                return u"Cannot prepare the PostgreSQL catalog: %1 (%2)"_s.arg(q.lastError().text(), sql);
        }
    }
    const int current = m_db.schemaVersion();
    const auto files = migrationFiles();
    if (files.isEmpty())
        return u"No catalog migrations compiled in"_s;
    const int latest = files.lastKey();
    if (current > latest) {
        return u"The catalog %1 has schema version %2, newer than this version of Cairn "
               "supports (%3). Use a newer Cairn or another catalog file."_s
            .arg(m_db.path()).arg(current).arg(latest);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() <= current)
            continue;
        if (auto error = apply(it.key(), it.value()))
            return error;
        qCInfo(lcCatalog) << "catalog migrated to schema version" << it.key();
    }
    return std::nullopt;
}

std::optional<QString> MigrationRunner::apply(int version, QString resource)
{
    // SQLite's text is turned into PostgreSQL's statement by statement, unless a file of
    // PostgreSQL's own replaces it.
    bool translate = false;
    if (m_db.isPostgres()) {
        const QString own = migrationFilesIn(kPostgresDir).value(version);
        translate = own.isEmpty();
        if (!own.isEmpty())
            resource = own;
    }
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return u"Cannot read migration %1"_s.arg(resource);
    const QString script = QString::fromUtf8(file.readAll());

    QSqlDatabase db = m_db.connection();
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return u"Cannot start migration %1: %2"_s.arg(version).arg(db.lastError().text());
    QSqlQuery q(db);
    QStringList sqls;
    for (const QString &sql : statements(script))
        sqls << (translate ? postgres::fromSqlite(sql) : QStringList{sql});
    for (const QString &sql : std::as_const(sqls)) {
        if (!m_db.isPostgres() && addsExistingColumn(db, sql))
            continue;
        if (!q.exec(sql))
            return u"Migration %1 failed: %2 (%3)"_s.arg(version).arg(q.lastError().text(), sql);
    }
    QString error;
    if (!afterMigration(version, db, &error))
        return u"Migration %1 failed: %2"_s.arg(version).arg(error);
    q.prepare(u"DELETE FROM schema_version"_s);
    q.exec();
    q.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
    q.addBindValue(version);
    if (!q.exec() || !tx.commit())
        return u"Cannot record schema version %1: %2"_s.arg(version).arg(db.lastError().text());
    return std::nullopt;
}

} // namespace cairn
