// GET /api/activity/timeline through the real server (issue 19): while a direct stream, a
// download and a transcode run, the samples count them by kind and the outgoing rate is above
// zero; once they end, a later sample counts none. Administrators only (403 for a listener, 401
// without a token), HEAD answers without a body, another method is 405.

#include "MediaFixtures.h"
#include "StreamReader.h"
#include "TestHttpClient.h"
#include "TestServer.h"
#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kIntervalMs = 250;   // the runtime samples every 10 s; a test need not wait that long

// The newest sample of a timeline answer, or an empty object.
QJsonObject newest(const QJsonObject &timeline)
{
    const QJsonArray samples = timeline.value(u"samples"_s).toArray();
    return samples.isEmpty() ? QJsonObject{} : samples.last().toObject();
}

int count(const QJsonObject &sample, const QString &kind)
{
    return sample.value(u"streams"_s).toObject().value(kind).toInt(-1);
}

} // namespace

class TestActivityTimelineHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void samplesCountStreamsByKind();
    void headAnswersWithoutBody();
    void adminOnly_data();
    void adminOnly();
    void otherMethodsRefused_data();
    void otherMethodsRefused();

private:
    QJsonObject timeline();

    TestServer m_server;
    QByteArray m_root, m_alice;
};

void TestActivityTimelineHttp::initTestCase()
{
    // ≈ 10 MB each: more than socket buffers hold, so a stalled client keeps its stream open.
    for (const QString &name : {u"one.wav"_s, u"two.wav"_s, u"three.wav"_s})
        QCOMPARE(makeAudio(m_server.libraryPath(name), 60), QString());
    TestServerOptions options;
    options.scanFirst = true;
    options.auth = true;
    options.activity = true;
    options.transcoding = true;
    options.timelineIntervalMs = kIntervalMs;
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

QJsonObject TestActivityTimelineHttp::timeline()
{
    const TestHttpResponse r = request(m_server.port(), "GET", "/api/activity/timeline", {m_root});
    if (r.status != 200)
        qWarning() << "timeline:" << r.status << r.body;
    return r.status == 200 ? QJsonDocument::fromJson(r.body).object() : QJsonObject{};
}

void TestActivityTimelineHttp::samplesCountStreamsByKind()
{
    const quint16 port = m_server.port();
    const QJsonObject idle = timeline();
    QCOMPARE(idle.value(u"intervalSeconds"_s).toDouble(), kIntervalMs / 1000.0);
    QVERIFY(!idle.value(u"samples"_s).toArray().isEmpty());   // sampled once when it started
    QCOMPARE(count(newest(idle), u"direct"_s), 0);

    std::vector<std::unique_ptr<StreamReader>> readers;
    // The direct stream is read (slowly), so its rate is above zero; the other two stall.
    readers.push_back(std::make_unique<StreamReader>(port, m_server.streamPath(u"one.wav"_s), QList<QByteArray>{m_root},
                                                     StreamReader::Mode::Slow, 200 * 1024));
    const QByteArray track = QByteArray::number(m_server.trackIdFor(u"two.wav"_s));
    readers.push_back(std::make_unique<StreamReader>(port, "/api/tracks/" + track + "/download", QList<QByteArray>{m_root},
                                                     StreamReader::Mode::Stalled));
    const QByteArray third = QByteArray::number(m_server.trackIdFor(u"three.wav"_s));
    // WAV out (≈ 10 MB): more than socket buffers hold, so FFmpeg's stream stays open too.
    readers.push_back(std::make_unique<StreamReader>(port, "/api/tracks/" + third + "/transcode?format=wav",
                                                     QList<QByteArray>{m_alice}, StreamReader::Mode::Stalled));
    for (const auto &r : readers)
        QTRY_VERIFY_WITH_TIMEOUT(r->hasHead(), 20000);
    for (const auto &r : readers)
        QCOMPARE(r->status(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), 3, 10000);
    const QDateTime allLive = QDateTime::currentDateTimeUtc();

    // A sample taken with all three live, while the direct stream is measured moving.
    QJsonObject sample;
    const auto takenSince = [](const QJsonObject &s, const QDateTime &since) {
        return QDateTime::fromString(s.value(u"at"_s).toString(), Qt::ISODateWithMs) > since;
    };
    QTRY_VERIFY_WITH_TIMEOUT((sample = newest(timeline()), takenSince(sample, allLive)
                              && sample.value(u"bytesPerSecond"_s).toInteger() > 0),
                             15000);
    QCOMPARE(m_server.activity()->activeCount(), 3);
    QCOMPARE(count(sample, u"direct"_s), 1);
    QCOMPARE(count(sample, u"download"_s), 1);
    QCOMPARE(count(sample, u"transcode"_s), 1);
    QCOMPARE(count(sample, u"hls"_s), 0);
    QCOMPARE(sample.value(u"streams"_s).toObject().size(), 4);
    const QDateTime at = QDateTime::fromString(sample.value(u"at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(at.isValid() && at.timeSpec() == Qt::UTC, qPrintable(sample.value(u"at"_s).toString()));
    QVERIFY(qAbs(at.msecsTo(QDateTime::currentDateTimeUtc())) < 10000);

    // Oldest first, one interval apart (give or take the timer), never more than the ring holds.
    const QJsonArray samples = timeline().value(u"samples"_s).toArray();
    QVERIFY(samples.size() >= 2);
    QVERIFY(samples.size() <= m_server.activityTimeline()->capacity());
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const QDateTime before = QDateTime::fromString(samples.at(i - 1)[u"at"_s].toString(), Qt::ISODateWithMs);
        const QDateTime after = QDateTime::fromString(samples.at(i)[u"at"_s].toString(), Qt::ISODateWithMs);
        QVERIFY2(before < after, qPrintable(before.toString(Qt::ISODateWithMs)));
    }

    // Once the clients are gone, a later sample counts nothing.
    readers.clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity()->activeCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT((sample = newest(timeline()), sample.value(u"streams"_s).toObject()
                              == QJsonObject{{u"direct"_s, 0}, {u"download"_s, 0}, {u"transcode"_s, 0}, {u"hls"_s, 0}}),
                             10000);
    QCOMPARE(sample.value(u"bytesPerSecond"_s).toInteger(), 0);
}

void TestActivityTimelineHttp::headAnswersWithoutBody()
{
    const TestHttpResponse get = request(m_server.port(), "GET", "/api/activity/timeline", {m_root});
    QCOMPARE(get.status, 200);
    const TestHttpResponse head = request(m_server.port(), "HEAD", "/api/activity/timeline", {m_root});
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QVERIFY(head.header("Content-Type").startsWith("application/json"));
}

void TestActivityTimelineHttp::adminOnly_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("GET") << "GET"_ba;
    QTest::newRow("HEAD") << "HEAD"_ba;
}

void TestActivityTimelineHttp::adminOnly()
{
    QFETCH(QByteArray, method);
    const TestHttpResponse listener = request(m_server.port(), method, "/api/activity/timeline", {m_alice});
    QCOMPARE(listener.status, 403);
    if (method == "GET")
        QVERIFY(!listener.body.contains("samples"));
    QCOMPARE(request(m_server.port(), method, "/api/activity/timeline").status, 401);
    QCOMPARE(request(m_server.port(), method, "/api/activity/timeline", {bearer("not-a-real-token-but-long-enough-00000")}).status,
             401);
}

void TestActivityTimelineHttp::otherMethodsRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    for (const char *method : {"POST", "PUT", "DELETE"})
        QTest::newRow(method) << QByteArray(method);
}

void TestActivityTimelineHttp::otherMethodsRefused()
{
    QFETCH(QByteArray, method);
    const TestHttpResponse r = request(m_server.port(), method, "/api/activity/timeline", {m_root}, "{}");
    QCOMPARE(r.status, 405);
    QVERIFY(r.header("Allow").contains("GET"));
}

QTEST_MAIN(TestActivityTimelineHttp)
#include "tst_activity_timeline_http.moc"
