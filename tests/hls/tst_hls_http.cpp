// HLS over HTTP from the running server: playlists, segments read by ffprobe/ffmpeg, seeking,
// one FFmpeg per session, bad URLs, the session in the activity list, limits and signed URLs.

#include "HlsServer.h"
#include "HlsTestClient.h"
#include "LiveHttpClient.h"
#include "MediaFixtures.h"
#include "ProcessTable.h"
#include "StreamReader.h"
#include "base/NativeCalls.h"
#include "ffmpeg/FfmpegQueue.h"
#include "transcode/TranscodeService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kClipSeconds = 30;      // 854×480: the 360p and 480p variants
constexpr int kLongSeconds = 240;     // 640×360: the 360p variant only, 40 segments

int countSegmentFiles(const QString &dir)
{
    return int(QDir(dir).entryList({u"*.m4s"_s}, QDir::Files).size());
}

// An fMP4 media segment: its first box is a moof (the init segment holds ftyp + moov).
bool isMediaSegment(const QByteArray &body)
{
    return body.size() > 1000 && body.mid(4, 4) == "moof";
}

// The init segment followed by `media`, as a player appends them: what ffprobe can read.
QString withInit(const QString &path, const QByteArray &init, const QByteArray &media)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(init + media);
    return path;
}

} // namespace

class TestHlsHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void masterListsVariantsUpToTheSource();
    void ffprobeReadsEveryVariantOverHttp();
    void ffprobeReadsTheMasterPlaylist();
    void middleSegmentStandsAlone();
    void variantsReadThroughWithoutWarnings_data();
    void variantsReadThroughWithoutWarnings();
    void dashManifestListsTheSessionsSegments();
    void dashManifestReadsThroughWithoutWarnings();
    void originalSegmentsAreTheSourceCutAtItsKeyframes();
    void seekFarAheadStartsThere();
    void aSegmentComesWhileFfmpegWritesIt();
    void oneFfmpegPerSessionWhilePlaying();
    void badUrlsAreRefused_data();
    void badUrlsAreRefused();
    void anotherUsersSessionIsNotFound();
    void headOfMasterOpensNoSession();
    void directPlayKeepsItsRanges();
    void sessionIsOneActivityStreamAndCanBeEnded();
    void idleSessionEndsAndResumes();
    void mpegTsForOldClients();
    void ffmpegPlayersGetMpegTs();
    void ffmpegStopsWhenNobodyAsks();
    void streamLimitRefusesANewSession();
    void queuedSegmentGetsItsBytesWhenASlotFrees();
    void ffmpegQueueRefusesASegment_data();
    void ffmpegQueueRefusesASegment();
    void defaultCapsLimitHlsSessions();
    void settingsChangeTheHlsSessionCap();
    void playlistsCarrySignedUrls();

private:
    QString url(const QString &pathAndQuery) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_server.port()).arg(pathAndQuery);
    }

    QTemporaryDir m_media;
    HlsServer m_server;
    qint64 m_clip = 0;
    qint64 m_long = 0;
    qint64 m_song = 0;
    qint64 m_webm = 0;
};

void TestHlsHttp::initTestCase()
{
    QVERIFY(m_media.isValid());
    QCOMPARE(makeVideo(m_server.libraryPath(u"clip.mp4"_s), kClipSeconds, 854, 480), QString());
    QCOMPARE(makeVideo(m_server.libraryPath(u"long.mp4"_s), kLongSeconds, 640, 360), QString());
    QCOMPARE(makeAudio(m_server.libraryPath(u"song.mp3"_s), 3), QString());
    QCOMPARE(makeVideo(m_server.libraryPath(u"vp8.webm"_s), 4, 320, 240), QString());
    QCOMPARE(makeVideo(m_media.filePath(u"small.mp4"_s), 14, 320, 240), QString());
    QCOMPARE(m_server.start(), QString());
    m_clip = m_server.trackIdFor(u"clip.mp4"_s);
    m_long = m_server.trackIdFor(u"long.mp4"_s);
    m_song = m_server.trackIdFor(u"song.mp3"_s);
    m_webm = m_server.trackIdFor(u"vp8.webm"_s);
    QVERIFY(m_clip > 0 && m_long > 0 && m_song > 0 && m_webm > 0);
}

void TestHlsHttp::masterListsVariantsUpToTheSource()
{
    const LiveResponse r = LiveHttpClient(m_server.port()).request(masterPath(m_clip));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "application/vnd.apple.mpegurl");
    QCOMPARE(r.header("cache-control"), "no-store");
    const QList<MasterEntry> variants = parseMaster(r.body);
    // 360p and 480p, nothing above the 854×480 source; then the H.264/AAC source as it is.
    QCOMPARE(variants.size(), 3);
    QCOMPARE(variants.at(0).resolution, u"640x360"_s);
    QCOMPARE(variants.at(1).resolution, u"854x480"_s);
    QCOMPARE(variants.at(2).resolution, u"854x480"_s);
    QVERIFY(variants.at(2).uri.contains(u"/original/index.m3u8"_s));
    QVERIFY(variants.at(0).bandwidth < variants.at(1).bandwidth);
    // makeVideo encodes with x264's ultrafast preset: Constrained Baseline (42 C0), level 3.0.
    QCOMPARE(variants.at(2).codecs, u"avc1.42c01e,mp4a.40.2"_s);
    for (const MasterEntry &v : variants.first(2)) {
        QVERIFY2(v.codecs.startsWith(u"avc1.64"_s) && v.codecs.endsWith(u",mp4a.40.2"_s), qPrintable(v.codecs));
        QVERIFY(v.uri.startsWith(u"/api/videos/%1/hls/"_s.arg(m_clip)));
        QVERIFY(v.uri.endsWith(u"/index.m3u8"_s));
    }

    const QList<MasterEntry> small = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_long)).body);
    QCOMPARE(small.size(), 2);
    QCOMPARE(small.at(0).resolution, u"640x360"_s);
    QVERIFY(small.at(1).uri.contains(u"/original/"_s));

    // VP8 + Opus cannot go into MPEG-TS as they are: encoded variants only.
    const QList<MasterEntry> webm = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_webm)).body);
    QCOMPARE(webm.size(), 1);
    QCOMPARE(webm.at(0).resolution, u"320x240"_s);
}

void TestHlsHttp::ffprobeReadsEveryVariantOverHttp()
{
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_clip)).body);
    QCOMPARE(variants.size(), 3);
    for (const MasterEntry &v : variants) {
        const bool original = v.uri.contains(u"/original/"_s);
        const QJsonObject probe = ffprobe(url(v.uri));
        const double duration = probe[u"format"_s][u"duration"_s].toString().toDouble();
        QVERIFY2(qAbs(duration - kClipSeconds) <= 1.0, qPrintable(u"%1: %2 s"_s.arg(v.resolution).arg(duration)));
        bool sawVideo = false, sawAudio = false;
        for (const QJsonValue &s : probe[u"streams"_s].toArray()) {
            const QJsonObject stream = s.toObject();
            if (stream[u"codec_type"_s] == u"video"_s) {
                sawVideo = true;
                QCOMPARE(stream[u"codec_name"_s].toString(), u"h264"_s);
                // The original is the source's own stream, not an encode of it.
                QCOMPARE(stream[u"profile"_s].toString(), original ? u"Constrained Baseline"_s : u"High"_s);
                QCOMPARE(u"%1x%2"_s.arg(stream[u"width"_s].toInt()).arg(stream[u"height"_s].toInt()), v.resolution);
            } else if (stream[u"codec_type"_s] == u"audio"_s) {
                sawAudio = true;
                QCOMPARE(stream[u"codec_name"_s].toString(), u"aac"_s);
            }
        }
        QVERIFY(sawVideo && sawAudio);
    }
}

void TestHlsHttp::ffprobeReadsTheMasterPlaylist()
{
    // FFmpeg's HLS reader opens every variant at once: the session serves them one FFmpeg at
    // a time without starving any of them.
    const QJsonObject probe = ffprobe(url(QString::fromLatin1(masterPath(m_clip))));
    QStringList sizes;
    for (const QJsonValue &s : probe[u"streams"_s].toArray())
        if (s[u"codec_type"_s] == u"video"_s)
            sizes << u"%1x%2"_s.arg(s[u"width"_s].toInt()).arg(s[u"height"_s].toInt());
    sizes.sort();
    QCOMPARE(sizes, (QStringList{u"640x360"_s, u"854x480"_s, u"854x480"_s}));
    QVERIFY(qAbs(probe[u"format"_s][u"duration"_s].toString().toDouble() - kClipSeconds) <= 1.0);
}

void TestHlsHttp::middleSegmentStandsAlone()
{
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_clip)).body);
    QCOMPARE(variants.size(), 3);
    const QByteArray playlist = LiveHttpClient(m_server.port()).request(variants.at(1).uri.toUtf8()).body;
    QVERIFY(playlist.contains("#EXT-X-VERSION:7\n"));
    const QStringList segments = mediaUris(playlist);
    QCOMPARE(segments.size(), 5);   // 30 s in 6 s segments
    QVERIFY(segments.at(0).endsWith(u"/0.m4s"_s));
    const LiveResponse init = LiveHttpClient(m_server.port()).request(mapUri(playlist).toUtf8());
    QCOMPARE(init.status, 200);
    QCOMPARE(init.header("content-type"), "video/mp4");
    QCOMPARE(init.body.mid(4, 4), "ftyp");
    QTemporaryDir dir;
    QList<double> starts;
    for (int i = 1; i <= 3; ++i) {
        const LiveResponse r = LiveHttpClient(m_server.port()).request(segments.at(i).toUtf8());
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        QCOMPARE(r.header("content-type"), "video/iso.segment");
        QVERIFY(isMediaSegment(r.body));
        const QString file = withInit(dir.filePath(u"seg%1.mp4"_s.arg(i)), init.body, r.body);
        starts << ffprobe(file)[u"format"_s][u"start_time"_s].toString().toDouble();
    }
    const QString middle = dir.filePath(u"seg2.mp4"_s);
    QVERIFY(firstVideoFrameIsKey(middle));
    QCOMPARE(videoSize(middle), u"854x480"_s);
    // Decodes on its own, without a single error.
    QProcess decode;
    decode.start(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, middle, u"-f"_s, u"null"_s, u"-"_s});
    QVERIFY(decode.waitForFinished(60000));
    QCOMPARE(decode.exitCode(), 0);
    QCOMPARE(decode.readAllStandardError(), QByteArray());
    // Timestamps continue from one segment to the next: each starts one segment later, on the
    // grid (plus the fixed 10 s; the audio's priming packet may start a frame earlier).
    QVERIFY2(qAbs(starts.at(0) - 16.0) < 0.1, qPrintable(QString::number(starts.at(0))));
    QVERIFY2(qAbs(starts.at(1) - starts.at(0) - 6.0) < 0.1, qPrintable(u"%1 → %2"_s.arg(starts.at(0)).arg(starts.at(1))));
    QVERIFY2(qAbs(starts.at(2) - starts.at(1) - 6.0) < 0.1, qPrintable(u"%1 → %2"_s.arg(starts.at(1)).arg(starts.at(2))));
}

void TestHlsHttp::variantsReadThroughWithoutWarnings_data()
{
    QTest::addColumn<int>("variant");   // in the clip's master playlist
    QTest::addColumn<int>("firstSegment");   // fetched before the player reads from the start
    QTest::newRow("encoded 480p") << 1 << 0;
    QTest::newRow("encoded 480p after a seek restart") << 1 << 3;
    QTest::newRow("original (copied)") << 2 << 0;
    QTest::newRow("original after a seek restart") << 2 << 2;
}

// The whole variant read through HLS by FFmpeg: no overlapping or missing timestamps at any
// segment boundary, also when its later segments came from a run restarted at a seek.
void TestHlsHttp::variantsReadThroughWithoutWarnings()
{
    QFETCH(int, variant);
    QFETCH(int, firstSegment);
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_clip)).body);
    QCOMPARE(variants.size(), 3);
    const QString playlistUri = variants.at(variant).uri;
    if (firstSegment > 0) {
        const QStringList segments = mediaUris(LiveHttpClient(m_server.port()).request(playlistUri.toUtf8()).body);
        QVERIFY(firstSegment < segments.size());
        QCOMPARE(LiveHttpClient(m_server.port()).request(segments.at(firstSegment).toUtf8()).status, 200);
    }
    QCOMPARE(decodeWarnings(url(playlistUri)), QByteArray());
}

void TestHlsHttp::dashManifestListsTheSessionsSegments()
{
    const QByteArray path = "/api/videos/" + QByteArray::number(m_clip) + "/dash/manifest.mpd";
    const LiveResponse head = LiveHttpClient(m_server.port()).request(path, {}, -1, "HEAD");
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-type"), "application/dash+xml");
    const LiveResponse r = LiveHttpClient(m_server.port()).request(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "application/dash+xml");
    QCOMPARE(r.header("cache-control"), "no-store");
    const QString mpd = QString::fromUtf8(r.body);
    QVERIFY(mpd.contains(u"type=\"static\""_s));
    QVERIFY(mpd.contains(u"mediaPresentationDuration=\"PT30."_s));
    // The HLS session's own files: the same segments serve both.
    static const QRegularExpression init(u"sourceURL=\"(/api/videos/\\d+/hls/\\w+/(\\w+)/init\\.mp4)\""_s);
    const auto inits = init.globalMatch(mpd);
    QStringList variants;
    for (auto it = inits; it.hasNext();) {
        const auto m = it.next();
        variants << m.captured(2);
        QCOMPARE(LiveHttpClient(m_server.port()).request(m.captured(1).toUtf8()).status, 200);
    }
    QCOMPARE(variants.size(), 3);
    QCOMPARE(variants.constLast(), u"original"_s);
    QCOMPARE(mpd.count(u"<SegmentURL "_s), 5 + 5 + 3);   // 6 s grids; the copy cut every 10 s
}

// Every Representation read as a DASH client appends it: its Initialization, then each
// SegmentURL in order, decoded whole without a warning. (FFmpeg 5.1's own DASH reader gives
// every packet of a Representation one stream index, so it cannot read audio and video muxed
// in one; dash.js can, see tests/web/video-players.test.mjs.)
void TestHlsHttp::dashManifestReadsThroughWithoutWarnings()
{
    const QByteArray path = "/api/videos/" + QByteArray::number(m_clip) + "/dash/manifest.mpd";
    const QString mpd = QString::fromUtf8(LiveHttpClient(m_server.port()).request(path).body);
    QTemporaryDir dir;
    int read = 0;
    for (const QString &part : mpd.split(u"<Representation "_s).mid(1)) {
        static const QRegularExpression url(u"(?:sourceURL|media)=\"([^\"]+)\""_s);
        QByteArray bytes;
        int segments = 0;
        for (auto it = url.globalMatch(part); it.hasNext(); ++segments) {
            const QString uri = it.next().captured(1).replace(u"&amp;"_s, u"&"_s);
            const LiveResponse r = LiveHttpClient(m_server.port()).request(uri.toUtf8());
            QCOMPARE(r.status, 200);
            bytes += r.body;
        }
        QVERIFY(segments >= 4);   // the init and at least three segments
        const QString file = withInit(dir.filePath(u"representation%1.mp4"_s.arg(read++)), {}, bytes);
        QCOMPARE(decodeWarnings(file), QByteArray());
        // Without an edit list the file's duration counts from 0: the 10 s offset, then the clip.
        const double duration = ffprobe(file)[u"format"_s][u"duration"_s].toString().toDouble();
        QVERIFY2(qAbs(duration - 10 - kClipSeconds) <= 0.5, qPrintable(QString::number(duration)));
    }
    QCOMPARE(read, 3);
}

void TestHlsHttp::originalSegmentsAreTheSourceCutAtItsKeyframes()
{
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_long)).body);
    QCOMPARE(variants.size(), 2);
    const QByteArray playlist = LiveHttpClient(m_server.port()).request(variants.at(1).uri.toUtf8()).body;
    const QStringList segments = mediaUris(playlist);
    // x264's default keyframe interval is 250 frames: 10 s at 25 fps, so 10 s segments.
    QCOMPARE(segments.size(), kLongSeconds / 10);
    QVERIFY(playlist.contains("#EXT-X-TARGETDURATION:10\n"));
    const QByteArray init = LiveHttpClient(m_server.port()).request(mapUri(playlist).toUtf8()).body;
    QTemporaryDir dir;
    QList<double> starts;
    for (int i = 11; i <= 12; ++i) {
        const LiveResponse r = LiveHttpClient(m_server.port()).request(segments.at(i).toUtf8());
        QCOMPARE(r.status, 200);
        QVERIFY(isMediaSegment(r.body));
        const QString file = withInit(dir.filePath(u"seg%1.mp4"_s.arg(i)), init, r.body);
        QVERIFY(firstVideoFrameIsKey(file));
        QCOMPARE(videoSize(file), u"640x360"_s);
        starts << ffprobe(file)[u"format"_s][u"start_time"_s].toString().toDouble();
    }
    // The source's own timestamps (plus the fixed 10 s): segment 11 starts at 110 s.
    QVERIFY2(qAbs(starts.at(0) - 120.0) < 0.1, qPrintable(QString::number(starts.at(0))));
    QVERIFY2(qAbs(starts.at(1) - starts.at(0) - 10.0) < 0.1, qPrintable(QString::number(starts.at(1))));
}

void TestHlsHttp::seekFarAheadStartsThere()
{
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_long)).body);
    QCOMPARE(variants.size(), 2);
    const QByteArray playlist = LiveHttpClient(m_server.port()).request(variants.at(0).uri.toUtf8()).body;
    const QStringList segments = mediaUris(playlist);
    QCOMPARE(segments.size(), kLongSeconds / 6);
    // Earlier sessions' FFmpegs may still be running ahead: let them finish first.
    QTRY_VERIFY_WITH_TIMEOUT(m_server.hls().runningProducers() == 0, 120000);
    const int before = countSegmentFiles(m_server.cacheDir());
    const LiveResponse r = LiveHttpClient(m_server.port()).request(segments.at(35).toUtf8());
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    // The init segment comes with the first segment FFmpeg writes: it is there now.
    const LiveResponse init = LiveHttpClient(m_server.port()).request(mapUri(playlist).toUtf8());
    QCOMPARE(init.status, 200);
    QTemporaryDir dir;
    const QString file = withInit(dir.filePath(u"seg35.mp4"_s), init.body, r.body);
    QVERIFY(firstVideoFrameIsKey(file));
    // It is segment 35 (its timestamps say 210 s, plus the fixed 10 s)...
    const double start = ffprobe(file)[u"format"_s][u"start_time"_s].toString().toDouble();
    QVERIFY2(qAbs(start - 220.0) < 0.1, qPrintable(QString::number(start)));
    // ...and FFmpeg started there: at most the five segments from 35 to the end exist.
    QTRY_VERIFY_WITH_TIMEOUT(m_server.hls().runningProducers() == 0, 60000);
    const int made = countSegmentFiles(m_server.cacheDir()) - before;
    QVERIFY2(made >= 1 && made <= 5, qPrintable(QString::number(made)));
}

// A player that seeks gets the segment's first fragments while FFmpeg still encodes the rest:
// the body starts with a whole moof as soon as FFmpeg closed the first one and keeps coming
// for as long as the encode takes, and it is byte for byte the segment served once finished.
// x264 at its slowest on 720p makes a segment take seconds even on a fast machine; before, the
// whole body came at once when the segment was done.
void TestHlsHttp::aSegmentComesWhileFfmpegWritesIt()
{
#if !CAIRN_HAS_GROWING_SEGMENTS
    QSKIP("this build has readers wait for finished segments (Windows, CAIRN_PORTABLE_FALLBACKS)");
#endif
    QTemporaryDir dir;
    HlsServerOptions options;
    options.hls.x264Preset = u"veryslow"_s;
    HlsServer server;
    QCOMPARE(makeVideo(server.libraryPath(u"hd.mp4"_s), 30, 1280, 720), QString());
    QCOMPARE(server.start(options), QString());
    const qint64 video = server.trackIdFor(u"hd.mp4"_s);
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(server.port()).request(masterPath(video)).body);
    QString uri;
    for (const MasterEntry &v : variants)
        if (v.resolution == u"1280x720"_s && !v.uri.contains(u"/original/"_s))
            uri = v.uri;
    QVERIFY2(!uri.isEmpty(), "no encoded 720p variant");
    const QByteArray playlist = LiveHttpClient(server.port()).request(uri.toUtf8()).body;
    const QStringList segments = mediaUris(playlist);
    QCOMPARE(segments.size(), 5);

    QElapsedTimer clock;
    clock.start();
    QList<qint64> arrivals;
    QByteArray body;
    TestHttpClient client(server.port());
    TestHttpClient::ReadOptions read;
    read.framing = TestHttpClient::Framing::Any;
    read.timeoutMs = 120000;
    read.onBody = [&](const QByteArray &piece) {
        arrivals << clock.elapsed();
        body += piece;
        return true;
    };
    const TestHttpResponse r = client.request("GET", segments.at(3).toUtf8(), {}, read);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QVERIFY(body.size() > 8);
    QCOMPARE(body.mid(4, 4), QByteArray("moof"));   // decodable from its first byte
    const qint64 spread = arrivals.constLast() - arrivals.constFirst();
    QVERIFY2(spread >= 300, qPrintable(u"first bytes %1 ms, last %2 ms"_s.arg(arrivals.constFirst()).arg(arrivals.constLast())));

    // The finished segment, asked again (now from the cache), is what came while it grew.
    const LiveResponse again = LiveHttpClient(server.port()).request(segments.at(3).toUtf8());
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body.size(), body.size());
    QVERIFY(again.body == body);
    const LiveResponse init = LiveHttpClient(server.port()).request(mapUri(playlist).toUtf8());
    QCOMPARE(init.status, 200);
    const QString file = withInit(dir.filePath(u"seg3.mp4"_s), init.body, body);
    QCOMPARE(decodeWarnings(file), QByteArray());
    QVERIFY(firstVideoFrameIsKey(file));
}

void TestHlsHttp::oneFfmpegPerSessionWhilePlaying()
{
    if (!processTableAvailable())
        QSKIP("no process table on this system");
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_long)).body);
    QCOMPARE(variants.size(), 2);
    QTemporaryDir dir;
    const QString output = dir.filePath(u"played.ts"_s);
    QProcess player;   // plays the whole variant, segment after segment, as fast as it can
    player.start(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-nostdin"_s, u"-i"_s, url(variants.at(0).uri), u"-c"_s,
                               u"copy"_s, u"-y"_s, output});
    QVERIFY(player.waitForStarted());
    int most = 0;
    QElapsedTimer clock;
    clock.start();
    while (player.state() != QProcess::NotRunning && clock.elapsed() < 600000) {
        QList<qint64> ours = ffmpegChildrenOf(QCoreApplication::applicationPid());
        ours.removeAll(player.processId());
        most = qMax(most, int(ours.size()));
        player.waitForFinished(50);
    }
    QCOMPARE(player.state(), QProcess::NotRunning);
    QCOMPARE(player.exitStatus(), QProcess::NormalExit);
    QCOMPARE(player.exitCode(), 0);
    QCOMPARE(most, 1);   // FFmpeg ran (the table is read right) but never two at once
    const double duration = ffprobe(output)[u"format"_s][u"duration"_s].toString().toDouble();
    QVERIFY2(qAbs(duration - kLongSeconds) <= 1.0, qPrintable(QString::number(duration)));
}

void TestHlsHttp::badUrlsAreRefused_data()
{
    QTest::addColumn<QString>("path");   // %1 = clip id, %2 = a live session id, %3 = its first variant
    QTest::addColumn<int>("status");
    QTest::newRow("unknown variant playlist") << u"/api/videos/%1/hls/%2/99999/index.m3u8"_s << 404;
    QTest::newRow("segment past the end") << u"/api/videos/%1/hls/%2/%3/5.m4s"_s << 404;
    QTest::newRow("segment of an unknown variant") << u"/api/videos/%1/hls/%2/99999/0.m4s"_s << 404;
    QTest::newRow("segment not a number") << u"/api/videos/%1/hls/%2/%3/abc.m4s"_s << 404;
    QTest::newRow("segment with a leading zero") << u"/api/videos/%1/hls/%2/%3/01.m4s"_s << 404;
    QTest::newRow("negative segment") << u"/api/videos/%1/hls/%2/%3/-1.m4s"_s << 404;
    QTest::newRow("segment as MPEG-TS") << u"/api/videos/%1/hls/%2/%3/1.ts"_s << 404;
    QTest::newRow("segment without .m4s") << u"/api/videos/%1/hls/%2/%3/1"_s << 404;
    QTest::newRow("segment as mp4") << u"/api/videos/%1/hls/%2/%3/1.mp4"_s << 404;
    QTest::newRow("malformed session") << u"/api/videos/%1/hls/xyz/%3/0.m4s"_s << 404;
    QTest::newRow("session of another video") << u"/api/videos/999999/hls/%2/%3/index.m3u8"_s << 404;
    QTest::newRow("unknown video") << u"/api/videos/999999/hls/master.m3u8"_s << 404;
    QTest::newRow("video id not a number") << u"/api/videos/abc/hls/master.m3u8"_s << 400;
    QTest::newRow("audio track") << u"/api/videos/%4/hls/master.m3u8"_s << 404;
}

void TestHlsHttp::badUrlsAreRefused()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(m_server.port()).request(masterPath(m_clip)).body);
    QVERIFY(!variants.isEmpty());
    const SessionUrl session = sessionOf(variants.at(0).uri);
    QString target = path;
    target.replace(u"%1"_s, QString::number(m_clip))
        .replace(u"%2"_s, session.id)
        .replace(u"%3"_s, session.variant)
        .replace(u"%4"_s, QString::number(m_song));
    const LiveResponse r = LiveHttpClient(m_server.port()).request(target.toUtf8());
    QCOMPARE(r.status, status);
    QVERIFY(QJsonDocument::fromJson(r.body)[u"error"_s].isString());
}

void TestHlsHttp::anotherUsersSessionIsNotFound()
{
    const LiveResponse master = LiveHttpClient(m_server.port()).request(masterPath(m_clip), {"X-Test-User: alice"});
    const QList<MasterEntry> variants = parseMaster(master.body);
    QVERIFY(!variants.isEmpty());
    const QByteArray playlist = variants.at(0).uri.toUtf8();
    QCOMPARE(LiveHttpClient(m_server.port()).request(playlist, {"X-Test-User: alice"}).status, 200);
    QCOMPARE(LiveHttpClient(m_server.port()).request(playlist, {"X-Test-User: bob"}).status, 404);
}

void TestHlsHttp::headOfMasterOpensNoSession()
{
    const int sessions = m_server.hls().sessionCount();
    const LiveResponse r = LiveHttpClient(m_server.port()).request(masterPath(m_clip), {}, -1, "HEAD");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "application/vnd.apple.mpegurl");
    QCOMPARE(m_server.hls().sessionCount(), sessions);
}

void TestHlsHttp::directPlayKeepsItsRanges()
{
    // Players that take the file as it is still get byte ranges of the original.
    const QByteArray file = readFile(m_server.libraryPath(u"clip.mp4"_s));
    const LiveResponse r = LiveHttpClient(m_server.port())
                               .request("/api/tracks/" + QByteArray::number(m_clip) + "/stream", {"Range: bytes=1000-1999"});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("content-type"), "video/mp4");
    QCOMPARE(r.header("content-range"), "bytes 1000-1999/" + QByteArray::number(file.size()));
    QCOMPARE(r.body, file.mid(1000, 1000));
}

void TestHlsHttp::sessionIsOneActivityStreamAndCanBeEnded()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    QCOMPARE(server.start(), QString());
    const qint64 id = server.trackIdFor(u"small.mp4"_s);
    QSignalSpy finished(&server.activity(), &ActivityRegistry::streamFinished);

    const QList<MasterEntry> variants =
        parseMaster(LiveHttpClient(server.port()).request(masterPath(id), {"X-Test-User: alice"}).body);
    QCOMPARE(variants.size(), 2);   // smaller than every preset: one variant at its own size (+ original)
    QCOMPARE(variants.at(0).resolution, u"320x240"_s);
    const QStringList segments =
        mediaUris(LiveHttpClient(server.port()).request(variants.at(0).uri.toUtf8(), {"X-Test-User: alice"}).body);
    QCOMPARE(segments.size(), 3);   // 14 s: 6 + 6 + 2
    for (int i = 0; i < 2; ++i)
        QCOMPARE(LiveHttpClient(server.port()).request(segments.at(i).toUtf8(), {"X-Test-User: alice"}).status, 200);

    const QList<StreamSnapshot> live = server.activity().snapshot();
    QCOMPARE(live.size(), 1);   // playlists and segments: one HLS session
    QCOMPARE(live.at(0).info.kind, StreamKind::Hls);
    QCOMPARE(live.at(0).user, u"alice"_s);
    QCOMPARE(live.at(0).info.trackId, id);
    QCOMPARE(live.at(0).info.preset, u"360p"_s);          // the variant played now...
    QCOMPARE(live.at(0).info.seekPositionMs, qint64(6000));   // ...and where: segment 1
    QVERIFY(live.at(0).bytesSent > 1000);

    QVERIFY(server.activity().end(live.at(0).id));
    QTRY_COMPARE(server.activity().snapshot().size(), 0);
    QTRY_COMPARE(finished.count(), 1);
    const auto stream = finished.at(0).at(0).value<FinishedStream>();
    QCOMPARE(stream.info.kind, StreamKind::Hls);
    QCOMPARE(stream.ending, StreamEnding::EndedByAdmin);
    // The player's next request learns the session is over.
    const LiveResponse after = LiveHttpClient(server.port()).request(segments.at(2).toUtf8(), {"X-Test-User: alice"});
    QCOMPARE(after.status, 410);
}

void TestHlsHttp::idleSessionEndsAndResumes()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.hls.sessionIdleMs = 1000;
    options.hls.producerIdleMs = 500;
    QCOMPARE(server.start(options), QString());
    const qint64 id = server.trackIdFor(u"small.mp4"_s);
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(server.port()).request(masterPath(id)).body);
    QCOMPARE(variants.size(), 2);
    const QStringList segments = mediaUris(LiveHttpClient(server.port()).request(variants.at(0).uri.toUtf8()).body);
    QCOMPARE(LiveHttpClient(server.port()).request(segments.at(0).toUtf8()).status, 200);
    QCOMPARE(server.activity().snapshot().size(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(server.activity().snapshot().size(), 0, 10000);
    QCOMPARE(server.hls().sessionCount(), 0);
    QCOMPARE(server.hls().runningProducers(), 0);
    // A paused player comes back: the same URLs work again, as a session of their own.
    const LiveResponse resumed = LiveHttpClient(server.port()).request(segments.at(1).toUtf8());
    QCOMPARE(resumed.status, 200);
    QVERIFY(isMediaSegment(resumed.body));
    QCOMPARE(server.activity().snapshot().size(), 1);
}

// hls/segmentFormat = mpegts: version 3 playlists of .ts segments, as before fMP4; no init
// segment and no DASH; FFmpeg reads every variant through without a warning.
void TestHlsHttp::mpegTsForOldClients()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.hls.segmentFormat = SegmentFormat::MpegTs;
    QCOMPARE(server.start(options), QString());
    const qint64 id = server.trackIdFor(u"small.mp4"_s);
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(server.port()).request(masterPath(id)).body);
    QCOMPARE(variants.size(), 2);
    const QByteArray playlist = LiveHttpClient(server.port()).request(variants.at(0).uri.toUtf8()).body;
    QVERIFY(playlist.contains("#EXT-X-VERSION:3\n"));
    QVERIFY(mapUri(playlist).isEmpty());
    const QStringList segments = mediaUris(playlist);
    QVERIFY(segments.at(1).endsWith(u"/1.ts"_s));
    const LiveResponse segment = LiveHttpClient(server.port()).request(segments.at(1).toUtf8());
    QCOMPARE(segment.status, 200);
    QCOMPARE(segment.header("content-type"), "video/mp2t");
    QCOMPARE(segment.body.at(0), char(0x47));   // MPEG-TS sync byte
    QString init = segments.at(1);
    init.replace(u"/1.ts"_s, u"/init.mp4"_s);
    QCOMPARE(LiveHttpClient(server.port()).request(init.toUtf8()).status, 404);
    QCOMPARE(LiveHttpClient(server.port()).request("/api/videos/" + QByteArray::number(id) + "/dash/manifest.mpd").status, 404);
    // Every variant reads through as one stream: no shared or missing timestamps at the
    // boundaries, no continuity-counter jump taken for corruption.
    for (const MasterEntry &v : variants)
        QCOMPARE(decodeWarnings(u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(v.uri)), QByteArray());
}

// FFmpeg's HLS reader (also mpv's) loses fMP4's init segment at a seek and decodes nothing
// after it (FFmpeg 5.1): its sessions get MPEG-TS segments, found by its User-Agent or asked
// for with ?format=ts. A seek into the master playlist then plays.
void TestHlsHttp::ffmpegPlayersGetMpegTs()
{
    const QByteArray master = masterPath(m_clip);
    const auto firstVariant = [&](const QList<QByteArray> &headers, const QByteArray &target) {
        LiveHttpClient client(m_server.port());
        const QList<MasterEntry> variants = parseMaster(client.request(target, headers).body);
        return variants.isEmpty() ? QByteArray() : client.request(variants.at(0).uri.toUtf8()).body;
    };
    QVERIFY(firstVariant({"User-Agent: Lavf/59.27.100"}, master).contains("/0.ts"));
    QVERIFY(firstVariant({"User-Agent: libmpv"}, master).contains("/0.ts"));
    QVERIFY(firstVariant({}, master + "?format=ts").contains("/0.ts"));
    QVERIFY(firstVariant({"User-Agent: Mozilla/5.0"}, master).contains("/0.m4s"));
    QVERIFY(firstVariant({"User-Agent: Lavf/59.27.100"}, master + "?format=fmp4").contains("/0.m4s"));
    QCOMPARE(LiveHttpClient(m_server.port()).request(master + "?format=avi").status, 400);

    // The real reader: a seek to 8 s into the master playlist decodes frames from there on.
    QProcess ffmpeg;
    ffmpeg.start(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-ss"_s, u"8"_s, u"-i"_s, url(QString::fromUtf8(master)),
                               u"-map"_s, u"0:v:0"_s, u"-f"_s, u"framemd5"_s, u"-"_s});
    QVERIFY(ffmpeg.waitForFinished(120000));
    QCOMPARE(ffmpeg.exitCode(), 0);
    const qsizetype frames = ffmpeg.readAllStandardOutput().count("\n0,");
    QVERIFY2(frames > 25, qPrintable(u"%1 frames after the seek; %2"_s.arg(frames).arg(QString::fromUtf8(ffmpeg.readAllStandardError()))));
}

void TestHlsHttp::ffmpegStopsWhenNobodyAsks()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_server.libraryPath(u"long.mp4"_s), server.libraryPath(u"long.mp4"_s)));
    HlsServerOptions options;
    options.hls.producerIdleMs = 2000;
    options.hls.aheadSegments = 1000;   // only the silence may stop it
    QCOMPARE(server.start(options), QString());
    const QList<MasterEntry> variants =
        parseMaster(LiveHttpClient(server.port()).request(masterPath(server.trackIdFor(u"long.mp4"_s))).body);
    const QStringList segments = mediaUris(LiveHttpClient(server.port()).request(variants.value(0).uri.toUtf8()).body);
    QCOMPARE(LiveHttpClient(server.port()).request(segments.value(0).toUtf8()).status, 200);
    QCOMPARE(server.hls().runningProducers(), 1);   // working ahead of the player

    QTRY_COMPARE_WITH_TIMEOUT(server.hls().runningProducers(), 0, 15000);
    QCOMPARE(server.hls().sessionCount(), 1);   // the session itself lives on
    QVERIFY(countSegmentFiles(server.cacheDir()) < segments.size());   // it stopped, not finished
}

void TestHlsHttp::streamLimitRefusesANewSession()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.limits.maxStreams = 1;
    QCOMPARE(server.start(options), QString());
    const QByteArray master = masterPath(server.trackIdFor(u"small.mp4"_s));
    QCOMPARE(LiveHttpClient(server.port()).request(master).status, 200);
    const LiveResponse refused = LiveHttpClient(server.port()).request(master);
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.header("retry-after").toInt() > 0);
    QVERIFY(QJsonDocument::fromJson(refused.body)[u"error"_s].isString());
}

// Issue 14: a segment that needs an FFmpeg waits in the FFmpeg queue like any other job, and
// is answered with its bytes once a slot frees.
void TestHlsHttp::queuedSegmentGetsItsBytesWhenASlotFrees()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.maxTranscodes = 1;
    QCOMPARE(server.start(options), QString());
    const QList<MasterEntry> variants =
        parseMaster(LiveHttpClient(server.port()).request(masterPath(server.trackIdFor(u"small.mp4"_s))).body);
    const QStringList segments = mediaUris(LiveHttpClient(server.port()).request(variants.value(0).uri.toUtf8()).body);
    QCOMPARE(segments.size(), 3);

    FfmpegQueue &queue = server.transcoding()->jobs();
    auto otherJob = queue.tryAcquire();   // another FFmpeg holds the one slot
    QVERIFY(otherJob);
    StreamReader reader(server.port(), segments.at(1).toUtf8(), {}, StreamReader::Mode::Full);
    QTRY_COMPARE_WITH_TIMEOUT(queue.queued(), 1, 10000);
    QTest::qWait(500);
    QVERIFY(!reader.hasHead());   // not refused, not answered: waiting its turn
    QCOMPARE(server.hls().runningProducers(), 0);

    otherJob.reset();
    QTRY_VERIFY_WITH_TIMEOUT(reader.hasHead(), 30000);
    QCOMPARE(reader.status(), 200);
    QCOMPARE(reader.header("content-type"), "video/iso.segment");
    QTRY_VERIFY_WITH_TIMEOUT(reader.bodyBytes() > 1000, 30000);
    QCOMPARE(reader.header("transfer-encoding"), "chunked");   // made while it waited
    const QByteArray start = reader.bodyStart();
    const qsizetype endOfChunkSize = start.indexOf("\r\n");
    QVERIFY(endOfChunkSize > 0);
    QCOMPARE(start.mid(endOfChunkSize + 2 + 4, 4), "moof");   // an fMP4 media segment
    QCOMPARE(queue.queued(), 0);
}

void TestHlsHttp::ffmpegQueueRefusesASegment_data()
{
    QTest::addColumn<int>("queueLength");
    QTest::addColumn<int>("queueTimeoutMs");
    QTest::newRow("queue full") << 0 << 30000;
    QTest::newRow("waited too long") << 64 << 1000;
}

void TestHlsHttp::ffmpegQueueRefusesASegment()
{
    QFETCH(int, queueLength);
    QFETCH(int, queueTimeoutMs);
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.maxTranscodes = 1;
    options.ffmpegQueueLength = queueLength;
    options.ffmpegQueueTimeoutMs = queueTimeoutMs;
    QCOMPARE(server.start(options), QString());
    const QList<MasterEntry> variants =
        parseMaster(LiveHttpClient(server.port()).request(masterPath(server.trackIdFor(u"small.mp4"_s))).body);
    const QStringList segments = mediaUris(LiveHttpClient(server.port()).request(variants.value(0).uri.toUtf8()).body);

    auto otherJob = server.transcoding()->jobs().tryAcquire();
    QVERIFY(otherJob);
    QElapsedTimer clock;
    clock.start();
    const LiveResponse refused = LiveHttpClient(server.port()).request(segments.value(0).toUtf8());
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("retry-after"), "5");
    QVERIFY(QJsonDocument::fromJson(refused.body)[u"error"_s].toString().contains(u"no transcoder is free"_s));
    QVERIFY2(clock.elapsed() >= (queueLength == 0 ? 0 : queueTimeoutMs - 100), qPrintable(QString::number(clock.elapsed())));

    // The same request once the other job ended: the segment.
    otherJob.reset();
    const LiveResponse served = LiveHttpClient(server.port()).request(segments.value(0).toUtf8());
    QCOMPARE(served.status, 200);
    QVERIFY(isMediaSegment(served.body));
}

// Issue 15 finding 5: a non-admin once opened 1,000 HLS sessions in 1.3 s. By default a user
// has at most four; at the cap a long-silent one makes room, a busy set refuses with 429.
void TestHlsHttp::defaultCapsLimitHlsSessions()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.withUsers = true;
    options.limits = StreamLimits{};   // the defaults
    options.hls.replaceAfterSilenceMs = 2000;
    QCOMPARE(server.start(options), QString());
    QCOMPARE(StreamLimits{}.maxHlsSessionsPerUser, 4);
    const QByteArray master = masterPath(server.trackIdFor(u"small.mp4"_s));
    const QByteArray alice = "Authorization: Bearer " + server.aliceToken();
    auto streamsOf = [&](const QString &user) {
        int n = 0;
        for (const StreamSnapshot &s : server.activity().snapshot())
            n += s.user == user && s.info.kind == StreamKind::Hls ? 1 : 0;
        return n;
    };

    QStringList firstVariants;
    for (int i = 0; i < 4; ++i) {
        const LiveResponse r = LiveHttpClient(server.port()).request(master, {alice});
        QCOMPARE(r.status, 200);
        firstVariants << parseMaster(r.body).value(0).uri;
    }
    const LiveResponse fifth = LiveHttpClient(server.port()).request(master, {alice});
    QCOMPARE(fifth.status, 429);
    const int retryAfter = fifth.header("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 2, fifth.header("retry-after").constData());
    QVERIFY(QJsonDocument::fromJson(fifth.body)[u"error"_s].toString().contains(u"4 at once"_s));
    QCOMPARE(streamsOf(u"alice"_s), 4);
    // The cap is per user: bob still watches.
    QCOMPARE(LiveHttpClient(server.port()).request(master, {"Authorization: Bearer " + server.bobToken()}).status, 200);

    // Alice's players fall silent (paused, switched off): the oldest makes room for a new one.
    QTest::qWait(2200);
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 200);
    QCOMPARE(streamsOf(u"alice"_s), 4);
    QCOMPARE(streamsOf(u"bob"_s), 1);
    // The replaced one's player comes back: its URLs open it again, in place of another silent one.
    QCOMPARE(LiveHttpClient(server.port()).request(firstVariants.at(0).toUtf8()).status, 200);
    QCOMPARE(streamsOf(u"alice"_s), 4);
    QCOMPARE(server.hls().sessionCount(), 5);
}

void TestHlsHttp::settingsChangeTheHlsSessionCap()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.withUsers = true;
    options.limits = StreamLimits{};
    QCOMPARE(server.start(options), QString());
    const QByteArray master = masterPath(server.trackIdFor(u"small.mp4"_s));
    const QByteArray alice = "Authorization: Bearer " + server.aliceToken();

    StreamLimits one;
    one.maxHlsSessionsPerUser = 1;
    server.activity().setLimits(one);   // as the Activity tab and PUT /api/activity/limits do
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 200);
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 429);

    StreamLimits two = one;
    two.maxHlsSessionsPerUser = 2;
    server.activity().setLimits(two);
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 200);
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 429);

    StreamLimits none = one;
    none.maxHlsSessionsPerUser = 0;   // unlimited
    server.activity().setLimits(none);
    QCOMPARE(LiveHttpClient(server.port()).request(master, {alice}).status, 200);
}

void TestHlsHttp::playlistsCarrySignedUrls()
{
    HlsServer server;
    QVERIFY(QFile::copy(m_media.filePath(u"small.mp4"_s), server.libraryPath(u"small.mp4"_s)));
    HlsServerOptions options;
    options.withUsers = true;
    QCOMPARE(server.start(options), QString());
    const QByteArray master = masterPath(server.trackIdFor(u"small.mp4"_s));
    QCOMPARE(LiveHttpClient(server.port()).request(master).status, 401);

    const QByteArray auth = "Authorization: Bearer " + server.aliceToken();
    const QList<MasterEntry> variants = parseMaster(LiveHttpClient(server.port()).request(master, {auth}).body);
    QCOMPARE(variants.size(), 2);
    QVERIFY2(variants.at(0).uri.contains(u"exp="_s) && variants.at(0).uri.contains(u"sig="_s), qPrintable(variants.at(0).uri));
    // A player fetches everything else without our header.
    const LiveResponse playlist = LiveHttpClient(server.port()).request(variants.at(0).uri.toUtf8());
    QCOMPARE(playlist.status, 200);
    const QStringList segments = mediaUris(playlist.body);
    QCOMPARE(segments.size(), 3);
    QVERIFY(segments.at(0).contains(u"sig="_s));
    const LiveResponse segment = LiveHttpClient(server.port()).request(segments.at(0).toUtf8());
    QCOMPARE(segment.status, 200);
    QVERIFY(isMediaSegment(segment.body));
    const LiveResponse init = LiveHttpClient(server.port()).request(mapUri(playlist.body).toUtf8());
    QCOMPARE(init.status, 200);   // its URL signed too
    QCOMPARE(init.body.mid(4, 4), "ftyp");

    QString tampered = segments.at(1);
    tampered.replace(tampered.size() - 2, 2, tampered.endsWith(u"AA"_s) ? u"BB"_s : u"AA"_s);
    QCOMPARE(LiveHttpClient(server.port()).request(tampered.toUtf8()).status, 403);
    const QString unsigned_ = segments.at(1).left(segments.at(1).indexOf(u'?'));
    QCOMPARE(LiveHttpClient(server.port()).request(unsigned_.toUtf8()).status, 401);
    // Signed for segment 1, used for segment 2: refused.
    QString moved = segments.at(1);
    moved.replace(u"/1.m4s?"_s, u"/2.m4s?"_s);
    QCOMPARE(LiveHttpClient(server.port()).request(moved.toUtf8()).status, 403);
}

QTEST_GUILESS_MAIN(TestHlsHttp)
#include "tst_hls_http.moc"
