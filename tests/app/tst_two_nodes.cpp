// Two `cairn --headless` nodes on one PostgreSQL catalog and one media folder, as README's
// reference set-up runs them behind a load balancer: a login on node A is good on node B, and so
// is a URL A signed; A scans and B lists the new track at once; an app password made on A opens
// on B; with A stopped, B goes on serving.

#include "HeadlessInstall.h"
#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "TestPostgres.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A node of the pair: its install, its process, and a client on its port.
struct Node
{
    HeadlessInstall install;
    QProcess process;
    QString out;
    quint16 port = 0;

    bool start(const QString &catalogUrl, const QString &library)
    {
        install.library = library;
        // Only the scans the test asks for: a watcher would find the new file on either node.
        if (!install.prepare(catalogUrl, {{u"scan/watch"_s, false}}))
            return false;
        install.start(process);
        port = servingPort(process, out);
        return port > 0;
    }
    QString log() { return out + QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()); }
};

} // namespace

class TestTwoNodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesShareOneCatalog();
};

void TestTwoNodes::nodesShareOneCatalog()
{
    TestPostgres server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    QTemporaryDir media;
    QVERIFY(media.isValid());
    const QString song = media.filePath(u"Artist/Album/01 Node Song.mp3"_s);
    QVERIFY(QDir().mkpath(QFileInfo(song).path()));

    Node a, b;
    QVERIFY2(a.start(server.url(), media.path()), qPrintable(a.log()));
    QVERIFY2(b.start(server.url(), media.path()), qPrintable(b.log()));
    HttpTestClient onA(a.port), onB(b.port);

    // A login on A is a login on B.
    const QByteArray token = loginToken(onA);
    QVERIFY(!token.isEmpty());
    const QByteArray auth = bearer(token);
    QCOMPARE(onB.get("/api/auth/me", {auth}).status, 200);
    QCOMPARE(jsonOf(onB.get("/api/auth/me", {auth})).value(u"name"_s).toString(), u"root"_s);

    // A scans; B lists what it found, with nothing to do of its own.
    const QString error = makeAudio(song, 1.0, {{u"title"_s, u"Node Song"_s}, {u"artist"_s, u"Artist"_s}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(request(a.port, "POST", "/api/scan", {auth}, ""_ba).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(jsonOf(onB.get("/api/tracks", {auth})).value(u"total"_s).toInt(), 1, 30000);
    const QJsonObject track = jsonOf(onB.get("/api/tracks", {auth})).value(u"items"_s).toArray().at(0).toObject();
    QCOMPARE(track.value(u"title"_s).toString(), u"Node Song"_s);
    const QByteArray trackPath = "/api/tracks/" + QByteArray::number(track.value(u"id"_s).toInteger());

    // A URL signed on A plays on B: both sign with the catalog's secret.
    const RawResponse signedUrl = onA.get(trackPath + "/stream-url", {auth});
    QCOMPARE(signedUrl.status, 200);
    const QByteArray url = jsonOf(signedUrl).value(u"url"_s).toString().toLatin1();
    QVERIFY(url.contains("sig="));
    const RawResponse played = onB.get(url);
    QCOMPARE(played.status, 200);
    QCOMPARE(played.body, readFile(song));

    // An app password made on A opens on B (Subsonic's token check decrypts it there).
    const RawResponse app = request(a.port, "POST", "/api/users/me/app-passwords", {auth}, R"({"name":"phone"})");
    QCOMPARE(app.status, 201);
    const QByteArray secret = jsonOf(app).value(u"secret"_s).toString().toLatin1();
    QVERIFY(!secret.isEmpty());
    const QByteArray salt = "c0ffee";
    const QByteArray subsonicToken = QCryptographicHash::hash(QByteArray(secret + salt), QCryptographicHash::Md5).toHex();
    const RawResponse ping = onB.get(QByteArray("/rest/ping.view?u=root&t=" + subsonicToken + "&s=" + salt + "&v=1.16.1&c=test&f=json"));
    QCOMPARE(ping.status, 200);
    QCOMPARE(jsonOf(ping).value(u"subsonic-response"_s).toObject().value(u"status"_s).toString(), u"ok"_s);

    // A stops; B serves on, the token and the track included.
    a.process.terminate();
    QVERIFY(a.process.waitForFinished(15000));
    QCOMPARE(a.process.exitCode(), 0);
    QCOMPARE(onB.get("/api/tracks", {auth}).status, 200);
    const RawResponse stream = onB.get(trackPath + "/stream", {auth, "Range: bytes=0-99"});
    QCOMPARE(stream.status, 206);
    QCOMPARE(stream.body, readFile(song).left(100));
    // And scans now that A is gone: a second file shows up.
    QVERIFY(makeAudio(media.filePath(u"Artist/Album/02 Second.mp3"_s), 1.0, {{u"title"_s, u"Second"_s}}).isEmpty());
    QCOMPARE(request(b.port, "POST", "/api/scan", {auth}, ""_ba).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(jsonOf(onB.get("/api/tracks", {auth})).value(u"total"_s).toInt(), 2, 30000);

    b.process.terminate();
    QVERIFY(b.process.waitForFinished(15000));
    QCOMPARE(b.process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestTwoNodes)
#include "tst_two_nodes.moc"
