// Live transcodes against the running server: every preset's output decoded by ffprobe over
// HTTP, seeking by Range on the first play, offsets, HEAD, bad input, the concurrency cap,
// FFmpeg failures, and FFmpeg's end when the client leaves (checked in the process table).

#include "LiveHttpClient.h"
#include "MediaFixtures.h"
#include "ProcessTable.h"
#include "TranscodeServerFixture.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

constexpr double kNoiseSeconds = 30;

// Pink noise, different in each channel: encoders cannot squeeze it below their target bitrate.
QString makeNoise(const QString &path, double seconds)
{
    const QString source = u"anoisesrc=c=pink:a=0.2:d=%1:r=44100:s=1[l];anoisesrc=c=pink:a=0.2:d=%1:r=44100:s=2[r];"
                           "[l][r]amerge=inputs=2[out0]"_s.arg(seconds);
    runProgram(u"ffmpeg"_s, {u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-f"_s, u"lavfi"_s, u"-i"_s, source,
                             u"-c:a"_s, u"flac"_s, path});
    return QFile::exists(path) ? QString() : u"cannot make "_s + path;
}

struct Probe
{
    QString codec;
    double duration = 0;
    double kbps = 0;
    bool ok = false;
};

// ffprobe demuxes the whole stream over HTTP; duration and bitrate come from its packets.
Probe probe(const QString &url)
{
    const QByteArray out = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s,
                                                     u"stream=codec_name:packet=pts_time,duration_time,size"_s,
                                                     u"-of"_s, u"json"_s, url}, 120000);
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    Probe p;
    p.codec = doc.value(u"streams"_s).toArray().first().toObject().value(u"codec_name"_s).toString();
    const QJsonArray packets = doc.value(u"packets"_s).toArray();
    if (packets.isEmpty())
        return p;
    double first = 1e9, last = 0, bytes = 0;
    for (const auto &value : packets) {
        const QJsonObject packet = value.toObject();
        const double pts = packet.value(u"pts_time"_s).toString().toDouble();
        first = qMin(first, pts);
        last = qMax(last, pts + packet.value(u"duration_time"_s).toString().toDouble());
        bytes += packet.value(u"size"_s).toString().toDouble();
    }
    p.duration = last - qMax(0.0, first);
    p.kbps = p.duration > 0 ? bytes * 8 / p.duration / 1000 : 0;
    p.ok = true;
    return p;
}

QJsonObject jsonOf(const LiveResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestTranscodeHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void presetsListed();
    void outputDecodedByFfprobe_data();
    void outputDecodedByFfprobe();
    void headAnnouncesWithoutTranscoding();
    void seekByRangeOnFirstPlay();
    void playerSeeksByRange();
    void wavRangesKeepTheHeader();
    void variableBitrateIgnoresRange();
    void badInput_data();
    void badInput();
    void unknownAndInvisibleTracks();
    void userMaxBitrateCaps();
    void failureBeforeFirstByteIsJson();
    void failureAfterFirstByteEndsTheResponse_data();
    void failureAfterFirstByteEndsTheResponse();
    void clientDisconnectKillsFfmpeg();
    void capQueuesThenAnswers503();

private:
    QByteArray target(const QString &file, const QString &query) const
    {
        return "/api/tracks/" + QByteArray::number(m_fixture.trackIdFor(file)) + "/transcode?"
            + QUrl::toPercentEncoding(query, "=&");
    }
    QString url(const QString &file, const QString &query) const
    {
        return u"http://127.0.0.1:%1"_s.arg(m_fixture.port()) + QString::fromLatin1(target(file, query));
    }
    // Waits until the FFmpeg children of this process are gone (killed and reaped).
    bool ffmpegChildrenGone(int timeoutMs);

    TranscodeServerFixture m_fixture;
};

void TestTranscodeHttp::initTestCase()
{
    QVERIFY2(!runProgram(u"ffmpeg"_s, {u"-version"_s}).isEmpty(), "ffmpeg is needed");
    QCOMPARE(makeNoise(m_fixture.libraryPath(u"noise.flac"_s), kNoiseSeconds), QString());
    QCOMPARE(makeAudio(m_fixture.libraryPath(u"tone.wv"_s), 5), QString());
    QCOMPARE(makeAudio(m_fixture.libraryPath(u"tone.wma"_s), 5), QString());
    QCOMPARE(makeAudio(m_fixture.libraryPath(u"broken.mp3"_s), 5), QString());
    QCOMPARE(m_fixture.start(2), QString());
    QVERIFY(m_fixture.scan());
    for (const QString &name : {u"noise.flac"_s, u"tone.wv"_s, u"tone.wma"_s, u"broken.mp3"_s})
        QVERIFY2(m_fixture.trackIdFor(name) > 0, qPrintable(name));
}

void TestTranscodeHttp::presetsListed()
{
    LiveHttpClient client(m_fixture.port());
    const LiveResponse r = client.request("/api/presets");
    QCOMPARE(r.status, 200);
    const QJsonArray items = jsonOf(r).value(u"items"_s).toArray();
    QCOMPARE(items.size(), 6);
    QCOMPARE(items.at(3).toObject().value(u"name"_s).toString(), u"MP3 320"_s);
    QCOMPARE(items.at(3).toObject().value(u"seekable"_s).toBool(), true);
    const QJsonArray video = jsonOf(r).value(u"video"_s).toArray();
    QCOMPARE(video.size(), 5);
    QCOMPARE(video.first().toObject().value(u"name"_s).toString(), u"360p"_s);
    const QJsonObject uhd = video.last().toObject();
    QCOMPARE(uhd.value(u"name"_s).toString(), u"2160p (4K)"_s);
    QVERIFY(uhd.value(u"id"_s).toInteger() > 0);
    QCOMPARE(uhd.value(u"width"_s).toInt(), 3840);
    QCOMPARE(uhd.value(u"height"_s).toInt(), 2160);
    QCOMPARE(uhd.value(u"videoBitrate"_s).toInt(), 16000);
    QCOMPARE(uhd.value(u"audioBitrate"_s).toInt(), 192);
}

void TestTranscodeHttp::outputDecodedByFfprobe_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<int>("kbps");          // 0 = not checked (lossless)
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QByteArray>("contentType");
    const QString noise = u"noise.flac"_s;
    QTest::newRow("MP3 320") << noise << u"preset=MP3 320"_s << u"mp3"_s << 320 << kNoiseSeconds << "audio/mpeg"_ba;
    QTest::newRow("MP3 128 (mobile)") << noise << u"preset=MP3 128 (mobile)"_s << u"mp3"_s << 128 << kNoiseSeconds
                                      << "audio/mpeg"_ba;
    QTest::newRow("Opus 96") << noise << u"preset=Opus 96"_s << u"opus"_s << 96 << kNoiseSeconds
                             << "audio/ogg; codecs=opus"_ba;
    QTest::newRow("AAC 256") << noise << u"preset=AAC 256"_s << u"aac"_s << 256 << kNoiseSeconds << "audio/mp4"_ba;
    QTest::newRow("FLAC") << noise << u"preset=FLAC"_s << u"flac"_s << 0 << kNoiseSeconds << "audio/flac"_ba;
    QTest::newRow("WAV") << noise << u"preset=WAV (browser compatibility)"_s << u"pcm_s16le"_s << 1411
                         << kNoiseSeconds << "audio/wav"_ba;
    QTest::newRow("ad hoc vorbis") << noise << u"format=ogg&bitrate=192"_s << u"vorbis"_s << 192 << kNoiseSeconds
                                   << "audio/ogg"_ba;
    QTest::newRow("ad hoc ADTS") << noise << u"format=aac&bitrate=128"_s << u"aac"_s << 128 << kNoiseSeconds
                                 << "audio/aac"_ba;
    QTest::newRow("MP3 offset 20") << noise << u"preset=MP3 320&offset=20"_s << u"mp3"_s << 320 << kNoiseSeconds - 20
                                   << "audio/mpeg"_ba;
    QTest::newRow("Opus offset 12.5") << noise << u"preset=Opus 96&offset=12.5"_s << u"opus"_s << 96
                                      << kNoiseSeconds - 12.5 << "audio/ogg; codecs=opus"_ba;
    QTest::newRow("WavPack to MP3") << u"tone.wv"_s << u"preset=MP3 128 (mobile)"_s << u"mp3"_s << 128 << 5.0
                                    << "audio/mpeg"_ba;
    QTest::newRow("WMA to FLAC") << u"tone.wma"_s << u"preset=FLAC"_s << u"flac"_s << 0 << 5.0 << "audio/flac"_ba;
}

void TestTranscodeHttp::outputDecodedByFfprobe()
{
    QFETCH(QString, file);
    QFETCH(QString, query);
    QFETCH(QString, codec);
    QFETCH(int, kbps);
    QFETCH(double, seconds);
    QFETCH(QByteArray, contentType);

    LiveHttpClient client(m_fixture.port());
    const LiveResponse head = client.request(target(file, query), {}, -1, "HEAD");
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Type"), contentType);
    QVERIFY(qAbs(head.header("X-Content-Duration").toDouble() - seconds) < 0.1);

    const Probe p = probe(url(file, query));
    QVERIFY2(p.ok, "ffprobe read no packets");
    QCOMPARE(p.codec, codec);
    QVERIFY2(qAbs(p.duration - seconds) <= 0.5, qPrintable(u"duration %1 s"_s.arg(p.duration)));
    if (kbps > 0)
        QVERIFY2(qAbs(p.kbps - kbps) <= kbps * 0.1, qPrintable(u"bitrate %1 kbit/s"_s.arg(p.kbps)));
}

void TestTranscodeHttp::headAnnouncesWithoutTranscoding()
{
    LiveHttpClient client(m_fixture.port());
    const LiveResponse mp3 = client.request(target(u"noise.flac"_s, u"preset=MP3 320"_s), {}, -1, "HEAD");
    QCOMPARE(mp3.status, 200);
    QCOMPARE(mp3.header("Accept-Ranges"), "bytes"_ba);
    const qint64 length = mp3.header("Content-Length").toLongLong();
    QVERIFY2(length >= qint64(kNoiseSeconds * 40000) && length < qint64(kNoiseSeconds * 40000) + 3000,
             mp3.header("Content-Length").constData());
    const LiveResponse opus = client.request(target(u"noise.flac"_s, u"preset=Opus 96"_s), {}, -1, "HEAD");
    QCOMPARE(opus.status, 200);
    QCOMPARE(opus.header("Accept-Ranges"), "none"_ba);
    QCOMPARE(opus.header("Transfer-Encoding"), "chunked"_ba);
    QVERIFY(opus.header("Content-Length").isEmpty());
    QCOMPARE(ffmpegChildrenOf(QCoreApplication::applicationPid()), QList<qint64>());
}

void TestTranscodeHttp::seekByRangeOnFirstPlay()
{
    const QByteArray path = target(u"noise.flac"_s, u"preset=MP3 320"_s);
    LiveHttpClient client(m_fixture.port());
    const LiveResponse whole = client.request(path);
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.complete);
    const qint64 total = whole.header("Content-Length").toLongLong();
    QCOMPARE(whole.body.size(), total);
    QVERIFY(qAbs(decodedSeconds(whole.body, u"mp3"_s) - kNoiseSeconds) < 0.5);

    // What a player does when the user drags to 3/4 of the track.
    const qint64 from = total * 3 / 4;
    const LiveResponse seek = client.request(path, {"Range: bytes=" + QByteArray::number(from) + '-'});
    QCOMPARE(seek.status, 206);
    QVERIFY(seek.complete);
    QCOMPARE(seek.header("Content-Range"),
             "bytes " + QByteArray::number(from) + '-' + QByteArray::number(total - 1) + '/' + QByteArray::number(total));
    QCOMPARE(seek.body.size(), total - from);
    const double tail = decodedSeconds(seek.body, u"mp3"_s);
    QVERIFY2(qAbs(tail - kNoiseSeconds / 4) < 0.5, qPrintable(u"decoded %1 s"_s.arg(tail)));

    const LiveResponse slice = client.request(path, {"Range: bytes=400000-479999"_ba});
    QCOMPARE(slice.status, 206);
    QCOMPARE(slice.body.size(), 80000);
    QVERIFY(qAbs(decodedSeconds(slice.body, u"mp3"_s) - 2.0) < 0.1);

    const LiveResponse beyond = client.request(path, {"Range: bytes=" + QByteArray::number(total) + '-'});
    QCOMPARE(beyond.status, 416);
    QCOMPARE(beyond.header("Content-Range"), "bytes */" + QByteArray::number(total));
}

void TestTranscodeHttp::playerSeeksByRange()
{
    // ffmpeg as the player: it reads the announced length and seeks with a Range request.
    const QByteArray pcm = runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-ss"_s, u"20"_s, u"-i"_s,
                                                    url(u"noise.flac"_s, u"preset=MP3 320"_s), u"-f"_s, u"s16le"_s,
                                                    u"-ac"_s, u"1"_s, u"-ar"_s, u"8000"_s, u"pipe:1"_s});
    const double seconds = double(pcm.size()) / 16000.0;
    QVERIFY2(qAbs(seconds - (kNoiseSeconds - 20)) < 0.5, qPrintable(u"decoded %1 s"_s.arg(seconds)));
}

void TestTranscodeHttp::wavRangesKeepTheHeader()
{
    const QByteArray path = target(u"noise.flac"_s, u"preset=WAV (browser compatibility)"_s);
    LiveHttpClient client(m_fixture.port());
    const LiveResponse head = client.request(path, {"Range: bytes=0-43"_ba});
    QCOMPARE(head.status, 206);
    QCOMPARE(head.body.size(), 44);
    QVERIFY(head.body.startsWith("RIFF"));
    const qint64 total = head.header("Content-Range").split('/').last().toLongLong();
    QCOMPARE(total, 44 + qint64(kNoiseSeconds * 44100) * 4);

    const qint64 from = 44 + 44100 * 4 * 10 + 2;   // 10 s in, mid-frame
    const LiveResponse tail = client.request(path, {"Range: bytes=" + QByteArray::number(from) + '-'});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body.size(), total - from);
    // The same bytes as the file's own PCM at that position.
    const QByteArray reference = runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, m_fixture.libraryPath(u"noise.flac"_s),
                                                          u"-f"_s, u"s16le"_s, u"-ac"_s, u"2"_s, u"pipe:1"_s});
    QCOMPARE(tail.body.left(4096), reference.mid(from - 44, 4096));
}

void TestTranscodeHttp::variableBitrateIgnoresRange()
{
    LiveHttpClient client(m_fixture.port());
    const LiveResponse r = client.request(target(u"tone.wv"_s, u"preset=Opus 96"_s), {"Range: bytes=100-"_ba});
    QCOMPARE(r.status, 200);
    QVERIFY(r.chunked);
    QVERIFY(r.complete);
    QCOMPARE(r.header("Accept-Ranges"), "none"_ba);
    QVERIFY(r.body.startsWith("OggS"));
}

void TestTranscodeHttp::badInput_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown preset") << u"preset=Nope"_s << u"MP3 128 (mobile), MP3 320, Opus 96"_s;
    QTest::newRow("bad format") << u"format=exe"_s << u"mp3, ogg, opus, m4a, aac, flac, wav"_s;
    QTest::newRow("no preset or format") << u"offset=1"_s << u"either 'preset'"_s;
    QTest::newRow("negative offset") << u"preset=FLAC&offset=-1"_s << u"'offset'"_s;
    QTest::newRow("huge offset") << u"preset=FLAC&offset=99999999"_s << u"below 30"_s;
    QTest::newRow("bitrate 0") << u"format=mp3&bitrate=0"_s << u"32, 40, 48"_s;
    QTest::newRow("bitrate 1e9") << u"format=opus&bitrate=1000000000"_s << u"6 to 510"_s;
    QTest::newRow("bitrate 1e9 literally") << u"format=mp3&bitrate=1e9"_s << u"320"_s;
}

void TestTranscodeHttp::badInput()
{
    QFETCH(QString, query);
    QFETCH(QString, mentions);
    LiveHttpClient client(m_fixture.port());
    const LiveResponse r = client.request(target(u"noise.flac"_s, query));
    QCOMPARE(r.status, 400);
    const QString error = jsonOf(r).value(u"error"_s).toString();
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestTranscodeHttp::unknownAndInvisibleTracks()
{
    LiveHttpClient client(m_fixture.port());
    QCOMPARE(client.request("/api/tracks/999999/transcode?preset=FLAC").status, 404);
    QCOMPARE(client.request("/api/tracks/abc/transcode?preset=FLAC").status, 400);
    const LiveResponse hidden = client.request(target(u"noise.flac"_s, u"preset=FLAC"_s), {"X-Test-Restricted: 1"_ba});
    QCOMPARE(hidden.status, 404);
    QCOMPARE(jsonOf(hidden).value(u"error"_s).toString(), u"no such track"_s);
}

void TestTranscodeHttp::userMaxBitrateCaps()
{
    LiveHttpClient client(m_fixture.port());
    const QByteArray mp3 = target(u"noise.flac"_s, u"preset=MP3 320"_s);
    const qint64 full = client.request(mp3, {}, -1, "HEAD").header("Content-Length").toLongLong();
    const qint64 capped = client.request(mp3, {"X-Test-User: limited"_ba}, -1, "HEAD").header("Content-Length").toLongLong();
    QVERIFY(full > qint64(kNoiseSeconds * 40000));
    QVERIFY2(qAbs(capped - qint64(kNoiseSeconds * 16000)) < 2000, QByteArray::number(capped).constData());
    // Lossless is above any cap: the user gets MP3 at the cap instead.
    const LiveResponse flac = client.request(target(u"noise.flac"_s, u"preset=FLAC"_s), {"X-Test-User: limited"_ba}, -1, "HEAD");
    QCOMPARE(flac.header("Content-Type"), "audio/mpeg"_ba);
    const Probe p = probe(url(u"tone.wv"_s, u"preset=Opus 96"_s));   // 96 is under the cap: unchanged
    QCOMPARE(p.codec, u"opus"_s);
}

void TestTranscodeHttp::failureBeforeFirstByteIsJson()
{
    // The catalog still believes in the file, but it is no longer audio.
    QFile broken(m_fixture.libraryPath(u"broken.mp3"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write(QByteArray(4096, 'x'));
    broken.close();
    LiveHttpClient client(m_fixture.port());
    const LiveResponse r = client.request(target(u"broken.mp3"_s, u"preset=MP3 320"_s));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.header("Content-Type"), "application/json; charset=utf-8"_ba);
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());
    QVERIFY(ffmpegChildrenGone(5000));
    QCOMPARE(m_fixture.transcoding().jobs().running(), 0);
}

void TestTranscodeHttp::failureAfterFirstByteEndsTheResponse_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("announced length") << u"MP3 320"_s;
    QTest::newRow("chunked") << u"Opus 96"_s;
}

void TestTranscodeHttp::failureAfterFirstByteEndsTheResponse()
{
#if !defined(Q_OS_UNIX)
    QSKIP("uses a shell script as a failing FFmpeg");
#endif
    QFETCH(QString, preset);
    // A "codec" that produces 100 kB and then crashes with a message.
    TranscodeServerFixture fixture;
    QTemporaryDir bin;
    const QString fake = bin.filePath(u"ffmpeg"_s);
    QFile script(fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nhead -c 100000 /dev/zero\necho 'simulated codec crash' >&2\nexit 3\n");
    script.close();
    script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
    QCOMPARE(makeAudio(fixture.libraryPath(u"a.flac"_s), 10), QString());
    QCOMPARE(fixture.start(2, true, fake), QString());
    QVERIFY(fixture.scan());

    LiveHttpClient client(fixture.port());
    const QByteArray path = "/api/tracks/" + QByteArray::number(fixture.trackIdFor(u"a.flac"_s))
        + "/transcode?preset=" + QUrl::toPercentEncoding(preset);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"failed while streaming.*simulated codec crash"_s));
    const LiveResponse r = client.request(path);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.complete);            // no end of body: the client knows it is truncated
    QCOMPARE(r.body.size(), 100000);
    QTRY_VERIFY(client.socket().state() != QAbstractSocket::ConnectedState);
    QCOMPARE(fixture.transcoding().cache().entryCount(), 0);
    QTRY_COMPARE(fixture.transcoding().jobs().running(), 0);
}

bool TestTranscodeHttp::ffmpegChildrenGone(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!ffmpegChildrenOf(QCoreApplication::applicationPid()).isEmpty()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

void TestTranscodeHttp::clientDisconnectKillsFfmpeg()
{
    if (!processTableAvailable())
        QSKIP("needs /proc");
    LiveHttpClient client(m_fixture.port());
    // WAV is large: FFmpeg is still busy (blocked on its output) when the client leaves.
    const LiveResponse r = client.request(target(u"noise.flac"_s, u"preset=WAV (browser compatibility)"_s), {}, 1000);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.size() >= 1000);
    const QList<qint64> children = ffmpegChildrenOf(QCoreApplication::applicationPid());
    QCOMPARE(children.size(), 1);
    QVERIFY(processRunning(children.first()));
    QCOMPARE(m_fixture.transcoding().jobs().running(), 1);

    client.abort();
    // Killed and reaped (no zombie) within a second, as the issue demands.
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(children.first()), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.transcoding().jobs().running(), 0, 1000);
}

void TestTranscodeHttp::capQueuesThenAnswers503()
{
    // The fixture allows two transcodes; two slow listeners hold them.
    LiveHttpClient first(m_fixture.port());
    LiveHttpClient second(m_fixture.port());
    const QByteArray path = target(u"noise.flac"_s, u"preset=WAV (browser compatibility)"_s);
    QCOMPARE(first.request(path, {}, 1000).status, 200);
    QCOMPARE(second.request(path, {}, 1000).status, 200);

    // The third waits in the FFmpeg queue (one place, in this fixture); the fourth finds it full.
    LiveHttpClient third(m_fixture.port());
    third.sendRequest("GET", target(u"tone.wv"_s, u"preset=MP3 320"_s));
    QTRY_COMPARE(m_fixture.transcoding().jobs().queued(), 1);
    LiveHttpClient fourth(m_fixture.port());
    const LiveResponse refused = fourth.request(target(u"tone.wv"_s, u"preset=MP3 320"_s));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("Retry-After"), "5"_ba);
    QVERIFY(jsonOf(refused).value(u"error"_s).toString().contains(u"at most 2"_s));
    // Not a transcode: the cache and HEAD need no slot.
    QCOMPARE(fourth.request(target(u"tone.wv"_s, u"preset=MP3 320"_s), {}, -1, "HEAD").status, 200);

    first.abort();   // its slot goes to the waiting request
    const LiveResponse admitted = third.read(false, 30000);
    QCOMPARE(admitted.status, 200);
    QVERIFY(admitted.complete);
    QCOMPARE(m_fixture.transcoding().jobs().queued(), 0);
    second.abort();
    QVERIFY(ffmpegChildrenGone(5000));
}

QTEST_GUILESS_MAIN(TestTranscodeHttp)
#include "tst_transcode_http.moc"
