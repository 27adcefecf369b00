// The web app's administration extras over HTTP (issue 12): the files the scanner could not
// read (GET /api/scan/errors) and the operator's stream limits (GET/PUT /api/activity/limits),
// applied at once to new streams. Real server, real scan, real users: an administrator "root"
// and a listener "alice" who may not administer.

#include "AuthServer.h"
#include "MediaFixtures.h"
#include "StreamReader.h"
#include "TestServer.h"
#include "activity/ActivityRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestAdminExtrasHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scanErrorsListed();
    void scanErrorsBadLimit_data();
    void scanErrorsBadLimit();
    void adminOnly_data();
    void adminOnly();
    void limitsRoundTrip();
    void limitsApplyToNewStreams();
    void badLimitsChangeNothing_data();
    void badLimitsChangeNothing();

private:
    RawResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {});
    QJsonObject json(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                     int expectedStatus = 200);

    TestServer m_server;
    QByteArray m_root, m_alice;
};

void TestAdminExtrasHttp::initTestCase()
{
    QCOMPARE(makeAudio(m_server.libraryPath(u"one.wav"_s), 20), QString());   // 3.5 MB: more than socket buffers hold
    QFile bad(m_server.libraryPath(u"bad.mp3"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    QVERIFY(bad.write(QByteArray(4096, '\x5a')) == 4096);   // not audio at all
    bad.close();

    TestServerOptions options;
    options.scanFirst = true;
    options.auth = true;
    options.activity = true;
    QCOMPARE(m_server.start(options), QString());
    UserChanges root;
    root.name = u"root"_s;
    root.password = u"root-Secret-1"_s;
    root.admin = true;
    UserChanges alice;
    alice.name = u"alice"_s;
    alice.password = u"alice-Pass-22"_s;
    alice.admin = false;
    alice.folderIds = QList<qint64>{m_server.libraryFolderId()};
    const qint64 rootId = m_server.addUser(root);
    const qint64 aliceId = m_server.addUser(alice);
    QVERIFY(rootId && aliceId);
    m_root = bearer(m_server.tokenFor(rootId));
    m_alice = bearer(m_server.tokenFor(aliceId));
}

RawResponse TestAdminExtrasHttp::call(const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    return request(m_server.port(), method, target, {m_root}, body);
}

QJsonObject TestAdminExtrasHttp::json(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                      int expectedStatus)
{
    const RawResponse r = call(method, target, body);
    if (r.status != expectedStatus)
        qWarning() << method << target << r.status << r.body;
    return r.status == expectedStatus ? QJsonDocument::fromJson(r.body).object()
                                      : QJsonObject{{u"unexpected status"_s, r.status}};
}

void TestAdminExtrasHttp::scanErrorsListed()
{
    const QJsonObject page = json("GET", "/api/scan/errors");
    QCOMPARE(page.value(u"total"_s).toInt(), 1);
    const QJsonArray items = page.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject error = items.at(0).toObject();
    QCOMPARE(error.value(u"path"_s).toString(), m_server.libraryPath(u"bad.mp3"_s));
    QVERIFY(!error.value(u"reason"_s).toString().isEmpty());
    const QDateTime at = QDateTime::fromString(error.value(u"at"_s).toString(), Qt::ISODate);
    QVERIFY2(at.isValid(), qPrintable(error.value(u"at"_s).toString()));
    QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 600);

    QCOMPARE(json("GET", "/api/scan/errors?limit=1").value(u"items"_s).toArray().size(), 1);
}

void TestAdminExtrasHttp::scanErrorsBadLimit_data()
{
    QTest::addColumn<QByteArray>("limit");
    for (const QByteArray limit : {"0", "1001", "-1", "abc", "1.5", ""})
        QTest::newRow(limit.isEmpty() ? "empty" : limit.constData()) << limit;
}

void TestAdminExtrasHttp::scanErrorsBadLimit()
{
    QFETCH(QByteArray, limit);
    const RawResponse r = call("GET", "/api/scan/errors?limit=" + limit);
    QCOMPARE(r.status, 400);
    QVERIFY(QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString().contains(u"limit"_s));
}

void TestAdminExtrasHttp::adminOnly_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("scan errors") << "GET"_ba << "/api/scan/errors"_ba << QByteArray();
    QTest::newRow("limits") << "GET"_ba << "/api/activity/limits"_ba << QByteArray();
    QTest::newRow("limits edited") << "PUT"_ba << "/api/activity/limits"_ba << R"({"maxStreams":1})"_ba;
}

void TestAdminExtrasHttp::adminOnly()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    const StreamLimits before = m_server.activity()->limits();
    QCOMPARE(request(m_server.port(), method, target, {m_alice}, body).status, 403);
    QCOMPARE(request(m_server.port(), method, target, {}, body).status, 401);
    QCOMPARE(m_server.activity()->limits(), before);
}

namespace {

// The limits' JSON: the fields given, the defaults for the others.
QJsonObject limitsJson(const QJsonObject &changed = {})
{
    QJsonObject json{{u"maxStreams"_s, 0},          {u"maxStreamsPerUser"_s, 8}, {u"maxHlsSessionsPerUser"_s, 4},
                     {u"totalKBps"_s, 0},           {u"streamKBps"_s, 0},        {u"retryAfterSeconds"_s, 30},
                     {u"requestsPerSecond"_s, 50},  {u"requestBurst"_s, 200}};
    for (auto it = changed.begin(); it != changed.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

void TestAdminExtrasHttp::limitsRoundTrip()
{
    QCOMPARE(json("GET", "/api/activity/limits"), limitsJson());
    const QJsonObject set = json("PUT", "/api/activity/limits", R"({"maxStreamsPerUser":2,"totalKBps":8000,"streamKBps":500})");
    const QJsonObject expected = limitsJson({{u"maxStreamsPerUser"_s, 2}, {u"totalKBps"_s, 8000}, {u"streamKBps"_s, 500}});
    QCOMPARE(set, expected);
    QCOMPARE(json("GET", "/api/activity/limits"), expected);
    const StreamLimits applied = m_server.activity()->limits();
    QCOMPARE(applied.maxStreamsPerUser, 2);
    QCOMPARE(applied.totalBytesPerSecond, Q_INT64_C(8000000));
    QCOMPARE(applied.streamBytesPerSecond, Q_INT64_C(500000));

    // Only the fields sent change; 0 lifts a limit again.
    QCOMPARE(json("PUT", "/api/activity/limits", R"({"maxStreamsPerUser":0,"totalKBps":0,"streamKBps":0})"),
             limitsJson({{u"maxStreamsPerUser"_s, 0}}));
    QCOMPARE(m_server.activity()->limits().maxStreamsPerUser, 0);
    // The new caps of issue 15 round-trip the same way.
    QCOMPARE(json("PUT", "/api/activity/limits",
                  R"({"maxStreamsPerUser":8,"maxHlsSessionsPerUser":2,"requestsPerSecond":10,"requestBurst":40})"),
             limitsJson({{u"maxHlsSessionsPerUser"_s, 2}, {u"requestsPerSecond"_s, 10}, {u"requestBurst"_s, 40}}));
    QCOMPARE(m_server.activity()->limits().maxHlsSessionsPerUser, 2);
    QCOMPARE(m_server.activity()->limits().requestBurst, 40);
    QCOMPARE(json("PUT", "/api/activity/limits", R"({"maxHlsSessionsPerUser":4,"requestsPerSecond":50,"requestBurst":200})"),
             limitsJson());
    QCOMPARE(m_server.activity()->limits(), StreamLimits{});
}

void TestAdminExtrasHttp::limitsApplyToNewStreams()
{
    // The cap keeps the first stream open while the second one asks.
    QCOMPARE(json("PUT", "/api/activity/limits", R"({"maxStreams":1,"streamKBps":64,"retryAfterSeconds":7})").value(u"maxStreams"_s).toInt(), 1);
    const QByteArray stream = m_server.streamPath(u"one.wav"_s);
    StreamReader first(m_server.port(), stream, {m_root}, StreamReader::Mode::Stalled);
    QTRY_VERIFY(first.hasHead());
    QCOMPARE(first.status(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), 1, 10000);
    StreamReader second(m_server.port(), stream, {m_alice}, StreamReader::Mode::Stalled);
    QTRY_VERIFY(second.hasHead());
    QCOMPARE(second.status(), 503);
    QCOMPARE(second.header("Retry-After"), "7"_ba);
    first.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), 0, 10000);
    QCOMPARE(json("PUT", "/api/activity/limits", R"({"maxStreams":0,"streamKBps":0,"retryAfterSeconds":30})").value(u"maxStreams"_s).toInt(), 0);
    QCOMPARE(m_server.activity()->limits(), StreamLimits{});
}

void TestAdminExtrasHttp::badLimitsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");
    QTest::newRow("negative") << R"({"maxStreams":-1})"_ba << u"maxStreams"_s;
    QTest::newRow("text") << R"({"maxStreamsPerUser":"2"})"_ba << u"maxStreamsPerUser"_s;
    QTest::newRow("fractional") << R"({"streamKBps":1.5})"_ba << u"streamKBps"_s;
    QTest::newRow("huge") << R"({"totalKBps":1e15})"_ba << u"totalKBps"_s;
    QTest::newRow("too many streams") << R"({"maxStreams":100001})"_ba << u"maxStreams"_s;
    QTest::newRow("no retry delay") << R"({"retryAfterSeconds":0})"_ba << u"retryAfterSeconds"_s;
    QTest::newRow("empty request bucket") << R"({"requestBurst":0})"_ba << u"requestBurst"_s;
    QTest::newRow("negative video sessions") << R"({"maxHlsSessionsPerUser":-1})"_ba << u"maxHlsSessionsPerUser"_s;
    QTest::newRow("null") << R"({"maxStreams":null})"_ba << u"maxStreams"_s;
    QTest::newRow("unknown field") << R"({"maxStreams":3,"maxBitrate":5})"_ba << u"maxBitrate"_s;
    QTest::newRow("one good, one bad") << R"({"maxStreams":3,"streamKBps":-5})"_ba << u"streamKBps"_s;
    QTest::newRow("not an object") << "[1,2]"_ba << u"object"_s;
    QTest::newRow("not JSON") << "maxStreams=3"_ba << u"object"_s;
}

void TestAdminExtrasHttp::badLimitsChangeNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const StreamLimits before = m_server.activity()->limits();
    const RawResponse r = call("PUT", "/api/activity/limits", body);
    QCOMPARE(r.status, 400);
    const QString error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(error.contains(named), qPrintable(error));
    QCOMPARE(m_server.activity()->limits(), before);
}

QTEST_MAIN(TestAdminExtrasHttp)
#include "tst_admin_extras_http.moc"
