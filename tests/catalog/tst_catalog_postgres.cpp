// The catalog on PostgreSQL: the `catalog/url` a user writes, and the numbered migrations
// applied to a real server the test starts (Debian's postgresql binaries, a temp dir, a loopback
// port), triggers and case-insensitive names included. A server that is not there, or refuses
// the login, is a clear error that never shows the password.

#include "TestPostgres.h"

#include "catalog/CatalogLocation.h"
#include "catalog/Database.h"
#include "catalog/MigrationRunner.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QVariant scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return QVariant(q.lastError().text());
    return q.value(0);
}

bool exec(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (q.exec(sql))
        return true;
    qWarning().noquote() << sql << "failed:" << q.lastError().text();
    return false;
}

// A loopback port nobody listens on (bound, then released).
int closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    return probe.serverPort();
}

} // namespace

class TestCatalogPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void urlIsParsed_data();
    void urlIsParsed();
    void badUrlIsRefused_data();
    void badUrlIsRefused();

    void migrationsApply();
    void reopeningMigratesNothing();
    void triggersKeepDerivedTablesInStep();
    void namesAreUniqueWhateverTheCase();
    void identityNumbersRows();
    void newerSchemaIsRefusedUntouched();
    void absentServerIsAClearError();
    void refusedLoginNeverShowsThePassword();

private:
    // A new database on the server, migrated; nullptr (and a warning) when that fails.
    std::unique_ptr<Database> freshCatalog(const QString &name);

    std::unique_ptr<test::TestPostgres> m_server;
};

void TestCatalogPostgres::initTestCase()
{
    m_server = std::make_unique<test::TestPostgres>();
    if (!m_server->start())
        QFAIL(qPrintable(u"the test PostgreSQL server did not start: "_s + m_server->error()));
}

std::unique_ptr<Database> TestCatalogPostgres::freshCatalog(const QString &name)
{
    const QString url = m_server->createDatabase(name);
    if (url.isEmpty()) {
        qWarning().noquote() << m_server->error();
        return nullptr;
    }
    auto db = std::make_unique<Database>(*CatalogLocation::parse(url, {}));
    if (const auto error = db->open()) {
        qWarning().noquote() << *error;
        return nullptr;
    }
    return db;
}

void TestCatalogPostgres::urlIsParsed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("sqlitePath");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");

    QTest::newRow("empty: SQLite in the data dir")
        << u""_s << false << u"/data/catalog.sqlite"_s << u""_s << 5432 << u""_s << u""_s << u""_s << u""_s;
    QTest::newRow("blank") << u"  "_s << false << u"/data/catalog.sqlite"_s << u""_s << 5432 << u""_s << u""_s
                           << u""_s << u""_s;
    QTest::newRow("sqlite file") << u"sqlite:/srv/cairn.db"_s << false << u"/srv/cairn.db"_s << u""_s << 5432 << u""_s
                                 << u""_s << u""_s << u""_s;
    QTest::newRow("sqlite URL") << u"sqlite:///srv/cairn.db"_s << false << u"/srv/cairn.db"_s << u""_s << 5432
                                << u""_s << u""_s << u""_s << u""_s;
    QTest::newRow("full") << u"postgresql://cairn:s3cret@db.lan:5433/media"_s << true << u""_s << u"db.lan"_s << 5433
                          << u"cairn"_s << u"s3cret"_s << u"media"_s << u""_s;
    QTest::newRow("postgres scheme, default port")
        << u"postgres://cairn@127.0.0.1/media"_s << true << u""_s << u"127.0.0.1"_s << 5432 << u"cairn"_s << u""_s
        << u"media"_s << u""_s;
    QTest::newRow("percent-encoded password")
        << u"postgresql://cairn:p%40ss%2Fw%3Ard@db/media"_s << true << u""_s << u"db"_s << 5432 << u"cairn"_s
        << u"p@ss/w:rd"_s << u"media"_s << u""_s;
    QTest::newRow("socket directory") << u"postgresql:///media?host=/run/postgresql"_s << true << u""_s
                                      << u"/run/postgresql"_s << 5432 << u""_s << u""_s << u"media"_s << u""_s;
    QTest::newRow("options") << u"postgresql://db/media?sslmode=require&connect_timeout=5"_s << true << u""_s
                             << u"db"_s << 5432 << u""_s << u""_s << u"media"_s
                             << u"sslmode=require;connect_timeout=5"_s;
}

void TestCatalogPostgres::urlIsParsed()
{
    QFETCH(QString, url);
    const auto parsed = CatalogLocation::parse(url, u"/data/catalog.sqlite"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QFETCH(bool, postgres);
    QCOMPARE(parsed->engine == CatalogLocation::Engine::Postgres, postgres);
    QTEST(parsed->sqlitePath, "sqlitePath");
    QTEST(parsed->host, "host");
    QTEST(parsed->port, "port");
    QTEST(parsed->user, "user");
    QTEST(parsed->password, "password");
    QTEST(parsed->database, "database");
    QTEST(parsed->options, "options");
    QVERIFY(parsed->password.isEmpty() || !parsed->describe().contains(parsed->password));
}

void TestCatalogPostgres::badUrlIsRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown scheme") << u"mysql://db/media"_s << u"unknown scheme"_s;
    QTest::newRow("no database") << u"postgresql://db"_s << u"database name is missing"_s;
    QTest::newRow("database with a slash") << u"postgresql://db/a/b"_s << u"database name is missing"_s;
    QTest::newRow("port out of range") << u"postgresql://db:70000/media"_s << u"port"_s;
    QTest::newRow("port not a number") << u"postgresql://db/media?port=x"_s << u"port"_s;
    QTest::newRow("unknown option") << u"postgresql://db/media?sslmod=require"_s << u"unknown option 'sslmod'"_s;
    QTest::newRow("option with a separator") << u"postgresql://db/media?application_name=a;b"_s << u"';'"_s;
    QTest::newRow("sqlite without a file") << u"sqlite:"_s << u"file name is missing"_s;
    QTest::newRow("not a URL") << u"postgresql://db:port/media"_s << u"not a valid URL"_s;
}

void TestCatalogPostgres::badUrlIsRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const auto parsed = CatalogLocation::parse(url, u"/data/catalog.sqlite"_s);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, DomainError::Kind::InvalidInput);
    QVERIFY2(parsed.error().message.startsWith(u"catalog/url: "_s), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
}

void TestCatalogPostgres::migrationsApply()
{
    const auto location = CatalogLocation::parse(m_server->url(), {});
    QVERIFY(location.ok());
    Database db(*location);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(db.isPostgres());
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM presets"_s).toInt(), 6);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM video_presets"_s).toInt(), 5);
    // SQLite's INTEGER holds 64 bits: so do the columns here.
    QCOMPARE(scalar(db, u"SELECT data_type FROM information_schema.columns "
                        "WHERE table_name = 'tracks' AND column_name = 'size'"_s).toString(), u"bigint"_s);
    QCOMPARE(scalar(db, u"SELECT data_type FROM information_schema.columns "
                        "WHERE table_name = 'auth_tokens' AND column_name = 'token_hash'"_s).toString(), u"bytea"_s);
}

void TestCatalogPostgres::reopeningMigratesNothing()
{
    const auto location = CatalogLocation::parse(m_server->url(), {});
    QVERIFY(location.ok());
    {
        Database first(*location);
        QVERIFY(!first.open());
        QVERIFY(exec(first, u"INSERT INTO folders (path) VALUES ('/kept')"_s));
    }
    Database again(*location);
    const auto error = again.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(again.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(again, u"SELECT COUNT(*) FROM folders WHERE path = '/kept'"_s).toInt(), 1);
    QCOMPARE(scalar(again, u"SELECT COUNT(*) FROM schema_version"_s).toInt(), 1);
}

void TestCatalogPostgres::triggersKeepDerivedTablesInStep()
{
    const auto catalog = freshCatalog(u"triggers"_s);
    QVERIFY(catalog);
    const Database &db = *catalog;
    QVERIFY(exec(db, u"INSERT INTO folders (id, path) VALUES (1, '/music')"_s));
    QVERIFY(exec(db, u"INSERT INTO artists (id, name, name_key) VALUES (1, 'Sigur Rós', 'sigur ros')"_s));
    QVERIFY(exec(db, u"INSERT INTO albums (id, title, title_key, artist_id) VALUES (1, 'Takk', 'takk', 1)"_s));
    // The album's artist key is set by a trigger (012).
    QCOMPARE(scalar(db, u"SELECT artist_key FROM albums WHERE id = 1"_s).toString(), u"sigur ros"_s);
    QVERIFY(exec(db, u"INSERT INTO users (id, name, password_hash) VALUES (1, 'ann', 'x')"_s));
    for (int i = 1; i <= 2; ++i) {
        QVERIFY(exec(db, u"INSERT INTO tracks (id, folder_id, path, duration_ms, year, added_at, album_id, artist_id, "
                          "genre, search) VALUES (%1, 1, '/music/%1.mp3', 1000, 200%1, %1, 1, 1, 'Post-rock', 'takk %1')"_s
                             .arg(i)));
    }
    // The album's per-folder figures (012), summed by the insert triggers.
    QCOMPARE(scalar(db, u"SELECT track_count FROM album_folder_genres WHERE album_id = 1"_s).toInt(), 2);
    QCOMPARE(scalar(db, u"SELECT duration_ms FROM album_folder_genres WHERE album_id = 1"_s).toInt(), 2000);
    QCOMPARE(scalar(db, u"SELECT year FROM album_folder_genres WHERE album_id = 1"_s).toInt(), 2002);
    QCOMPARE(scalar(db, u"SELECT track_count FROM artist_folders WHERE artist_id = 1"_s).toInt(), 2);
    // An update that moves a track to another genre recounts both (012's update trigger).
    QVERIFY(exec(db, u"UPDATE tracks SET genre = 'Ambient' WHERE id = 2"_s));
    QCOMPARE(scalar(db, u"SELECT track_count FROM album_folder_genres WHERE genre = 'Post-rock'"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"SELECT track_count FROM album_folder_genres WHERE genre = 'Ambient'"_s).toInt(), 1);
    // A removed track takes its favourite along (009) and leaves the counts right.
    QVERIFY(exec(db, u"INSERT INTO favourites (user_id, kind, item_id, starred_at) VALUES (1, 0, 2, 1)"_s));
    QVERIFY(exec(db, u"DELETE FROM tracks WHERE id = 2"_s));
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM favourites"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM album_folder_genres WHERE genre = 'Ambient'"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT track_count FROM artist_folders WHERE artist_id = 1"_s).toInt(), 1);
    // A renamed artist renames the albums' key (012).
    QVERIFY(exec(db, u"UPDATE artists SET name_key = 'sigur ros band' WHERE id = 1"_s));
    QCOMPARE(scalar(db, u"SELECT artist_key FROM albums WHERE id = 1"_s).toString(), u"sigur ros band"_s);
}

void TestCatalogPostgres::namesAreUniqueWhateverTheCase()
{
    const auto catalog = freshCatalog(u"names"_s);
    QVERIFY(catalog);
    const Database &db = *catalog;
    QVERIFY(exec(db, u"INSERT INTO users (name, password_hash) VALUES ('Ann', 'x')"_s));
    QSqlQuery q(db.connection());
    QVERIFY(!q.exec(u"INSERT INTO users (name, password_hash) VALUES ('ANN', 'y')"_s));
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM users WHERE name = 'ann'"_s).toInt(), 1);
    QVERIFY(!q.exec(u"INSERT INTO presets (name, format) VALUES ('mp3 320', 'mp3')"_s));
}

void TestCatalogPostgres::identityNumbersRows()
{
    const auto catalog = freshCatalog(u"identity"_s);
    QVERIFY(catalog);
    const Database &db = *catalog;
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"INSERT INTO folders (path) VALUES ('/a') RETURNING id"_s) && q.next());
    const qint64 first = q.value(0).toLongLong();
    QVERIFY(q.exec(u"INSERT INTO folders (path) VALUES ('/b') RETURNING id"_s) && q.next());
    QCOMPARE(q.value(0).toLongLong(), first + 1);
    // A key past 32 bits (SQLite's rowids are 64-bit).
    QVERIFY(exec(db, u"INSERT INTO tracks (folder_id, path, size) VALUES (%1, '/a/x', 5000000000)"_s.arg(first)));
    QCOMPARE(scalar(db, u"SELECT size FROM tracks"_s).toLongLong(), 5000000000LL);
}

void TestCatalogPostgres::newerSchemaIsRefusedUntouched()
{
    const QString url = m_server->createDatabase(u"newer"_s);
    QVERIFY2(!url.isEmpty(), qPrintable(m_server->error()));
    const auto location = *CatalogLocation::parse(url, {});
    const int future = MigrationRunner::latestVersion() + 1;
    {
        Database db(location);
        QVERIFY(!db.open());
        QVERIFY(exec(db, u"UPDATE schema_version SET version = %1"_s.arg(future)));
    }
    Database db(location);
    const auto error = db.open();
    QVERIFY(error);
    QVERIFY2(error->contains(u"newer than this version of Cairn"_s), qPrintable(*error));
    QCOMPARE(db.schemaVersion(), future);
}

void TestCatalogPostgres::absentServerIsAClearError()
{
    const QString url = u"postgresql://cairn:hunter2@127.0.0.1:%1/cairn?connect_timeout=5"_s.arg(closedPort());
    Database db(*CatalogLocation::parse(url, {}));
    QElapsedTimer clock;
    clock.start();
    const auto error = db.open();
    QVERIFY(error);
    QVERIFY2(clock.elapsed() < 10000, "a server that is not there is reported at once, not waited for");
    QVERIFY2(error->startsWith(u"Cannot open the catalog postgresql://cairn@127.0.0.1:"_s), qPrintable(*error));
    QVERIFY2(!error->contains(u"hunter2"_s), qPrintable(*error));
}

void TestCatalogPostgres::refusedLoginNeverShowsThePassword()
{
    // The server trusts every local login; a database that does not exist is refused instead.
    QString url = m_server->url();
    url.chop(url.size() - url.lastIndexOf(u'/') - 1);
    url = url.replace(u"://cairn@"_s, u"://cairn:hunter2@"_s) + u"nowhere"_s;
    Database db(*CatalogLocation::parse(url, {}));
    const auto error = db.open();
    QVERIFY(error);
    QVERIFY2(error->contains(u"nowhere"_s), qPrintable(*error));
    QVERIFY2(!error->contains(u"hunter2"_s), qPrintable(*error));
}

QTEST_GUILESS_MAIN(TestCatalogPostgres)
#include "tst_catalog_postgres.moc"
