// Issue 15 finding 5: limits are on by default. Streams per user (the (N+1)-th of one user is
// refused while another user still streams) and API requests per client address (a token
// bucket: 429 + Retry-After beyond it, in the JSON API's words or Subsonic's). Real server,
// real users and the real auth guard; 127.0.0.1 is a trusted proxy, so X-Forwarded-For names
// the client address (and a request without it is this computer's, which is not counted).

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "StreamReader.h"
#include "TestServer.h"
#include "activity/ActivityRegistry.h"
#include "http/auth/RequestRateLimit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QByteArray from(const QByteArray &address)
{
    return "X-Forwarded-For: " + address;
}

} // namespace

class TestDefaultLimitsHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void requestBucketsRefillAtTheirRate();
    void defaultCapsLimitStreamsPerUser();
    void defaultCapsLimitRequestRatePerAddress();
    void rateLimitedSubsonicAnswersInItsOwnFormat();
    void settingsChangeTheRequestRate();
    void defaultRateLetsAnAlbumGridThrough();

private:
    // Sends `count` GETs of `target` on one kept-alive connection; the statuses seen, in order.
    QList<int> burst(const QByteArray &target, const QList<QByteArray> &headers, int count);
    RawResponse put(const QByteArray &target, const QByteArray &body);

    TestServer m_server;
    QByteArray m_root, m_alice, m_bob;
    qint64 m_track = 0;
    qint64 m_album = 0;
};

void TestDefaultLimitsHttp::initTestCase()
{
    QCOMPARE(makeAudio(m_server.libraryPath(u"one.wav"_s), 20, {{u"album"_s, u"Grid"_s}}), QString());   // 3.5 MB
    TestServerOptions options;
    options.scanFirst = true;
    options.auth = true;
    options.activity = true;
    options.artwork = true;
    options.trustedProxies = {u"127.0.0.1"_s};
    QCOMPARE(m_server.start(options), QString());
    auto user = [&](const QString &name, bool admin) {
        UserChanges u;
        u.name = name;
        u.password = name + u"-Pass-2222"_s;
        u.admin = admin;
        u.folderIds = QList<qint64>{m_server.libraryFolderId()};
        return bearer(m_server.tokenFor(m_server.addUser(u)));
    };
    m_root = user(u"root"_s, true);
    m_alice = user(u"alice"_s, false);
    m_bob = user(u"bob"_s, false);
    m_track = m_server.trackIdFor(u"one.wav"_s);
    QVERIFY(m_track > 0);
    const RawResponse albums = HttpTestClient(m_server.port()).get("/api/albums", {m_root});
    QCOMPARE(albums.status, 200);
    m_album = QJsonDocument::fromJson(albums.body)[u"items"_s][0][u"id"_s].toInteger();
    QVERIFY(m_album > 0);
}

void TestDefaultLimitsHttp::init()
{
    m_server.activity()->setLimits(StreamLimits{});   // the defaults, whatever a test changed
}

QList<int> TestDefaultLimitsHttp::burst(const QByteArray &target, const QList<QByteArray> &headers, int count)
{
    HttpTestClient client(m_server.port());
    QList<int> statuses;
    for (int i = 0; i < count; ++i) {
        client.ensureConnected();
        statuses << client.get(target, headers).status;
    }
    return statuses;
}

RawResponse TestDefaultLimitsHttp::put(const QByteArray &target, const QByteArray &body)
{
    HttpTestClient client(m_server.port());
    client.send(requestBytes("PUT", target,
                             {m_root, "Content-Type: application/json", "Content-Length: " + QByteArray::number(body.size())},
                             body));
    return client.read();
}

void TestDefaultLimitsHttp::requestBucketsRefillAtTheirRate()
{
    using Bucket = RequestRateLimit::Bucket;
    RequestRateLimit limit;
    limit.setRate(10, 3);   // a token every 100 ms, three at once
    const QHostAddress client(u"192.0.2.1"_s);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limit.admit(client, Bucket::Api, 1000), std::nullopt);
    QCOMPARE(limit.admit(client, Bucket::Api, 1000), std::optional<int>(1));
    QCOMPARE(limit.admit(client, Bucket::Api, 1050), std::optional<int>(1));   // half a token: not yet
    QCOMPARE(limit.admit(client, Bucket::Api, 1100), std::nullopt);
    QCOMPARE(limit.admit(client, Bucket::Api, 1100), std::optional<int>(1));
    // Media draws from its own bucket, four times as large.
    for (int i = 0; i < 12; ++i)
        QCOMPARE(limit.admit(client, Bucket::Media, 1100), std::nullopt);
    QCOMPARE(limit.admit(client, Bucket::Media, 1100), std::optional<int>(1));
    // Another address, IPv6 included, has buckets of its own; a quiet client refills to the burst, not beyond.
    QCOMPARE(limit.admit(QHostAddress(u"2001:db8::1"_s), Bucket::Api, 1100), std::nullopt);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limit.admit(client, Bucket::Api, 60000), std::nullopt);
    QCOMPARE(limit.admit(client, Bucket::Api, 60000), std::optional<int>(1));
    // One a second: the wait is a whole second.
    limit.setRate(1, 1);
    QCOMPARE(limit.admit(QHostAddress(u"192.0.2.2"_s), Bucket::Api, 0), std::nullopt);
    QCOMPARE(limit.admit(QHostAddress(u"192.0.2.2"_s), Bucket::Api, 0), std::optional<int>(1));
    // Off.
    limit.setRate(0, 1);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(limit.admit(client, Bucket::Api, 60000), std::nullopt);
}

void TestDefaultLimitsHttp::defaultCapsLimitStreamsPerUser()
{
    const int cap = StreamLimits{}.maxStreamsPerUser;
    QVERIFY(cap > 0);   // on by default
    StreamLimits paced;   // the defaults, with streams slow enough to stay open (loopback buffers are large)
    paced.streamBytesPerSecond = 10000;
    m_server.activity()->setLimits(paced);
    const QByteArray stream = "/api/tracks/" + QByteArray::number(m_track) + "/stream";
    std::vector<std::unique_ptr<StreamReader>> alice;
    for (int i = 0; i < cap; ++i) {
        alice.push_back(std::make_unique<StreamReader>(m_server.port(), stream, QList<QByteArray>{m_alice},
                                                       StreamReader::Mode::Stalled));
        QTRY_VERIFY(alice.back()->hasHead());
        QCOMPARE(alice.back()->status(), 200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), cap, 10000);

    StreamReader refused(m_server.port(), stream, {m_alice}, StreamReader::Mode::Full);
    QTRY_VERIFY(refused.hasHead());
    QCOMPARE(refused.status(), 503);
    QVERIFY(refused.header("retry-after").toInt() > 0);
    QTRY_VERIFY(QJsonDocument::fromJson(refused.bodyStart())[u"error"_s].toString().contains(u"each user"_s));

    // Another user still streams.
    StreamReader bob(m_server.port(), stream, {m_bob}, StreamReader::Mode::Stalled);
    QTRY_VERIFY(bob.hasHead());
    QCOMPARE(bob.status(), 200);

    // One of alice's players stops: she may start another.
    alice.front()->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), cap, 10000);
    StreamReader again(m_server.port(), stream, {m_alice}, StreamReader::Mode::Stalled);
    QTRY_VERIFY(again.hasHead());
    QCOMPARE(again.status(), 200);
}

void TestDefaultLimitsHttp::defaultCapsLimitRequestRatePerAddress()
{
    StreamLimits slow;
    slow.requestsPerSecond = 2;
    slow.requestBurst = 5;
    m_server.activity()->setLimits(slow);
    const QByteArray me = "/api/auth/me";

    QCOMPARE(burst(me, {m_alice, from("192.0.2.10")}, 5), (QList<int>{200, 200, 200, 200, 200}));
    HttpTestClient client(m_server.port());
    const RawResponse refused = client.get(me, {m_alice, from("192.0.2.10")});
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("retry-after"), "1");
    QVERIFY(QJsonDocument::fromJson(refused.body)[u"error"_s].toString().contains(u"too many requests"_s));
    // Decided before authentication: an administrator (or a stranger) at that address waits too.
    QCOMPARE(client.get(me, {m_root, from("192.0.2.10")}).status, 429);
    QCOMPARE(client.get(me, {from("192.0.2.10")}).status, 429);

    // Per address: another client, and this computer, are not held back.
    QCOMPARE(client.get(me, {m_alice, from("192.0.2.11")}).status, 200);
    QCOMPARE(burst(me, {m_alice}, 20).count(200), 20);
    // Media has a bucket of its own: the player keeps playing while the page waits.
    const QByteArray stream = "/api/tracks/" + QByteArray::number(m_track) + "/stream";
    QCOMPARE(client.get(stream, {m_alice, from("192.0.2.10"), "Range: bytes=0-99"}).status, 206);

    // After the time it was told, the same client is served again.
    QTest::qWait(1000 * refused.header("retry-after").toInt());
    QCOMPARE(client.get(me, {m_alice, from("192.0.2.10")}).status, 200);
}

void TestDefaultLimitsHttp::rateLimitedSubsonicAnswersInItsOwnFormat()
{
    StreamLimits slow;
    slow.requestsPerSecond = 1;
    slow.requestBurst = 2;
    m_server.activity()->setLimits(slow);
    const QByteArray ping = "/rest/ping.view?f=json&v=1.16.1&c=test";
    QCOMPARE(burst(ping, {from("192.0.2.30")}, 2), (QList<int>{200, 200}));
    const RawResponse refused = HttpTestClient(m_server.port()).get(ping, {from("192.0.2.30")});
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.header("retry-after").toInt() >= 1);
    const QJsonObject envelope = QJsonDocument::fromJson(refused.body)[u"subsonic-response"_s].toObject();
    QCOMPARE(envelope[u"status"_s].toString(), u"failed"_s);
    QCOMPARE(envelope[u"error"_s][u"code"_s].toInt(), 0);   // not 40: the credentials were never checked
    QVERIFY(envelope[u"error"_s][u"message"_s].toString().contains(u"too many requests"_s));
    // XML by default, as every Subsonic error.
    const RawResponse xml = HttpTestClient(m_server.port()).get("/rest/ping.view", {from("192.0.2.30")});
    QCOMPARE(xml.status, 429);
    QVERIFY2(xml.body.contains("<error code=\"0\""), xml.body.constData());
}

void TestDefaultLimitsHttp::settingsChangeTheRequestRate()
{
    const QByteArray me = "/api/auth/me";
    // As the web app's and the desktop's Limits editors: applied at once.
    const RawResponse set = put("/api/activity/limits", R"({"requestsPerSecond":1,"requestBurst":3})");
    QCOMPARE(set.status, 200);
    QCOMPARE(QJsonDocument::fromJson(set.body)[u"requestBurst"_s].toInt(), 3);
    QCOMPARE(burst(me, {m_alice, from("192.0.2.40")}, 4), (QList<int>{200, 200, 200, 429}));

    QCOMPARE(put("/api/activity/limits", R"({"requestBurst":6})").status, 200);
    QCOMPARE(burst(me, {m_alice, from("192.0.2.41")}, 7), (QList<int>{200, 200, 200, 200, 200, 200, 429}));

    // 0 turns it off.
    QCOMPARE(put("/api/activity/limits", R"({"requestsPerSecond":0})").status, 200);
    QCOMPARE(burst(me, {m_alice, from("192.0.2.41")}, 50).count(200), 50);
    // A burst of none would refuse everything: refused itself.
    QCOMPARE(put("/api/activity/limits", R"({"requestBurst":0})").status, 400);
}

void TestDefaultLimitsHttp::defaultRateLetsAnAlbumGridThrough()
{
    // A web page: its calls, then a grid of covers (no art here: 404, but served, not refused).
    const QByteArray address = from("192.0.2.50");
    const QList<int> calls = burst("/api/albums?limit=100", {m_alice, address}, 100);
    QCOMPARE(calls.count(200), 100);
    const QList<int> covers = burst("/api/albums/" + QByteArray::number(m_album) + "/art?size=300", {m_alice, address}, 500);
    QVERIFY2(!covers.contains(429), qPrintable(QString::number(covers.count(429))));
    QCOMPARE(covers.count(404), 500);

    // A loop firing API calls from one address is stopped.
    const QList<int> flood = burst("/api/auth/me", {m_alice, from("192.0.2.51")}, 400);
    QCOMPARE(flood.mid(0, StreamLimits{}.requestBurst).count(200), StreamLimits{}.requestBurst);
    QVERIFY2(flood.count(429) > 0, qPrintable(QString::number(flood.count(429))));
}

QTEST_MAIN(TestDefaultLimitsHttp)
#include "tst_default_limits_http.moc"
