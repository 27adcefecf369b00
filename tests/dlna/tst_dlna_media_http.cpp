// DLNA's headers on Cairn's media routes, against the real server: contentFeatures and
// transferMode on the file and on transcodes (GET and HEAD), TimeSeekRange seeking a transcode
// (the body decodes to what remains), refusals (400, 406, 416), the renderer's User-Agent as the
// player in the activity list, and nothing of DLNA for requests that do not ask for it.

#include "MediaFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "activity/ActivityRegistry.h"
#include "transcode/TranscodeCache.h"
#include "transcode/TranscodeService.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr double kSeconds = 20;
constexpr auto kFlags = "DLNA.ORG_FLAGS=01700000000000000000000000000000";
const QByteArray kAsk = "getcontentFeatures.dlna.org: 1";

struct TimeSeekParts
{
    double start = -1, end = -1, duration = -1;
    qint64 first = -1, last = -1, total = -1;
};

TimeSeekParts timeSeekParts(const QByteArray &value)
{
    static const QRegularExpression re(
        uR"(^npt=(\d+\.\d{3})-(\d+\.\d{3})/(\d+\.\d{3})(?: bytes=(\d+)-(\d+)/(\d+))?$)"_s);
    const auto m = re.match(QString::fromLatin1(value));
    TimeSeekParts p;
    if (!m.hasMatch())
        return p;
    p.start = m.captured(1).toDouble();
    p.end = m.captured(2).toDouble();
    p.duration = m.captured(3).toDouble();
    if (m.lastCapturedIndex() >= 6) {
        p.first = m.captured(4).toLongLong();
        p.last = m.captured(5).toLongLong();
        p.total = m.captured(6).toLongLong();
    }
    return p;
}

} // namespace

class TestDlnaMediaHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fileRangeWithContentFeatures();
    void fileHeadCarriesTheSameHeaders();
    void fileWithoutProfile();
    void transferModeEchoed_data();
    void transferModeEchoed();
    void badDlnaHeadersRefused_data();
    void badDlnaHeadersRefused();
    void timeSeekOnTheFileIsNotSupported();
    void noDlnaWithoutDlnaHeaders();
    void transcodeTimeSeekMp3();
    void transcodeTimeSeekClockForm();
    void timeSeekWinsOverOffset();
    void transcodeTimeSeekWavBytes();
    void transcodeHeadWithTimeSeek();
    void variableBitrateTimeSeekHasNoBytes();
    void cachedTranscodeTimeSeekFromZero();
    void timeSeekOutOfRange_data();
    void timeSeekOutOfRange();
    void rendererNamedByUserAgent();
    void cleanupTestCase();

private:
    QByteArray streamTarget(const QString &file) const { return m_server.streamPath(file); }
    QByteArray transcodeTarget(const QString &file, const QByteArray &query) const
    {
        return "/api/tracks/" + QByteArray::number(m_server.trackIdFor(file)) + "/transcode?" + query;
    }
    TestHttpResponse get(const QByteArray &target, const QList<QByteArray> &headers)
    {
        return request(m_server.port(), "GET", target, headers);
    }
    // The player named by the first listed stream of `trackId` (empty = none listed).
    QString playerOf(qint64 trackId) const
    {
        for (const auto &s : m_server.activity()->snapshot())
            if (s.info.trackId == trackId)
                return s.info.player;
        return {};
    }
    TestHttpResponse head(const QByteArray &target, const QList<QByteArray> &headers)
    {
        TestHttpClient client(m_server.port());
        return client.head(target, headers);
    }

    TestServer m_server;
};

void TestDlnaMediaHttp::initTestCase()
{
    QVERIFY2(!runProgram(u"ffmpeg"_s, {u"-version"_s}).isEmpty(), "ffmpeg is needed");
    QCOMPARE(makeAudio(m_server.libraryPath(u"tone.mp3"_s), kSeconds), QString());
    QCOMPARE(makeAudio(m_server.libraryPath(u"tone.flac"_s), kSeconds), QString());
    TestServerOptions options;
    options.transcoding = true;
    options.activity = true;
    options.transcodeCache = true;
    QCOMPARE(m_server.start(options), QString());
    QVERIFY(m_server.scan());
    QVERIFY(m_server.trackIdFor(u"tone.mp3"_s) > 0);
    QVERIFY(m_server.trackIdFor(u"tone.flac"_s) > 0);
}

void TestDlnaMediaHttp::fileRangeWithContentFeatures()
{
    const auto r = get(streamTarget(u"tone.mp3"_s), {kAsk, "Range: bytes=0-99"});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body.size(), 100);
    QCOMPARE(r.header("content-type"), "audio/mpeg"_ba);
    QCOMPARE(r.header("contentfeatures.dlna.org"),
             "DLNA.ORG_PN=MP3;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"_ba + kFlags);
    QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
    QCOMPARE(r.header("accept-ranges"), "bytes"_ba);
    QCOMPARE(r.headerCount("timeseekrange.dlna.org"), 0);
}

void TestDlnaMediaHttp::fileHeadCarriesTheSameHeaders()
{
    const auto r = head(streamTarget(u"tone.mp3"_s), {kAsk, "transferMode.dlna.org: Streaming", "Range: bytes=0-99"});
    QCOMPARE(r.status, 206);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.header("contentfeatures.dlna.org"),
             "DLNA.ORG_PN=MP3;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"_ba + kFlags);
    QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
    QCOMPARE(r.header("content-length"), "100"_ba);
}

void TestDlnaMediaHttp::fileWithoutProfile()
{
    const auto r = get(streamTarget(u"tone.flac"_s), {kAsk});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("contentfeatures.dlna.org"), "DLNA.ORG_OP=01;DLNA.ORG_CI=0;"_ba + kFlags);
    QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
}

void TestDlnaMediaHttp::transferModeEchoed_data()
{
    QTest::addColumn<QByteArray>("asked");
    QTest::addColumn<QByteArray>("answered");
    QTest::newRow("Streaming") << "Streaming"_ba << "Streaming"_ba;
    QTest::newRow("Interactive (Samsung asks it for audio)") << "Interactive"_ba << "Interactive"_ba;
    QTest::newRow("Background") << "Background"_ba << "Background"_ba;
    QTest::newRow("lower case") << "background"_ba << "Background"_ba;
}

void TestDlnaMediaHttp::transferModeEchoed()
{
    QFETCH(QByteArray, asked);
    QFETCH(QByteArray, answered);
    const auto r = get(streamTarget(u"tone.mp3"_s), {"transferMode.dlna.org: " + asked, "Range: bytes=0-9"});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("transfermode.dlna.org"), answered);
    // Not asked for: no contentFeatures.
    QCOMPARE(r.headerCount("contentfeatures.dlna.org"), 0);
}

void TestDlnaMediaHttp::badDlnaHeadersRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown transfer mode") << "transferMode.dlna.org: Bulk"_ba << 406;
    QTest::newRow("empty transfer mode") << "transferMode.dlna.org:"_ba << 406;
    QTest::newRow("getcontentFeatures 0") << "getcontentFeatures.dlna.org: 0"_ba << 400;
}

void TestDlnaMediaHttp::badDlnaHeadersRefused()
{
    QFETCH(QByteArray, header);
    QFETCH(int, status);
    QCOMPARE(get(streamTarget(u"tone.mp3"_s), {header}).status, status);
    QCOMPARE(get(transcodeTarget(u"tone.flac"_s, "format=mp3"), {header}).status, status);
}

void TestDlnaMediaHttp::timeSeekOnTheFileIsNotSupported()
{
    const auto r = get(streamTarget(u"tone.mp3"_s), {kAsk, "TimeSeekRange.dlna.org: npt=5-"});
    QCOMPARE(r.status, 406);
}

void TestDlnaMediaHttp::noDlnaWithoutDlnaHeaders()
{
    const auto file = get(streamTarget(u"tone.mp3"_s), {"Range: bytes=0-99", "User-Agent: SomeTV/1.0"});
    QCOMPARE(file.status, 206);
    const auto transcode = get(transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=128"), {});
    QCOMPARE(transcode.status, 200);
    for (const auto *r : {&file, &transcode}) {
        for (const auto &[name, value] : r->headers)
            QVERIFY2(!name.toLower().contains("dlna.org"), name.constData());
    }
}

void TestDlnaMediaHttp::transcodeTimeSeekMp3()
{
    const auto r = get(transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=128"),
                       {kAsk, "TimeSeekRange.dlna.org: npt=5-"});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("contentfeatures.dlna.org"), "DLNA.ORG_PN=MP3;DLNA.ORG_OP=11;DLNA.ORG_CI=1;"_ba + kFlags);
    QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
    const TimeSeekParts seek = timeSeekParts(r.header("timeseekrange.dlna.org"));
    QCOMPARE(seek.start, 5.0);
    QCOMPARE(seek.end, kSeconds);
    QCOMPARE(seek.duration, kSeconds);
    // The body is the whole transcode's tail: its bytes from 5 s at 128 kbit/s to the end.
    QVERIFY2(qAbs(seek.first - 5 * 128 * 125) <= 1, QByteArray::number(seek.first).constData());
    QCOMPARE(seek.last, seek.total - 1);
    QCOMPARE(r.header("content-length").toLongLong(), seek.last - seek.first + 1);
    QCOMPARE(r.body.size(), seek.last - seek.first + 1);
    QVERIFY(r.complete);
    const double seconds = decodedSeconds(r.body, u"mp3"_s);
    QVERIFY2(qAbs(seconds - (kSeconds - 5)) < 0.5, QByteArray::number(seconds).constData());
}

void TestDlnaMediaHttp::transcodeTimeSeekClockForm()
{
    const auto r = get(transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=128"),
                       {"TimeSeekRange.dlna.org: npt=0:00:12.500-"});
    QCOMPARE(r.status, 200);
    QCOMPARE(timeSeekParts(r.header("timeseekrange.dlna.org")).start, 12.5);
    // TimeSeekRange alone is not a DLNA renderer's request for the other headers.
    QCOMPARE(r.headerCount("contentfeatures.dlna.org"), 0);
    const double seconds = decodedSeconds(r.body, u"mp3"_s);
    QVERIFY2(qAbs(seconds - (kSeconds - 12.5)) < 0.5, QByteArray::number(seconds).constData());
}

void TestDlnaMediaHttp::timeSeekWinsOverOffset()
{
    const auto r = get(transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=128&offset=2"),
                       {"TimeSeekRange.dlna.org: npt=15-"});
    QCOMPARE(r.status, 200);
    QCOMPARE(timeSeekParts(r.header("timeseekrange.dlna.org")).start, 15.0);
    const double seconds = decodedSeconds(r.body, u"mp3"_s);
    QVERIFY2(qAbs(seconds - (kSeconds - 15)) < 0.5, QByteArray::number(seconds).constData());
}

void TestDlnaMediaHttp::transcodeTimeSeekWavBytes()
{
    const auto r = get(transcodeTarget(u"tone.flac"_s, "format=wav"), {kAsk, "TimeSeekRange.dlna.org: npt=5-"});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("contentfeatures.dlna.org"), "DLNA.ORG_OP=11;DLNA.ORG_CI=1;"_ba + kFlags);
    const TimeSeekParts seek = timeSeekParts(r.header("timeseekrange.dlna.org"));
    // 44.1 kHz, stereo, 16 bit: 176400 bytes a second after a 44-byte header.
    QCOMPARE(seek.total, qint64(44 + 20 * 176400));
    QCOMPARE(seek.first, qint64(44 + 5 * 176400));
    QCOMPARE(seek.last, seek.total - 1);
    // The body starts with its own header, so it is that much longer than the range.
    QCOMPARE(r.body.size(), seek.last - seek.first + 1 + 44);
    QVERIFY(r.body.startsWith("RIFF"));
    const double seconds = decodedSeconds(r.body, u"wav"_s);
    QVERIFY2(qAbs(seconds - (kSeconds - 5)) < 0.1, QByteArray::number(seconds).constData());
}

void TestDlnaMediaHttp::transcodeHeadWithTimeSeek()
{
    const auto r = head(transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=128"),
                        {kAsk, "transferMode.dlna.org: Streaming", "TimeSeekRange.dlna.org: npt=5.0-"});
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.header("contentfeatures.dlna.org"), "DLNA.ORG_PN=MP3;DLNA.ORG_OP=11;DLNA.ORG_CI=1;"_ba + kFlags);
    QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
    const TimeSeekParts seek = timeSeekParts(r.header("timeseekrange.dlna.org"));
    QCOMPARE(seek.start, 5.0);
    QCOMPARE(r.header("content-length").toLongLong(), seek.last - seek.first + 1);
}

void TestDlnaMediaHttp::variableBitrateTimeSeekHasNoBytes()
{
    // No length: the body comes chunked.
    TestHttpClient client(m_server.port());
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    const auto r = client.request("GET", transcodeTarget(u"tone.flac"_s, "format=opus"),
                                  {kAsk, "TimeSeekRange.dlna.org: npt=5-"}, options);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "audio/ogg; codecs=opus"_ba);
    // Opus seeks in time only (no length to map bytes to).
    QCOMPARE(r.header("contentfeatures.dlna.org"), "DLNA.ORG_OP=10;DLNA.ORG_CI=1;"_ba + kFlags);
    QCOMPARE(r.header("timeseekrange.dlna.org"), "npt=5.000-20.000/20.000"_ba);
    QVERIFY(r.chunked && r.complete);
    const double seconds = decodedSeconds(r.body, u"opus"_s);
    QVERIFY2(qAbs(seconds - (kSeconds - 5)) < 0.5, QByteArray::number(seconds).constData());
}

void TestDlnaMediaHttp::cachedTranscodeTimeSeekFromZero()
{
    const QByteArray target = transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=96");
    const int before = m_server.transcoding()->cache().entryCount();
    const auto whole = get(target, {});
    QCOMPARE(whole.status, 200);
    QTRY_COMPARE(m_server.transcoding()->cache().entryCount(), before + 1);

    // From 0 the cached file answers (it has an ETag, a live transcode has none), all of it.
    const auto cached = get(target, {kAsk, "TimeSeekRange.dlna.org: npt=0-"});
    QCOMPARE(cached.status, 200);
    QVERIFY(!cached.header("etag").isEmpty());
    QCOMPARE(cached.body, whole.body);
    QCOMPARE(cached.header("contentfeatures.dlna.org"), "DLNA.ORG_PN=MP3;DLNA.ORG_OP=11;DLNA.ORG_CI=1;"_ba + kFlags);
    const QByteArray size = QByteArray::number(whole.body.size());
    QCOMPARE(cached.header("timeseekrange.dlna.org"),
             "npt=0.000-20.000/20.000 bytes=0-" + QByteArray::number(whole.body.size() - 1) + '/' + size);

    // A Range beside the time seek is not applied on top of it: the whole, live.
    const auto withRange = get(target, {"TimeSeekRange.dlna.org: npt=0-", "Range: bytes=0-99"});
    QCOMPARE(withRange.status, 200);
    QVERIFY(withRange.header("etag").isEmpty());
    QCOMPARE(withRange.header("content-length"), size);
}

void TestDlnaMediaHttp::timeSeekOutOfRange_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    // DLNA (7.5.4.3.2.24): a malformed TimeSeekRange is a bad request; a time the media does not
    // have cannot be satisfied.
    QTest::newRow("not npt") << "npt=abc"_ba << 400;
    QTest::newRow("no dash") << "npt=5"_ba << 400;
    QTest::newRow("bytes instead") << "bytes=0-"_ba << 400;
    QTest::newRow("negative") << "npt=-5-"_ba << 400;
    QTest::newRow("minutes 75") << "npt=0:75:00-"_ba << 400;
    QTest::newRow("ends before it starts") << "npt=8-3"_ba << 400;
    QTest::newRow("start beyond the end") << "npt=25-"_ba << 416;
    QTest::newRow("start at the end") << "npt=20-"_ba << 416;
    QTest::newRow("end beyond the end") << "npt=5-30"_ba << 416;
    QTest::newRow("an hour in") << "npt=1:00:00-"_ba << 416;
}

void TestDlnaMediaHttp::timeSeekOutOfRange()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    const auto r = get(transcodeTarget(u"tone.flac"_s, "format=mp3"), {kAsk, "TimeSeekRange.dlna.org: " + range});
    QCOMPARE(r.status, status);
}

void TestDlnaMediaHttp::rendererNamedByUserAgent()
{
    const QByteArray agent = "SEC_HHP_[TV] Living Room/1.0 DLNADOC/1.50 " + QByteArray(120, 'x');
    TestHttpClient client(m_server.port(), 16 * 1024);
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    options.maxBody = 1000;
    // A bitrate no other test asks for: never in the cache, so a live (and lasting) stream.
    const auto r = client.request("GET", transcodeTarget(u"tone.flac"_s, "format=mp3&bitrate=192"),
                                  {kAsk, "User-Agent:  " + agent + "  "}, options);
    QCOMPARE(r.status, 200);
    // The stream stays open (the client stopped reading): it is listed under the renderer's name.
    const qint64 trackId = m_server.trackIdFor(u"tone.flac"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!playerOf(trackId).isEmpty(), 5000);
    QCOMPARE(playerOf(trackId), QString::fromLatin1(agent.left(100)));
    client.abort();
}

void TestDlnaMediaHttp::cleanupTestCase()
{
    m_server.stop();
}

QTEST_GUILESS_MAIN(TestDlnaMediaHttp)
#include "tst_dlna_media_http.moc"
