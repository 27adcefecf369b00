// Previews as FFmpeg queue jobs over real HTTP: the workers keep serving while clips are made,
// a full queue answers 503 + Retry-After, and a client that leaves stops its clip's FFmpeg.
// One FFmpeg slot and one place in the queue make each state easy to reach.

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "ProcessTable.h"
#include "TestServer.h"

#include "http/HttpExchange.h"
#include "preview/VideoPreviews.h"
#include "transcode/TranscodeService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QByteArray previewUrl(qint64 id)
{
    return "/api/videos/"_ba + QByteArray::number(id) + "/preview";
}

} // namespace

class TestPreviewJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void workersServeWhileClipsAreMade();
    void leavingClientStopsItsClip();
    void spriteTilesRespectTheCap();

private:
    FfmpegQueue &jobs() { return m_server.transcoding()->jobs(); }
    QStringList partFiles() const
    {
        return QDir(m_server.transcodeCacheDir()).entryList({u"*.part"_s}, QDir::Files);
    }

    TestServer m_server;
    QList<qint64> m_videos;
};

void TestPreviewJobs::initTestCase()
{
    TestServerOptions options;
    options.previews = true;
    options.maxTranscodes = 1;
    options.ffmpegQueueLength = 1;
    options.guard = [](const Route &, HttpExchange &ex) {
        ex.setIdentity({1, u"tester"_s, false, Visibility::everything()});
        return true;
    };
    QCOMPARE(m_server.start(options), QString());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(makeVideo(m_server.libraryPath(u"v%1.mp4"_s.arg(i)), 40.0, 640, 360), QString());
    QVERIFY(m_server.scan());
    for (int i = 0; i < 4; ++i) {
        m_videos << m_server.trackIdFor(u"v%1.mp4"_s.arg(i));
        QVERIFY(m_videos.last() > 0);
    }
}

void TestPreviewJobs::workersServeWhileClipsAreMade()
{
    HttpTestClient first(m_server.port());
    HttpTestClient second(m_server.port());
    first.sendRequest("GET", previewUrl(m_videos.at(0)));
    QTRY_COMPARE(jobs().running(), 1);
    second.sendRequest("GET", previewUrl(m_videos.at(1)));
    QTRY_COMPARE(jobs().queued(), 1);

    // Both HTTP workers took one of these requests; neither waits for FFmpeg, so they answer.
    for (int i = 0; i < 4; ++i) {
        HttpTestClient client(m_server.port());
        QCOMPARE(client.get("/health").status, 200);
    }
    QCOMPARE(jobs().queued(), 1);   // answered while the second clip still waited

    HttpTestClient third(m_server.port());
    const RawResponse refused = third.get(previewUrl(m_videos.at(2)));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("retry-after"), "5"_ba);
    QVERIFY(!QJsonDocument::fromJson(refused.body).object().value(u"error"_s).toString().isEmpty());

    const RawResponse a = first.read(false, 120000);
    const RawResponse b = second.read(false, 120000);
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QCOMPARE(a.header("content-type"), "video/mp4"_ba);
    QVERIFY(a.body.size() > 1000 && b.body.size() > 1000);
    QVERIFY(partFiles().isEmpty());
}

void TestPreviewJobs::leavingClientStopsItsClip()
{
    QTRY_COMPARE(jobs().running(), 0);
    const quint64 made = m_server.previews()->clipGenerationCount();
    {
        HttpTestClient leaving(m_server.port());
        leaving.sendRequest("GET", previewUrl(m_videos.at(3)));
        QTRY_COMPARE(jobs().running(), 1);
        if (processTableAvailable())
            QTRY_COMPARE(ffmpegChildrenOf(QCoreApplication::applicationPid()).size(), 1);
    }   // the client closes its connection
    QTRY_COMPARE(jobs().running(), 0);
    if (processTableAvailable())
        QTRY_COMPARE(ffmpegChildrenOf(QCoreApplication::applicationPid()).size(), 0);
    QTRY_VERIFY(partFiles().isEmpty());
    QCOMPARE(m_server.previews()->clipGenerationCount(), made);

    // Asked again, it is made from the start and served.
    HttpTestClient again(m_server.port());
    again.sendRequest("GET", previewUrl(m_videos.at(3)));
    const RawResponse r = again.read(false, 120000);
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server.previews()->clipGenerationCount(), made + 1);
}

void TestPreviewJobs::spriteTilesRespectTheCap()
{
    QTRY_COMPARE(jobs().running(), 0);
    const quint64 before = jobs().started();
    HttpTestClient client(m_server.port());
    client.sendRequest("GET", "/api/videos/"_ba + QByteArray::number(m_videos.at(2)) + "/thumbnails/sprite?count=16&width=96");
    // One tile after the other: never more FFmpeg children than the one slot.
    QElapsedTimer clock;
    clock.start();
    while (jobs().started() < before + 16 && !clock.hasExpired(60000)) {
        if (processTableAvailable())
            QVERIFY(ffmpegChildrenOf(QCoreApplication::applicationPid()).size() <= 1);
        QVERIFY(jobs().running() <= 1);
        QTest::qWait(5);
    }
    const RawResponse sprite = client.read(false, 60000);
    QCOMPARE(sprite.status, 200);
    QCOMPARE(sprite.header("content-type"), "image/jpeg"_ba);
    QVERIFY(jobs().started() >= before + 16);   // a run per tile (and none more at once)
}

QTEST_GUILESS_MAIN(TestPreviewJobs)
#include "tst_preview_jobs.moc"
