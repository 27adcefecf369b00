// Schema upgrades keep the rows already there; a schema newer than the app is refused untouched.

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/MigrationRunner.h"
#include "catalog/TrackRepository.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

// Runs `script` statement by statement (QSQLITE executes one per call).
bool runScript(QSqlDatabase &db, const QString &script, QString *error)
{
    QSqlQuery q(db);
    const QStringList parts = script.split(u";\n"_s);
    for (QString sql : parts) {
        QStringList lines = sql.split(u'\n');
        lines.removeIf([](const QString &line) { return line.trimmed().startsWith(u"--"_s); });
        sql = lines.join(u'\n').trimmed();
        if (sql.endsWith(u';'))
            sql.chop(1);
        if (!sql.isEmpty() && !q.exec(sql)) {
            *error = q.lastError().text() + u": "_s + sql;
            return false;
        }
    }
    return true;
}

// A catalog file as version 1 of the schema left it, with a few rows.
QString makeVersion1Catalog(const QString &path)
{
    const QString name = u"v1-writer"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QFile file(u":/sql/001_initial.sql"_s);
        if (!file.open(QIODevice::ReadOnly))
            return u"migration 1 not compiled in"_s;
        const QString rows = uR"(
INSERT INTO folders (id, path) VALUES (1, '/music');
INSERT INTO tracks (id, folder_id, path, size, mtime, format, duration_ms, title, artist, album)
    VALUES (10, 1, '/music/x/y/1.mp3', 111, 1700000000, 'mp3', 5000, 'Chanson', 'ÉMILE', 'Premier');
INSERT INTO tracks (id, folder_id, path, size, mtime, format, duration_ms)
    VALUES (11, 1, '/music/Folder Artist/Folder Album/2.flac', 222, 1700000001, 'flac', 6000);
INSERT INTO scan_errors (path, reason, at) VALUES ('/music/bad.mp3', 'broken', 0);
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
)"_s;
        runScript(db, QString::fromUtf8(file.readAll()), &error) && runScript(db, rows, &error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshCatalogHasLatestSchema();
    void version1UpgradesKeepingRows();
    void reopeningIsANoOp();
    void browseFiguresMigrationRunsAgain();
    void userSigningKeysAndNfcNames();
    void searchIndexFilledFromVersion14();
    void newerSchemaIsRefusedUntouched();
    void unopenablePathGivesError();
};

void TestMigrations::freshCatalogHasLatestSchema()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"new.sqlite"_s));
    QCOMPARE(db.schemaVersion(), 0);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(MigrationRunner::latestVersion() >= 2);
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM schema_version"_s), 1);
}

void TestMigrations::version1UpgradesKeepingRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    const QString made = makeVersion1Catalog(path);
    QVERIFY2(made.isEmpty(), qPrintable(made));

    Database db(path);
    QCOMPARE(db.schemaVersion(), 1);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());

    TrackRepository tracks(db);
    QCOMPARE(tracks.count(), 2);
    const auto tagged = tracks.find(10);
    QVERIFY(tagged);
    QCOMPARE(tagged->title, u"Chanson"_s);
    QCOMPARE(tagged->size, 111);
    QCOMPARE(tagged->durationMs, 5000);
    QCOMPARE(tagged->artistName, u"ÉMILE"_s);
    QCOMPARE(tagged->albumTitle, u"Premier"_s);
    const auto untagged = tracks.find(11);
    QVERIFY(untagged);
    QCOMPARE(untagged->artistName, u"Folder Artist"_s);
    QCOMPARE(untagged->albumTitle, u"Folder Album"_s);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM scan_errors"_s), 1);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM artists"_s), 2);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM albums"_s), 2);
    // The search column was filled from the existing rows, case-folded.
    QCOMPARE(tracks.list(0, 10, u"émile"_s).total, 1);
    QCOMPARE(tracks.list(0, 10, u"folder album"_s).total, 1);
    // The browse figures were summed up from the existing tracks, artist keys copied to albums.
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM album_folder_genres"_s), 2);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM artist_folders"_s), 2);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM albums al JOIN artists ar ON ar.id = al.artist_id "
                        "WHERE al.artist_key = ar.name_key"_s), 2);
    const std::optional<AlbumSummary> album = AlbumRepository(db).find(tagged->albumId, Visibility::everything());
    QVERIFY(album);
    QCOMPARE(album->trackCount, 1);
    QCOMPARE(album->durationMs, 5000);
    QCOMPARE(AlbumRepository(db).list(AlbumQuery(), Visibility::everything()).total, 2);
}

void TestMigrations::reopeningIsANoOp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"again.sqlite"_s);
    {
        Database db(path);
        QVERIFY(!db.open());
    }
    Database db(path);
    QVERIFY(!db.open());
    QVERIFY(!db.open());
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM schema_version"_s), 1);
}

// A catalog whose recorded version was set back (tst_lyrics replays migration 011 so) runs 012
// again over its own tables, column and triggers: the figures are counted afresh, not twice.
void TestMigrations::browseFiguresMigrationRunsAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"again.sqlite"_s);
    {
        Database db(path);
        QVERIFY(!db.open());
        const auto folder = FolderRepository(db).add(u"/music"_s);
        QVERIFY(folder);
        Track t;
        t.folderId = folder->id;
        t.path = u"/music/a/1.mp3"_s;
        t.album = u"Album"_s;
        t.artist = u"Artist"_s;
        t.durationMs = 1000;
        QVERIFY(TrackRepository(db).upsert(t) > 0);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"UPDATE schema_version SET version = 11"_s));
    }
    Database db(path);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(db, u"SELECT SUM(track_count) FROM album_folder_genres"_s), 1);
    QCOMPARE(scalar(db, u"SELECT SUM(track_count) FROM artist_folders"_s), 1);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM albums WHERE artist_key = 'artist'"_s), 1);
    Track second;
    second.folderId = 1;
    second.path = u"/music/a/2.mp3"_s;
    second.album = u"Album"_s;
    second.artist = u"Artist"_s;
    QVERIFY(TrackRepository(db).upsert(second) > 0);   // one set of triggers: counted once
    QCOMPARE(scalar(db, u"SELECT SUM(track_count) FROM album_folder_genres"_s), 2);
    QCOMPARE(scalar(db, u"SELECT SUM(track_count) FROM artist_folders"_s), 2);
}

// Migration 013 over users made before it: each gets its own signing key, and names stored in
// another Unicode composition are rewritten in NFC unless another account already has that form.
void TestMigrations::userSigningKeysAndNfcNames()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"users.sqlite"_s);
    {
        Database db(path);
        QVERIFY(!db.open());
        QSqlQuery q(db.connection());
        for (const QString &name : {u"Rene\u0301e"_s, u"plain"_s, u"Jos\u00e9"_s, u"Jose\u0301"_s}) {
            q.prepare(u"INSERT INTO users (name, password_hash, signing_key) VALUES (?, 'x', '')"_s);
            q.addBindValue(name);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(u"UPDATE schema_version SET version = 12"_s));
    }
    Database db(path);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM users WHERE length(signing_key) = 32"_s), 4);
    QCOMPARE(scalar(db, u"SELECT COUNT(DISTINCT signing_key) FROM users"_s), 4);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT name FROM users ORDER BY id"_s));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    // The second José keeps its spelling: its NFC form is the first one's.
    QCOMPARE(names, (QStringList{u"Ren\u00e9e"_s, u"plain"_s, u"Jos\u00e9"_s, u"Jose\u0301"_s}));
}

// A catalog as 014 left it (no full-text indexes, search documents with CJK characters run
// together): 015 indexes every track, album and artist, and the index follows writes after.
void TestMigrations::searchIndexFilledFromVersion14()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"search.sqlite"_s);
    {
        Database db(path);
        QVERIFY(!db.open());
        const auto folder = FolderRepository(db).add(u"/music"_s);
        QVERIFY(folder);
        Track t;
        t.folderId = folder->id;
        t.path = u"/music/a/1.mp3"_s;
        t.title = u"ネオ東京タワー"_s;
        t.artist = u"Sigur Rós"_s;
        t.album = u"Ágætis byrjun"_s;
        QVERIFY(TrackRepository(db).upsert(t) > 0);
        QSqlQuery q(db.connection());
        for (const QString &trigger : {u"tracks_search_insert"_s, u"tracks_search_delete"_s, u"tracks_search_update"_s,
                                       u"albums_search_insert"_s, u"albums_search_delete"_s, u"albums_search_update"_s,
                                       u"artists_search_insert"_s, u"artists_search_delete"_s,
                                       u"artists_search_update"_s}) {
            QVERIFY2(q.exec(u"DROP TRIGGER "_s + trigger), qPrintable(q.lastError().text()));
        }
        for (const QString &sql : {u"DROP TABLE track_search"_s, u"DROP TABLE album_search"_s,
                                   u"DROP TABLE artist_search"_s, u"DROP INDEX albums_artist_title"_s,
                                   u"DROP INDEX tracks_album_order"_s,
                                   u"UPDATE tracks SET search = replace(search, '東 京', '東京')"_s,
                                   u"UPDATE schema_version SET version = 14"_s}) {
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM tracks WHERE search LIKE '%東京%'"_s), 1);
    }
    Database db(path);
    const auto error = db.open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(db.schemaVersion(), MigrationRunner::latestVersion());
    const TrackRepository tracks(db);
    QCOMPARE(tracks.list(0, 10, u"sigur ros"_s).total, 1);
    QCOMPARE(tracks.list(0, 10, u"東京"_s).total, 1);   // the document was set apart again
    QCOMPARE(tracks.list(0, 10, u"kino"_s).total, 0);
    QCOMPARE(ArtistRepository(db).list(0, 10, Visibility::everything(), u"sigur ros"_s).items.size(), 1);
    AlbumQuery albums;
    albums.search = u"byrjun"_s;
    QCOMPARE(AlbumRepository(db).list(albums, Visibility::everything()).items.size(), 1);
    Track second;
    second.folderId = 1;
    second.path = u"/music/a/2.mp3"_s;
    second.title = u"Kino"_s;
    QVERIFY(TrackRepository(db).upsert(second) > 0);   // one set of triggers: indexed once
    QCOMPARE(tracks.list(0, 10, u"kino"_s).total, 1);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM track_search"_s), 2);
}

void TestMigrations::newerSchemaIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.sqlite"_s);
    const int future = MigrationRunner::latestVersion() + 1;
    {
        Database db(path);
        QVERIFY(!db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"UPDATE schema_version SET version = %1"_s.arg(future)));
        QVERIFY(q.exec(u"INSERT INTO folders (path) VALUES ('/kept')"_s));
        QVERIFY(q.exec(u"CREATE TABLE from_the_future (x INTEGER)"_s));
    }
    Database db(path);
    const auto error = db.open();
    QVERIFY(error);
    QVERIFY2(error->contains(u"newer"_s), qPrintable(*error));
    QVERIFY2(error->contains(QString::number(future)), qPrintable(*error));
    QCOMPARE(db.schemaVersion(), future);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM folders WHERE path = '/kept'"_s), 1);
    QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM from_the_future"_s), 0);
}

void TestMigrations::unopenablePathGivesError()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"no/such/dir/catalog.sqlite"_s));
    const auto error = db.open();
    QVERIFY(error);
    QVERIFY(!error->isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
