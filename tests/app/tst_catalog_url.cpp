// The `catalog/url` setting, through the real `cairn --headless`: a PostgreSQL database (a
// server the test starts) holds the catalog, and nothing is written to a SQLite file; an SQLite
// file named there is used instead of the data directory's; a URL Cairn cannot use stops it at
// start with a message naming the setting, and never shows the password.

#include "HeadlessInstall.h"
#include "HttpTestClient.h"
#include "TestPostgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestCatalogUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresqlHoldsTheCatalog();
    void sqliteFileElsewhere();
    void badUrlStopsTheStart_data();
    void badUrlStopsTheStart();
};

void TestCatalogUrl::postgresqlHoldsTheCatalog()
{
    TestPostgres server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    HeadlessInstall install;
    QVERIFY(install.prepare(server.url()));
    QProcess cairn;
    install.start(cairn);
    QString out;
    const quint16 port = servingPort(cairn, out);
    QVERIFY2(port > 0, qPrintable(out + QString::fromUtf8(cairn.readAllStandardError())));
    HttpTestClient client(port);
    const QByteArray token = loginToken(client);
    QVERIFY(!token.isEmpty());
    QCOMPARE(client.get("/api/auth/me", {"Authorization: Bearer " + token}).status, 200);
    QCOMPARE(client.get("/api/folders", {"Authorization: Bearer " + token}).status, 200);

    // The administrator, the token and the library folder are rows of the server's database.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"check"_s);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(server.port());
        db.setUserName(u"cairn"_s);
        db.setDatabaseName(u"cairn"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM users WHERE name = 'root' AND admin = 1"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM auth_tokens"_s) && q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        QVERIFY(q.exec(u"SELECT path FROM folders"_s) && q.next());
        QCOMPARE(q.value(0).toString(), QDir(install.dir.filePath(u"Music"_s)).absolutePath());
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    QVERIFY(!QFile::exists(QDir(install.data()).filePath(u"catalog.sqlite"_s)));

    cairn.terminate();
    QVERIFY(cairn.waitForFinished(15000));
    QCOMPARE(cairn.exitCode(), 0);
}

void TestCatalogUrl::sqliteFileElsewhere()
{
    HeadlessInstall install;
    const QString file = install.dir.filePath(u"elsewhere/my catalog.db"_s);
    QVERIFY(QDir().mkpath(QFileInfo(file).path()));
    QVERIFY(install.prepare(u"sqlite:"_s + file));
    QProcess cairn;
    install.start(cairn);
    QString out;
    QVERIFY2(servingPort(cairn, out) > 0, qPrintable(out + QString::fromUtf8(cairn.readAllStandardError())));
    QVERIFY(QFileInfo(file).size() > 0);
    QVERIFY(!QFile::exists(QDir(install.data()).filePath(u"catalog.sqlite"_s)));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
#endif
    cairn.terminate();
    QVERIFY(cairn.waitForFinished(15000));
}

void TestCatalogUrl::badUrlStopsTheStart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scheme") << u"mysql://root:hunter2@db/media"_s << u"catalog/url: unknown scheme"_s;
    QTest::newRow("no database") << u"postgresql://root:hunter2@db"_s << u"catalog/url: the database name is missing"_s;
    // Nobody listens on port 1: the server is not there.
    QTest::newRow("no server") << u"postgresql://root:hunter2@127.0.0.1:1/media?connect_timeout=5"_s
                               << u"Cannot open the catalog postgresql://root@127.0.0.1:1/media"_s;
}

void TestCatalogUrl::badUrlStopsTheStart()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    HeadlessInstall install;
    QVERIFY(install.prepare(url));
    QProcess cairn;
    install.start(cairn);
    QVERIFY(cairn.waitForFinished(20000));
    QVERIFY(cairn.exitCode() != 0);
    const QString said = QString::fromUtf8(cairn.readAllStandardOutput() + cairn.readAllStandardError());
    QVERIFY2(said.contains(message), qPrintable(said));
    QVERIFY2(!said.contains(u"hunter2"_s), qPrintable(said));
    QVERIFY(!QFile::exists(QDir(install.data()).filePath(u"catalog.sqlite"_s)));
}

QTEST_GUILESS_MAIN(TestCatalogUrl)
#include "tst_catalog_url.moc"
