// Authentication over real HTTP: login and logout, throttling, token expiry and revocation,
// signed stream URLs (tampering, expiry, other tracks), per-user visibility, a user deleted
// in the middle of a stream, and hostile paths and queries.

#include "AuthServer.h"
#include "MediaFixtures.h"

#include "auth/UrlSigner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray loginBody(const QString &name, const QString &password)
{
    return QJsonDocument(QJsonObject{{u"name"_s, name}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAuthHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginLogout();
    void loginBadBodies_data();
    void loginBadBodies();
    void unknownNameLooksLikeWrongPassword();
    void bruteForceIsThrottled();
    void expiredToken();
    void disabledUserLosesTokens();
    void perUserVisibility();
    void signedStreamUrl();
    void signedUrlTampering();
    void readsAnsweredWhileAScanWrites();
    void signedUrlExpiredOrMisused();
    void signedUrlFollowsUserChanges();
    void usersApi();
    void deletingUserEndsStream();
    void hostileInput_data();
    void hostileInput();
    void corsForConfiguredOriginsOnly();

private:
    QByteArray login(const QString &name, const QString &password, const QByteArray &from = "198.51.100.1");
    // A user who may see the shared folder; returns the id.
    qint64 createSharedUser(const QString &name)
    {
        UserChanges c;
        c.name = name;
        c.password = name + u"-password"_s;
        c.folderIds = QList<qint64>{m_server.sharedFolderId};
        return m_server.users().create(c)->id;
    }
    QByteArray trackPath(const QString &file, const QByteArray &what = {}) const
    {
        QByteArray p = "/api/tracks/" + QByteArray::number(m_server.trackIdFor(file));
        return what.isEmpty() ? p : p + '/' + what;
    }

    AuthServer m_server;
    quint16 m_port = 0;
};

void TestAuthHttp::initTestCase()
{
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/shared-one.mp3"_s, 2, {{u"title"_s, u"Shared One"_s}}), QString());
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/long.wav"_s, 150, {{u"title"_s, u"Long"_s}}), QString());
    QCOMPARE(makeAudio(m_server.privateDir() + u"/private-one.flac"_s, 2, {{u"title"_s, u"Private One"_s}}), QString());
    QCOMPARE(m_server.start(), QString());
    m_port = m_server.port();
    QVERIFY(m_server.trackIdFor(u"shared-one.mp3"_s) > 0);
    QVERIFY(m_server.trackIdFor(u"private-one.flac"_s) > 0);
}

QByteArray TestAuthHttp::login(const QString &name, const QString &password, const QByteArray &from)
{
    const RawResponse r = request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                                  loginBody(name, password));
    return r.status == 200 ? jsonOf(r).value(u"token"_s).toString().toLatin1() : QByteArray();
}

void TestAuthHttp::loginLogout()
{
    const RawResponse r = request(m_port, "POST", "/api/auth/login", {}, loginBody(u"alice"_s, kAlicePassword));
    QCOMPARE(r.status, 200);
    const QJsonObject o = jsonOf(r);
    const QByteArray token = o.value(u"token"_s).toString().toLatin1();
    QVERIFY(token.size() >= 40);
    QCOMPARE(o.value(u"user"_s).toObject().value(u"name"_s).toString(), u"alice"_s);
    QVERIFY(!r.body.contains("argon2"));
    QVERIFY(!o.value(u"expiresAt"_s).toString().isEmpty());

    QCOMPARE(request(m_port, "GET", "/api/auth/me", {bearer(token)}).status, 200);
    QCOMPARE(request(m_port, "GET", "/api/auth/me", {"authorization: bearer " + token}).status, 200);
    QCOMPARE(request(m_port, "GET", "/api/auth/me").status, 401);
    QVERIFY(!request(m_port, "GET", "/api/auth/me").header("WWW-Authenticate").isEmpty());
    QCOMPARE(request(m_port, "GET", "/api/auth/me", {"Authorization: Basic YWxpY2U6eA=="}).status, 401);
    QCOMPARE(request(m_port, "POST", "/api/auth/logout", {bearer(token)}).status, 204);
    QCOMPARE(request(m_port, "GET", "/api/auth/me", {bearer(token)}).status, 401);
    QCOMPARE(request(m_port, "GET", "/health").status, 200);
}

void TestAuthHttp::loginBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("not json") << "name=alice&password=x"_ba;
    QTest::newRow("array") << "[\"alice\"]"_ba;
    QTest::newRow("number password") << "{\"name\":\"alice\",\"password\":12345678}"_ba;
    QTest::newRow("missing password") << "{\"name\":\"alice\"}"_ba;
}

void TestAuthHttp::loginBadBodies()
{
    QFETCH(QByteArray, body);
    const RawResponse r = request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: 198.51.100.77"}, body);
    QCOMPARE(r.status, 400);
    QVERIFY(!r.body.contains("alice"));
}

void TestAuthHttp::unknownNameLooksLikeWrongPassword()
{
    const QList<QByteArray> from{"X-Forwarded-For: 198.51.100.20"};
    const RawResponse wrong = request(m_port, "POST", "/api/auth/login", from, loginBody(u"alice"_s, u"nope-nope"_s));
    const RawResponse unknown = request(m_port, "POST", "/api/auth/login", from, loginBody(u"zed"_s, u"nope-nope"_s));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, wrong.status);
    QCOMPARE(unknown.body, wrong.body);
    QVERIFY(!login(u"alice"_s, kAlicePassword, "198.51.100.20").isEmpty());   // resets that address
}

void TestAuthHttp::bruteForceIsThrottled()
{
    const QByteArray from = "203.0.113.50";
    for (int i = 0; i < 5; ++i) {
        const RawResponse r = request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                                      loginBody(u"root"_s, u"guess-%1"_s.arg(i)));
        QCOMPARE(r.status, 401);
    }
    // Now refused, even with the right password, and told when to retry.
    const RawResponse refused = request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                                        loginBody(u"root"_s, kRootPassword));
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.header("Retry-After").toInt() > 0);
    // Another address is not affected (the proxy header is trusted from 127.0.0.1).
    QVERIFY(!login(u"root"_s, kRootPassword, "203.0.113.51").isEmpty());
}

void TestAuthHttp::expiredToken()
{
    const QByteArray expired = m_server.auth().issueToken(m_server.aliceId, QDateTime::currentSecsSinceEpoch() - 1);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(expired)}).status, 401);
    const QByteArray fresh = m_server.auth().issueToken(m_server.aliceId, QDateTime::currentSecsSinceEpoch() + 60);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(fresh)}).status, 200);
}

void TestAuthHttp::disabledUserLosesTokens()
{
    UserChanges c;
    c.name = u"henry"_s;
    c.password = u"henry-password"_s;
    const qint64 id = m_server.users().create(c)->id;
    const QByteArray token = login(u"henry"_s, u"henry-password"_s);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(token)}).status, 200);
    const QByteArray admin = bearer(m_server.tokenFor(m_server.rootId));
    const QByteArray path = "/api/users/" + QByteArray::number(id);
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"enabled\":false}").status, 200);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(token)}).status, 401);
    QVERIFY(login(u"henry"_s, u"henry-password"_s, "198.51.100.60").isEmpty());
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"enabled\":true}").status, 200);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(token)}).status, 401);   // ended for good
    const QByteArray again = login(u"henry"_s, u"henry-password"_s, "198.51.100.61");
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(again)}).status, 200);
    QCOMPARE(request(m_port, "DELETE", path, {admin}).status, 204);
    QCOMPARE(request(m_port, "GET", "/api/tracks", {bearer(again)}).status, 401);
}

void TestAuthHttp::perUserVisibility()
{
    const auto titles = [this](qint64 user, const QByteArray &query = "") {
        const RawResponse r = request(m_port, "GET", "/api/tracks" + query, {bearer(m_server.tokenFor(user))});
        QStringList out;
        for (const QJsonValue &v : jsonOf(r).value(u"items"_s).toArray())
            out << v.toObject().value(u"title"_s).toString();
        out.sort();
        return out;
    };
    QCOMPARE(titles(m_server.aliceId), (QStringList{u"Long"_s, u"Shared One"_s}));
    QCOMPARE(titles(m_server.bobId), QStringList{u"Private One"_s});
    QCOMPARE(titles(m_server.rootId), (QStringList{u"Long"_s, u"Private One"_s, u"Shared One"_s}));
    QCOMPARE(titles(m_server.aliceId, "?q=private"), QStringList());

    const QByteArray alice = bearer(m_server.tokenFor(m_server.aliceId));
    for (const QByteArray &what : {""_ba, "stream"_ba, "download"_ba, "stream-url"_ba}) {
        QCOMPARE(request(m_port, "GET", trackPath(u"private-one.flac"_s, what), {alice}).status, 404);
        QCOMPARE(request(m_port, "GET", trackPath(u"shared-one.mp3"_s, what), {alice}).status, 200);
    }
    // Not found looks the same as a track that does not exist at all.
    const RawResponse hidden = request(m_port, "GET", trackPath(u"private-one.flac"_s), {alice});
    const RawResponse missing = request(m_port, "GET", "/api/tracks/999999", {alice});
    QCOMPARE(hidden.body, missing.body);
}

void TestAuthHttp::signedStreamUrl()
{
    const RawResponse r = request(m_port, "GET", trackPath(u"shared-one.mp3"_s, "stream-url"),
                                  {bearer(m_server.tokenFor(m_server.aliceId))});
    QCOMPARE(r.status, 200);
    const QString url = jsonOf(r).value(u"url"_s).toString();
    QVERIFY(url.startsWith(QString::fromLatin1(trackPath(u"shared-one.mp3"_s, "stream")) + u"?"_s));
    QVERIFY(url.contains(u"exp="_s) && url.contains(u"sig="_s));
    const RawResponse media = request(m_port, "GET", url.toLatin1());
    QCOMPARE(media.status, 200);
    QFile file(m_server.sharedDir() + u"/shared-one.mp3"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(media.body, file.readAll());
    QCOMPARE(request(m_port, "HEAD", url.toLatin1()).status, 200);
    QCOMPARE(request(m_port, "GET", jsonOf(r).value(u"downloadUrl"_s).toString().toLatin1()).status, 200);
    // The transcode URL's signature is accepted with the player's own parameters added (this
    // server has no transcoder, so the route itself answers 503, not the guard's 403).
    const QString transcode = jsonOf(r).value(u"transcodeUrl"_s).toString();
    QVERIFY(transcode.startsWith(QString::fromLatin1(trackPath(u"shared-one.mp3"_s, "transcode")) + u"?"_s));
    QCOMPARE(request(m_port, "GET", (transcode + u"&preset=MP3%20320&offset=1"_s).toLatin1()).status, 503);
    QCOMPARE(request(m_port, "GET", QString(transcode).replace(u"/transcode?"_s, u"/stream-url?"_s).toLatin1()).status, 403);
}

// A scan holds the catalog's write lock for most of its run: what a player and the web app do
// meanwhile (lists, a stream, the scan's own progress) must not wait for it.
void TestAuthHttp::readsAnsweredWhileAScanWrites()
{
    const QByteArray alice = bearer(login(u"alice"_s, kAlicePassword));
    const QByteArray root = bearer(login(u"root"_s, kRootPassword));
    const RawResponse signing = request(m_port, "GET", trackPath(u"shared-one.mp3"_s, "stream-url"), {alice});
    QCOMPARE(signing.status, 200);
    const QByteArray streamUrl = jsonOf(signing).value(u"url"_s).toString().toLatin1();

    QSqlDatabase writer = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"scan-writer"_s);
    const auto closeWriter = qScopeGuard([&writer] {
        writer.close();
        writer = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"scan-writer"_s);
    });
    writer.setDatabaseName(m_server.catalogPath());
    QVERIFY(writer.open());
    QSqlQuery lock(writer);
    QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
    const QList<std::pair<QByteArray, QByteArray>> reads{
        {"/api/auth/me", alice},   {"/api/tracks", alice}, {"/api/albums", alice},
        {trackPath(u"shared-one.mp3"_s), alice}, {streamUrl, {}}, {"/api/scan", root}};
    for (const auto &[target, authorization] : reads) {
        QElapsedTimer took;
        took.start();
        const RawResponse r = request(m_port, "GET", target, {authorization});
        QCOMPARE(r.status, 200);
        QVERIFY2(took.elapsed() < 2000, qPrintable(u"%1: %2 ms"_s.arg(QString::fromLatin1(target)).arg(took.elapsed())));
    }
    QVERIFY(lock.exec(u"ROLLBACK"_s));
}

void TestAuthHttp::signedUrlTampering()
{
    const RawResponse r = request(m_port, "GET", trackPath(u"shared-one.mp3"_s, "stream-url"),
                                  {bearer(m_server.tokenFor(m_server.aliceId))});
    const QByteArray url = jsonOf(r).value(u"url"_s).toString().toLatin1();
    const qsizetype query = url.indexOf('?');
    QVERIFY(query > 0);
    // Every byte of the query string after "exp=" / "sig=" values: flip it to another legal one.
    int tried = 0;
    for (qsizetype i = query + 1; i < url.size(); ++i) {
        const char c = url.at(i);
        if (c == '=' || c == '&')
            continue;
        QByteArray bad = url;
        bad[i] = c == 'A' ? 'B' : (c >= '0' && c <= '9' ? char('0' + (c - '0' + 1) % 10) : 'A');
        const int status = request(m_port, "GET", bad).status;
        QVERIFY2(status == 403 || status == 401, bad.constData());
        ++tried;
    }
    QVERIFY(tried > 40);
}

void TestAuthHttp::signedUrlExpiredOrMisused()
{
    Authenticator &signer = m_server.auth();
    const QString stream = QString::fromLatin1(trackPath(u"shared-one.mp3"_s, "stream"));
    const auto target = [](const QString &path, const SignedQuery &q) {
        return (path + u"?exp="_s + q.exp + u"&sig="_s + QString::fromLatin1(QUrl::toPercentEncoding(q.sig))).toLatin1();
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(request(m_port, "GET", target(stream, signer.sign(stream, m_server.aliceId, now + 60))).status, 200);
    QCOMPARE(request(m_port, "GET", target(stream, signer.sign(stream, m_server.aliceId, now - 1))).status, 403);
    // Cross-track and cross-route: a signature only opens the path it was made for.
    const QString other = QString::fromLatin1(trackPath(u"private-one.flac"_s, "stream"));
    QCOMPARE(request(m_port, "GET", target(other, signer.sign(stream, m_server.bobId, now + 60))).status, 403);
    const QString download = QString::fromLatin1(trackPath(u"shared-one.mp3"_s, "download"));
    QCOMPARE(request(m_port, "GET", target(download, signer.sign(stream, m_server.aliceId, now + 60))).status, 403);
    // A signature by a user who cannot see the track gives nothing away.
    QCOMPARE(request(m_port, "GET", target(other, signer.sign(other, m_server.aliceId, now + 60))).status, 404);
    // Signatures open reads only, and never admin routes for a non-admin.
    QCOMPARE(request(m_port, "POST", target(u"/api/scan"_s, signer.sign(u"/api/scan"_s, m_server.rootId, now + 60))).status, 403);
    QCOMPARE(request(m_port, "GET", target(u"/api/users"_s, signer.sign(u"/api/users"_s, m_server.aliceId, now + 60))).status, 403);
    // A signature by a user that does not exist.
    // (signed with some key: that user has none)
    const SignedQuery ghost = UrlSigner(m_server.secret()).sign(stream, 987654, "any key", now + 60);
    QCOMPARE(request(m_port, "GET", target(stream, ghost)).status, 403);
    QCOMPARE(request(m_port, "GET", (stream + u"?exp=99999999999&sig="_s).toLatin1()).status, 403);
    QCOMPARE(request(m_port, "GET", (stream + u"?sig=1.abc"_s).toLatin1()).status, 403);
}

// The signer is read again for every signed request: a grant taken away, disabling or deleting
// shows on the very next request (no remembered user may outlive the change).
void TestAuthHttp::signedUrlFollowsUserChanges()
{
    const qint64 id = createSharedUser(u"signer"_s);
    const RawResponse r = request(m_port, "GET", trackPath(u"shared-one.mp3"_s, "stream-url"),
                                  {bearer(m_server.tokenFor(id))});
    QCOMPARE(r.status, 200);
    const QByteArray url = jsonOf(r).value(u"url"_s).toString().toLatin1();
    const QByteArray admin = bearer(m_server.tokenFor(m_server.rootId));
    const QByteArray path = "/api/users/" + QByteArray::number(id);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(request(m_port, "HEAD", url).status, 200);
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"folders\":[]}").status, 200);
    QCOMPARE(request(m_port, "HEAD", url).status, 404);   // no longer visible to the signer
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"folders\":[" + QByteArray::number(m_server.sharedFolderId) + "]}").status, 200);
    QCOMPARE(request(m_port, "HEAD", url).status, 200);
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"enabled\":false}").status, 200);
    QCOMPARE(request(m_port, "HEAD", url).status, 403);
    // Enabled again, the URLs signed before the disable stay void (tst_signed_url_revocation);
    // a new one opens, and dies with the deletion.
    QCOMPARE(request(m_port, "PATCH", path, {admin}, "{\"enabled\":true}").status, 200);
    QCOMPARE(request(m_port, "HEAD", url).status, 403);
    const QByteArray fresh = jsonOf(request(m_port, "GET", trackPath(u"shared-one.mp3"_s, "stream-url"),
                                            {bearer(m_server.tokenFor(id))})).value(u"url"_s).toString().toLatin1();
    QCOMPARE(request(m_port, "HEAD", fresh).status, 200);
    QCOMPARE(request(m_port, "DELETE", path, {admin}).status, 204);
    QCOMPARE(request(m_port, "HEAD", fresh).status, 403);
}

void TestAuthHttp::usersApi()
{
    const QByteArray admin = bearer(m_server.tokenFor(m_server.rootId));
    const QByteArray body = QJsonDocument(QJsonObject{
        {u"name"_s, u"ivy"_s}, {u"password"_s, u"ivy-password"_s}, {u"maxBitrate"_s, 320},
        {u"folders"_s, QJsonArray{m_server.sharedFolderId}}}).toJson(QJsonDocument::Compact);
    const RawResponse created = request(m_port, "POST", "/api/users", {admin}, body);
    QCOMPARE(created.status, 201);
    const QJsonObject ivy = jsonOf(created);
    QCOMPARE(ivy.value(u"maxBitrate"_s).toInt(), 320);
    QCOMPARE(ivy.value(u"folders"_s).toArray(), QJsonArray{m_server.sharedFolderId});
    QVERIFY(!created.body.contains("password"));
    QCOMPARE(request(m_port, "POST", "/api/users", {admin}, body).status, 409);
    QCOMPARE(request(m_port, "POST", "/api/users", {admin}, "{\"name\":\"\",\"password\":\"12345678\"}").status, 400);
    QCOMPARE(request(m_port, "POST", "/api/users", {admin}, "{\"name\":\"jo\",\"password\":\"short\"}").status, 400);
    QCOMPARE(request(m_port, "POST", "/api/users", {admin}, "{\"name\":\"jo\",\"password\":\"12345678\",\"admin\":\"yes\"}").status, 400);
    QCOMPARE(request(m_port, "POST", "/api/users", {admin}, "{\"name\":\"jo\",\"password\":\"12345678\",\"folders\":[-1]}").status, 400);
    const QByteArray path = "/api/users/" + QByteArray::number(ivy.value(u"id"_s).toInteger());
    QCOMPARE(request(m_port, "GET", path, {admin}).status, 200);
    QCOMPARE(request(m_port, "PUT", path, {admin}, "{\"maxBitrate\":-1}").status, 400);
    QCOMPARE(request(m_port, "GET", "/api/users/0", {admin}).status, 400);
    QCOMPARE(request(m_port, "GET", "/api/users/424242", {admin}).status, 404);
    QCOMPARE(request(m_port, "DELETE", "/api/users/" + QByteArray::number(m_server.rootId), {admin}).status, 409);
    QCOMPARE(request(m_port, "DELETE", path, {admin}).status, 204);
    QCOMPARE(request(m_port, "GET", path, {admin}).status, 404);
    const QByteArray alice = bearer(m_server.tokenFor(m_server.aliceId));
    QCOMPARE(request(m_port, "GET", "/api/users", {alice}).status, 403);
    QCOMPARE(request(m_port, "POST", "/api/users", {alice}, body).status, 403);
}

void TestAuthHttp::deletingUserEndsStream()
{
    const qint64 id = createSharedUser(u"mid-stream"_s);
    const QByteArray token = m_server.tokenFor(id);
    const qint64 size = QFileInfo(m_server.sharedDir() + u"/long.wav"_s).size();
    QVERIFY(size > 20 * 1024 * 1024);

    HttpTestClient client(m_port);
    client.sendRequest("GET", trackPath(u"long.wav"_s, "stream"), {bearer(token)});
    QVERIFY(client.socket().waitForReadyRead(10000));   // the stream has begun; we stop reading
    QCOMPARE(request(m_port, "DELETE", "/api/users/" + QByteArray::number(id),
                     {bearer(m_server.tokenFor(m_server.rootId))}).status, 204);
    qint64 received = client.socket().bytesAvailable();
    QDeadlineTimer deadline(20000);
    while (client.socket().state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (client.socket().waitForReadyRead(1000))
            received += client.socket().readAll().size();
    }
    QVERIFY(client.socket().state() != QAbstractSocket::ConnectedState);
    QVERIFY2(received < size, qPrintable(u"received %1 of %2"_s.arg(received).arg(size)));
}

void TestAuthHttp::hostileInput_data()
{
    QTest::addColumn<QByteArray>("target");
    const QList<QByteArray> targets{
        "/api/tracks/../../../../etc/passwd",
        "/api/tracks/..%2f..%2f..%2fetc%2fpasswd/stream",
        "/api/tracks/%2e%2e%2f%2e%2e%2fetc%2fpasswd/stream",
        "/api/tracks/..%5C..%5Cwindows%5Cwin.ini/stream",
        "/api/tracks/%2Fetc%2Fpasswd/stream",
        "/api/tracks//etc/passwd/download",
        "/api/tracks/1%00/stream",
        "/api/tracks/%00/stream",
        "/api/tracks/99999999999999999999999999/stream",
        "/api/tracks/9223372036854775807/stream",
        "/api/tracks/-1/download",
        "/api/tracks/0x10/stream",
        "/api/tracks/%ff%fe/stream",
        "/api/tracks/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/api/tracks/%3Cscript%3E/stream-url",
        "/api/tracks?limit=%00",
        "/api/tracks?limit=99999999999999999999999",
        "/api/tracks?offset=-1",
        "/api/tracks?offset=%3Cscript%3E",
        "/api/tracks?q=%ff%fe%00",
        "/api/users/%3Cscript%3E",
        "/api/users/..%2f1",
        "/%2e%2e/%2e%2e/etc/passwd",
    };
    for (const QByteArray &t : targets)
        QTest::newRow(t.constData()) << t;
}

void TestAuthHttp::hostileInput()
{
    QFETCH(QByteArray, target);
    const QByteArray admin = bearer(m_server.tokenFor(m_server.rootId));
    for (const QByteArray &auth : {admin, bearer(m_server.tokenFor(m_server.aliceId)), QByteArray("X-None: 1")}) {
        const RawResponse r = request(m_port, "GET", target, {auth});
        QVERIFY2(QList<int>({200, 400, 401, 403, 404}).contains(r.status), qPrintable(QString::number(r.status)));
        if (r.status == 200)   // only a search that legitimately matched nothing / everything
            QVERIFY(target.startsWith("/api/tracks?q="));
        QVERIFY(!r.body.contains("root:"));        // /etc/passwd
        QVERIFY(!r.body.contains("[fonts]"));      // win.ini
        QVERIFY(!r.body.contains("<script>"));
        QVERIFY(!r.body.contains('\0'));
        if (r.status != 200)
            QVERIFY(QJsonDocument::fromJson(r.body).isObject());
    }
}

void TestAuthHttp::corsForConfiguredOriginsOnly()
{
    const QByteArray origin = "Origin: " + kCorsOrigin.toLatin1();
    const QByteArray stream = trackPath(u"shared-one.mp3"_s, "stream");
    RawResponse pre = request(m_port, "OPTIONS", stream,
                              {origin, "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: range, authorization"});
    QCOMPARE(pre.status, 204);
    QCOMPARE(pre.header("Access-Control-Allow-Origin"), kCorsOrigin.toLatin1());
    // Twice, and every browser refuses the preflight of a call that sends Authorization.
    QCOMPARE(pre.headerCount("Access-Control-Allow-Origin"), 1);
    QCOMPARE(pre.headerCount("Vary"), 1);
    QVERIFY(pre.header("Access-Control-Allow-Methods").contains("GET"));
    QVERIFY(pre.header("Access-Control-Allow-Headers").contains("Range"));
    QVERIFY(pre.header("Access-Control-Allow-Headers").contains("Authorization"));
    pre = request(m_port, "OPTIONS", "/api/users/5", {origin, "Access-Control-Request-Method: DELETE"});
    QCOMPARE(pre.status, 204);
    QVERIFY(pre.header("Access-Control-Allow-Methods").contains("DELETE"));

    // Another origin gets no permission, in the preflight or the answer.
    const QByteArray evil = "Origin: https://evil.example";
    QVERIFY(request(m_port, "OPTIONS", stream, {evil, "Access-Control-Request-Method: GET"}).header("Access-Control-Allow-Origin").isEmpty());
    const QByteArray alice = bearer(m_server.tokenFor(m_server.aliceId));
    QVERIFY(request(m_port, "GET", stream, {evil, alice}).header("Access-Control-Allow-Origin").isEmpty());
    QVERIFY(request(m_port, "GET", stream, {alice}).header("Access-Control-Allow-Origin").isEmpty());

    const RawResponse media = request(m_port, "GET", stream, {origin, alice, "Range: bytes=0-9"});
    QCOMPARE(media.status, 206);
    QCOMPARE(media.header("Access-Control-Allow-Origin"), kCorsOrigin.toLatin1());
    QCOMPARE(media.headerCount("Access-Control-Allow-Origin"), 1);
    for (const char *exposed : {"Content-Range", "Accept-Ranges", "Content-Length"})
        QVERIFY(media.header("Access-Control-Expose-Headers").contains(exposed));
    // Refusals carry it too, so the page can read the 401.
    QCOMPARE(request(m_port, "GET", stream, {origin}).header("Access-Control-Allow-Origin"), kCorsOrigin.toLatin1());
}

QTEST_GUILESS_MAIN(TestAuthHttp)
#include "tst_auth_http.moc"
