// The `catalog/url` setting, through the real `cairn --headless`: a PostgreSQL database (a
// server the test starts) holds the catalog, and nothing is written to a SQLite file; an SQLite
// file named there is used instead of the data directory's; a URL Cairn cannot use stops it at
// start with a message naming the setting, and never shows the password.

#include "HttpTestClient.h"
#include "TestPostgres.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

// A data dir whose cairn.ini holds `url`, a library folder and an administrator's password file.
struct Install
{
    QTemporaryDir dir;
    QString data() const { return dir.filePath(u"data"_s); }

    bool prepare(const QString &url)
    {
        if (!QDir().mkpath(data()) || !QDir().mkpath(dir.filePath(u"Music"_s)))
            return false;
        QSettings ini(QDir(data()).filePath(u"cairn.ini"_s), QSettings::IniFormat);
        ini.setValue(u"catalog/url"_s, url);
        ini.sync();
        QFile password(dir.filePath(u"pw"_s));
        return password.open(QIODevice::WriteOnly) && password.write("root-Secret-1\n") > 0;
    }

    void start(QProcess &cairn) const
    {
        cairn.start(QStringLiteral(CAIRN_BINARY),
                    {u"--headless"_s, u"--data-dir"_s, data(), u"--library"_s, dir.filePath(u"Music"_s), u"--port"_s,
                     u"0"_s, u"--admin-user"_s, u"root"_s, u"--admin-password-file"_s, dir.filePath(u"pw"_s)});
    }
};

// Waits for "serving on http://127.0.0.1:<port>/"; 0 if the process ended first.
quint16 servingPort(QProcess &cairn, QString &out)
{
    static const QRegularExpression serving(u"serving on http://127\\.0\\.0\\.1:(\\d+)/"_s);
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        cairn.waitForReadyRead(200);
        out += QString::fromUtf8(cairn.readAllStandardOutput());
        if (const auto match = serving.match(out); match.hasMatch())
            return quint16(match.captured(1).toUInt());
        if (cairn.state() == QProcess::NotRunning)
            return 0;
    }
    return 0;
}

QByteArray loginToken(HttpTestClient &client)
{
    const QByteArray login = R"({"name":"root","password":"root-Secret-1"})";
    client.send("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login);
    return QJsonDocument::fromJson(client.read().body).object().value(u"token"_s).toString().toLatin1();
}

} // namespace

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
    Install install;
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
    Install install;
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
    Install install;
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
