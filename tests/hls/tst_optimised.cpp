// Optimised versions over HTTP from the running server: an administrator queues a video's or a
// folder's variants, the background queue makes them with one FFmpeg that steps aside while a
// player needs a live transcode, HLS sessions then read the segments without any FFmpeg, a
// version is cancelled and deleted with nothing left, and the store's bound refuses work.

#include "HlsServer.h"
#include "HlsTestClient.h"
#include "MediaFixtures.h"
#include "TestHttpClient.h"
#include "ffmpeg/FfmpegQueue.h"
#include "hls/OptimiseQueue.h"
#include "hls/OptimisedStore.h"
#include "hls/SegmentKey.h"
#include "transcode/VideoPreset.h"
#include "transcode/TranscodeService.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kClipSeconds = 20;   // 854×480: 360p and 480p, 4 segments of 6 s
constexpr int kLongSeconds = 90;   // 640×360: 360p only, 15 segments
constexpr int kQuietMs = 1500;

QJsonObject jsonOf(const TestHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A 60 s, 640x360 film as the queue sees it (no catalog), with one variant made from `preset`.
HlsSessionSource filmSource(const QString &path, const VideoPreset &preset, bool withAudio)
{
    HlsSessionSource source;
    source.trackId = 7;
    source.path = path;
    source.size = QFileInfo(path).size();
    source.mtime = QFileInfo(path).lastModified().toUTC();
    source.title = u"Film"_s;
    source.timeline = SegmentTimeline(60000, 6);
    source.variants = {variantFor(preset, 640, 360, withAudio)};
    return source;
}

FfmpegQueueSettings twoSlots()
{
    FfmpegQueueSettings limits;
    limits.maxConcurrent = 2;
    return limits;
}

// Nobody else uses FFmpeg in these tests: no quiet time to wait for.
OptimiseSettings atOnce()
{
    OptimiseSettings settings;
    settings.quietMs = 0;
    settings.tickMs = 50;
    return settings;
}

} // namespace

class TestOptimised : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badRequestsAreRefused_data();
    void badRequestsAreRefused();
    void madeVersionIsServedWithoutFfmpeg();
    void stepsAsideForALiveTranscode();
    void cancelLeavesNothingBehind();
    void folderQueuesItsVideos();
    void fullStoreRefusesWork();
    void unfinishedVersionResumesAfterARestart();
    void storeFilledWhileMakingFailsCleanly();

private:
    TestHttpResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                          const QByteArray &user = {})
    {
        QList<QByteArray> headers;
        if (!user.isEmpty())
            headers << "X-Test-User: " + user;
        return request(m_server.port(), method, target, headers, body);
    }
    // The key of the variant of `video` at `resolution` ("854x480"), from its master playlist.
    QString variantKey(qint64 video, const QString &resolution);
    // Polls the version until `state` (or failed); its last JSON.
    QJsonObject waitFor(const QString &id, const QString &state, int timeoutMs = 120000);

    HlsServer m_server;
    qint64 m_clip = 0;
    qint64 m_long = 0;
    qint64 m_song = 0;
};

void TestOptimised::initTestCase()
{
    QCOMPARE(makeVideo(m_server.libraryPath(u"clip.mp4"_s), kClipSeconds, 854, 480), QString());
    QCOMPARE(makeVideo(m_server.libraryPath(u"long.mp4"_s), kLongSeconds, 640, 360), QString());
    QCOMPARE(makeAudio(m_server.libraryPath(u"song.mp3"_s), 3), QString());
    HlsServerOptions options;
    options.optimised = true;
    options.optimise.quietMs = kQuietMs;
    options.optimise.tickMs = 100;
    options.hls.producerIdleMs = 1000;
    options.hls.aheadSegments = 2;
    QCOMPARE(m_server.start(options), QString());
    m_clip = m_server.trackIdFor(u"clip.mp4"_s);
    m_long = m_server.trackIdFor(u"long.mp4"_s);
    m_song = m_server.trackIdFor(u"song.mp3"_s);
    QVERIFY(m_clip > 0 && m_long > 0 && m_song > 0);
}

QString TestOptimised::variantKey(qint64 video, const QString &resolution)
{
    const auto r = request(m_server.port(), "GET", masterPath(video));
    for (const MasterEntry &e : parseMaster(r.body))
        if (e.resolution == resolution && !e.uri.contains(u"/original/"_s))
            return sessionOf(e.uri).variant;
    return {};
}

QJsonObject TestOptimised::waitFor(const QString &id, const QString &state, int timeoutMs)
{
    QJsonObject last;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        last = jsonOf(call("GET", "/api/optimised/" + id.toLatin1()));
        if (last.value(u"state"_s).toString() == state || last.value(u"state"_s).toString() == u"failed"_s)
            return last;
        QTest::qWait(100);
    }
    return last;
}

void TestOptimised::badRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray clip = "/api/videos/" + QByteArray::number(m_clip) + "/optimised";
    QTest::newRow("not an administrator") << QByteArray("POST") << clip << QByteArray() << QByteArray("viewer") << 403
                                          << QString();
    QTest::newRow("list, not an administrator")
        << QByteArray("GET") << QByteArray("/api/optimised") << QByteArray() << QByteArray("viewer") << 403 << QString();
    QTest::newRow("delete, not an administrator") << QByteArray("DELETE") << QByteArray("/api/optimised/v0")
                                                  << QByteArray() << QByteArray("viewer") << 403 << QString();
    QTest::newRow("no such variant") << QByteArray("POST") << clip << QByteArray(R"({"variants":["999"]})")
                                     << QByteArray() << 400 << u"has no variant '999'"_s;
    QTest::newRow("variants not a list") << QByteArray("POST") << clip << QByteArray(R"({"variants":"3"})")
                                         << QByteArray() << 400 << u"'variants' must be"_s;
    QTest::newRow("empty variants") << QByteArray("POST") << clip << QByteArray(R"({"variants":[]})") << QByteArray()
                                    << 400 << u"'variants' must be"_s;
    QTest::newRow("unknown field") << QByteArray("POST") << clip << QByteArray(R"({"variant":["3"]})") << QByteArray()
                                   << 400 << u"variant"_s;
    QTest::newRow("not JSON") << QByteArray("POST") << clip << QByteArray("{variants") << QByteArray() << 400
                              << QString();
    QTest::newRow("no such video") << QByteArray("POST") << QByteArray("/api/videos/999999/optimised") << QByteArray()
                                   << QByteArray() << 404 << QString();
    QTest::newRow("a song") << QByteArray("POST") << "/api/videos/" + QByteArray::number(m_song) + "/optimised"
                            << QByteArray() << QByteArray() << 404 << QString();
    QTest::newRow("no such folder") << QByteArray("POST") << QByteArray("/api/folders/999999/optimised")
                                    << QByteArray() << QByteArray() << 404 << u"no such library folder"_s;
    QTest::newRow("bad folder id") << QByteArray("POST") << QByteArray("/api/folders/x/optimised") << QByteArray()
                                   << QByteArray() << 400 << QString();
    QTest::newRow("no such version") << QByteArray("GET") << QByteArray("/api/optimised/v0") << QByteArray()
                                     << QByteArray() << 404 << QString();
    QTest::newRow("delete no such version") << QByteArray("DELETE") << QByteArray("/api/optimised/../../etc")
                                            << QByteArray() << QByteArray() << 404 << QString();
}

void TestOptimised::badRequestsAreRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, user);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto r = call(method, target, body, user);
    QCOMPARE(r.status, status);
    if (!message.isEmpty())
        QVERIFY2(QString::fromUtf8(r.body).contains(message), r.body.constData());
    // Nothing was queued, nothing written.
    QCOMPARE(jsonOf(call("GET", "/api/optimised")).value(u"versions"_s).toArray().size(), 0);
    QCOMPARE(m_server.optimiser()->store().usedBytes(), 0);
}

void TestOptimised::madeVersionIsServedWithoutFfmpeg()
{
    const QString key = variantKey(m_clip, u"854x480"_s);
    QVERIFY(!key.isEmpty());
    const auto queued = call("POST", "/api/videos/" + QByteArray::number(m_clip) + "/optimised",
                             R"({"variants":[")" + key.toLatin1() + R"("]})");
    QCOMPARE(queued.status, 202);
    const QJsonArray versions = jsonOf(queued).value(u"versions"_s).toArray();
    QCOMPARE(versions.size(), 1);
    const QJsonObject first = versions.at(0).toObject();
    const QString id = first.value(u"id"_s).toString();
    QCOMPARE(first.value(u"videoId"_s).toInteger(), m_clip);
    QCOMPARE(first.value(u"segments"_s).toInt(), 4);
    QCOMPARE(first.value(u"variant"_s).toObject().value(u"height"_s).toInt(), 480);

    const QJsonObject done = waitFor(id, u"done"_s);
    QCOMPARE(done.value(u"state"_s).toString(), u"done"_s);
    QCOMPARE(done.value(u"segmentsDone"_s).toInt(), 4);
    QCOMPARE(done.value(u"progress"_s).toDouble(), 1.0);
    QVERIFY(done.value(u"bytes"_s).toInteger() > 10000);
    const QJsonObject listed = jsonOf(call("GET", "/api/optimised"));
    QCOMPARE(listed.value(u"store"_s).toObject().value(u"usedBytes"_s).toInteger(), done.value(u"bytes"_s).toInteger());
    // Asking again changes nothing.
    const auto again = call("POST", "/api/videos/" + QByteArray::number(m_clip) + "/optimised",
                            R"({"variants":[")" + key.toLatin1() + R"("]})");
    QCOMPARE(again.status, 202);
    QCOMPARE(jsonOf(again).value(u"versions"_s).toArray().at(0).toObject().value(u"state"_s).toString(), u"done"_s);
    // Without a body, the video's top variant: the same version.
    const auto top = call("POST", "/api/videos/" + QByteArray::number(m_clip) + "/optimised");
    QCOMPARE(top.status, 202);
    QCOMPARE(jsonOf(top).value(u"versions"_s).toArray().at(0).toObject().value(u"id"_s).toString(), id);

    // A player's session: every segment of the variant comes from the store, no FFmpeg starts.
    const quint64 started = m_server.transcoding()->jobs().started();
    const auto master = request(m_server.port(), "GET", masterPath(m_clip));
    QString variantUri;
    for (const MasterEntry &e : parseMaster(master.body))
        if (e.resolution == u"854x480"_s && !e.uri.contains(u"/original/"_s))
            variantUri = e.uri;
    QVERIFY(!variantUri.isEmpty());
    const auto playlist = request(m_server.port(), "GET", variantUri.toLatin1());
    QCOMPARE(playlist.status, 200);
    const QDir store(QDir(m_server.workPath(u"optimised"_s)).filePath(id));
    const auto init = request(m_server.port(), "GET", mapUri(playlist.body).toLatin1());
    QCOMPARE(init.status, 200);
    QFile storedInit(store.filePath(u"init.mp4"_s));
    QVERIFY(storedInit.open(QIODevice::ReadOnly));
    QCOMPARE(init.body, storedInit.readAll());
    const QStringList segments = mediaUris(playlist.body);
    QCOMPARE(segments.size(), 4);
    for (int i = 0; i < segments.size(); ++i) {
        const auto segment = request(m_server.port(), "GET", segments.at(i).toLatin1());
        QCOMPARE(segment.status, 200);
        QFile stored(store.filePath(u"%1.m4s"_s.arg(i)));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(segment.body, stored.readAll());
    }
    QTest::qWait(300);   // a prefetch would start by now
    QCOMPARE(m_server.transcoding()->jobs().started(), started);
    QCOMPARE(m_server.hls().runningProducers(), 0);
    // And a real reader takes the variant through from start to end.
    QCOMPARE(decodeWarnings(u"http://127.0.0.1:%1%2"_s.arg(m_server.port()).arg(variantUri)), QByteArray());
}

void TestOptimised::stepsAsideForALiveTranscode()
{
    // The 480p version of the clip is made; its 360p one is not: a player of that one needs FFmpeg.
    const QString liveKey = variantKey(m_clip, u"640x360"_s);
    const auto queued = call("POST", "/api/videos/" + QByteArray::number(m_long) + "/optimised");
    QCOMPARE(queued.status, 202);
    const QString id = jsonOf(queued).value(u"versions"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QCOMPARE(waitFor(id, u"running"_s).value(u"state"_s).toString(), u"running"_s);

    // A player starts the 360p variant of the clip: a live transcode.
    const auto master = request(m_server.port(), "GET", masterPath(m_clip) + "?format=fmp4");
    QString liveUri;
    for (const MasterEntry &e : parseMaster(master.body))
        if (e.resolution == u"640x360"_s)
            liveUri = e.uri;
    QVERIFY(!liveUri.isEmpty());
    QCOMPARE(sessionOf(liveUri).variant, liveKey);
    const auto playlist = request(m_server.port(), "GET", liveUri.toLatin1());
    const auto segment = request(m_server.port(), "GET", mediaUris(playlist.body).at(0).toLatin1());
    QCOMPARE(segment.status, 200);
    // The background version stepped aside, and stays paused while the player's FFmpeg runs.
    QCOMPARE(waitFor(id, u"paused"_s, 5000).value(u"state"_s).toString(), u"paused"_s);
    // Once the player's FFmpeg is done and things are quiet, it resumes where it was and ends.
    const QJsonObject done = waitFor(id, u"done"_s, 180000);
    QCOMPARE(done.value(u"state"_s).toString(), u"done"_s);
    QCOMPARE(done.value(u"segmentsDone"_s).toInt(), 15);
    const auto variant = call("GET", "/api/optimised/" + id.toLatin1());
    QCOMPARE(jsonOf(variant).value(u"error"_s).toString(), QString());
    QCOMPARE(call("DELETE", "/api/optimised/" + id.toLatin1()).status, 204);
}

void TestOptimised::cancelLeavesNothingBehind()
{
    // Only the clip's 480p version is left (the last test's goes on the queue's thread).
    QTRY_COMPARE(m_server.optimiser()->store().usedBytes(),
                 jsonOf(call("GET", "/api/optimised")).value(u"versions"_s).toArray().at(0).toObject().value(u"bytes"_s).toInteger());
    const quint64 before = m_server.optimiser()->store().usedBytes();
    const auto queued = call("POST", "/api/videos/" + QByteArray::number(m_long) + "/optimised");
    QCOMPARE(queued.status, 202);
    const QString id = jsonOf(queued).value(u"versions"_s).toArray().at(0).toObject().value(u"id"_s).toString();
    QCOMPARE(waitFor(id, u"running"_s).value(u"state"_s).toString(), u"running"_s);
    const QString dir = QDir(m_server.workPath(u"optimised"_s)).filePath(id);
    QTRY_VERIFY(QDir(dir).exists());
    QCOMPARE(call("DELETE", "/api/optimised/" + id.toLatin1()).status, 204);
    QCOMPARE(call("GET", "/api/optimised/" + id.toLatin1()).status, 404);
    QTRY_VERIFY(!QDir(dir).exists());
    QTRY_COMPARE(m_server.transcoding()->jobs().running(), 0);   // its FFmpeg was killed
    QCOMPARE(quint64(m_server.optimiser()->store().usedBytes()), before);
    QCOMPARE(call("DELETE", "/api/optimised/" + id.toLatin1()).status, 404);
}

void TestOptimised::folderQueuesItsVideos()
{
    const QString key = variantKey(m_long, u"640x360"_s);
    const auto queued = call("POST", "/api/folders/" + QByteArray::number(m_server.libraryFolderId()) + "/optimised",
                             R"({"variants":[")" + key.toLatin1() + R"("]})");
    QCOMPARE(queued.status, 202);
    const QJsonObject answer = jsonOf(queued);
    QList<qint64> videos;
    for (const QJsonValue &v : answer.value(u"versions"_s).toArray())
        videos << v.toObject().value(u"videoId"_s).toInteger();
    std::sort(videos.begin(), videos.end());
    QList<qint64> expected{m_clip, m_long};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(videos, expected);   // both videos, not the song
    QCOMPARE(answer.value(u"skipped"_s).toArray().size(), 0);
    for (const QJsonValue &v : answer.value(u"versions"_s).toArray())
        QCOMPARE(call("DELETE", "/api/optimised/" + v.toObject().value(u"id"_s).toString().toLatin1()).status, 204);
    QTRY_COMPARE(jsonOf(call("GET", "/api/optimised")).value(u"versions"_s).toArray().size(), 1);   // the 480p clip
}

void TestOptimised::fullStoreRefusesWork()
{
    HlsServer small;
    QCOMPARE(makeVideo(small.libraryPath(u"film.mp4"_s), 60, 640, 360), QString());
    HlsServerOptions options;
    options.optimised = true;
    options.optimisedStoreBytes = 1 << 20;
    QCOMPARE(small.start(options), QString());
    const qint64 film = small.trackIdFor(u"film.mp4"_s);
    const auto r = request(small.port(), "POST", "/api/videos/" + QByteArray::number(film) + "/optimised");
    QCOMPARE(r.status, 507);
    QVERIFY2(r.body.contains("optimised/storeMiB"), r.body.constData());
    QCOMPARE(jsonOf(request(small.port(), "GET", "/api/optimised")).value(u"versions"_s).toArray().size(), 0);
    QCOMPARE(QDir(small.workPath(u"optimised"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

void TestOptimised::unfinishedVersionResumesAfterARestart()
{
    QTemporaryDir dir;
    const QString film = dir.filePath(u"film.mp4"_s);
    QCOMPARE(makeVideo(film, 60, 640, 360), QString());
    const HlsSessionSource source = filmSource(film, VideoPreset{3, u"360p"_s, 640, 360, 600, 96}, true);
    FfmpegQueue limiter(twoSlots());
    const OptimiseSettings settings = atOnce();
    const QString storeDir = dir.filePath(u"optimised"_s);
    QString id;
    {
        OptimisedStore store(storeDir, 1LL << 30);
        OptimiseQueue queue(store, limiter, settings);
        const auto added = queue.add(source, u"admin"_s);
        QVERIFY(added);
        id = added->id;
        QTRY_VERIFY_WITH_TIMEOUT(queue.version(id)->segmentsDone >= 3, 60000);
        QCOMPARE(queue.version(id)->state, OptimisedVersion::State::Running);
    }   // the server stops while FFmpeg makes it
    QCOMPARE(limiter.running(), 0);
    // A directory that is not a version, and one whose manifest is damaged: both go at the start.
    QVERIFY(QDir(storeDir).mkpath(u"junk"_s));
    QVERIFY(QDir(storeDir).mkpath(u"v0123456789abcdef0123456789abcdef"_s));
    QFile damaged(QDir(storeDir).filePath(u"v0123456789abcdef0123456789abcdef/version.json"_s));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"layout\":1,");
    damaged.close();
    {
        OptimisedStore store(storeDir, 1LL << 30);
        OptimiseQueue queue(store, limiter, settings);
        QCOMPARE(queue.versions().size(), 1);
        const OptimisedVersion resumed = queue.versions().constFirst();
        QCOMPARE(resumed.id, id);
        QCOMPARE(resumed.source.title, u"Film"_s);
        QVERIFY(resumed.segmentsDone >= 3);
        QVERIFY(resumed.isPending());
        QTRY_COMPARE_WITH_TIMEOUT(queue.version(id)->state, OptimisedVersion::State::Done, 120000);
        QCOMPARE(queue.version(id)->segmentsDone, 10);
        QCOMPARE(QDir(storeDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{id});
        // The segments of both runs play as one stream: init, then 0…9, read with no warning.
        QByteArray whole;
        for (int i = kInitSegment; i < 10; ++i) {
            const auto path = store.lookup(source, source.variants.constFirst(), i, settings.x264Preset);
            QVERIFY2(path, qPrintable(QString::number(i)));
            QFile part(*path);
            QVERIFY(part.open(QIODevice::ReadOnly));
            whole += part.readAll();
        }
        QCOMPARE(whole.size(), store.usedBytes());
        QFile joined(dir.filePath(u"joined.mp4"_s));
        QVERIFY(joined.open(QIODevice::WriteOnly));
        joined.write(whole);
        joined.close();
        QCOMPARE(decodeWarnings(joined.fileName()), QByteArray());
        // Timestamps start 10 s in (SegmentArguments.h says why); the ffprobe duration counts from 0.
        const QJsonObject format = ffprobe(joined.fileName()).value(u"format"_s).toObject();
        const double seconds = format.value(u"duration"_s).toString().toDouble();
        QVERIFY2(qAbs(seconds - 70.0) < 0.2, qPrintable(QString::number(seconds)));
    }
    // The film is replaced: its version no longer serves anything and says why.
    QFile replaced(film);
    QVERIFY(replaced.open(QIODevice::ReadWrite));
    QVERIFY(replaced.setFileTime(QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
    replaced.close();
    OptimisedStore store(storeDir, 1LL << 30);
    OptimiseQueue queue(store, limiter, settings);
    QCOMPARE(queue.version(id)->state, OptimisedVersion::State::Outdated);
}

void TestOptimised::storeFilledWhileMakingFailsCleanly()
{
    // A variant whose estimate fits (1 kbit/s: no encoder gets that low) and whose real output
    // does not: the store fills while FFmpeg makes it.
    QTemporaryDir dir;
    const QString film = dir.filePath(u"film.mp4"_s);
    QCOMPARE(makeVideo(film, 60, 640, 360), QString());
    const HlsSessionSource source = filmSource(film, VideoPreset{4, u"tiny"_s, 640, 360, 1, 0}, false);
    FfmpegQueue limiter(twoSlots());
    const OptimiseSettings settings = atOnce();
    const QString storeDir = dir.filePath(u"optimised"_s);
    OptimisedStore store(storeDir, 8 * 1024);   // the estimate: 1.05 kbit/s × 60 s = 7.9 kB
    OptimiseQueue queue(store, limiter, settings);
    const auto added = queue.add(source, u"admin"_s);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(queue.version(added->id)->state, OptimisedVersion::State::Failed, 60000);
    QVERIFY2(queue.version(added->id)->error.contains(u"optimised/storeMiB"_s), qPrintable(queue.version(added->id)->error));
    QTRY_COMPARE(limiter.running(), 0);   // its FFmpeg is gone
    QCOMPARE(store.usedBytes(), 0);       // what it made went; only the manifest (why it failed) stays
    QCOMPARE(QDir(QDir(storeDir).filePath(added->id)).entryList(QDir::Files), QStringList{u"version.json"_s});
    // Asked again, it is queued again (and fails again, for the same reason).
    const auto again = queue.add(source, u"admin"_s);
    QVERIFY(again);
    QCOMPARE(again->state, OptimisedVersion::State::Queued);
    QVERIFY(queue.remove(added->id));
    QTRY_VERIFY(!QDir(QDir(storeDir).filePath(added->id)).exists());
}

QTEST_GUILESS_MAIN(TestOptimised)
#include "tst_optimised.moc"
