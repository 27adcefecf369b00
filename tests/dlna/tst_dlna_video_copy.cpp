// A video renderers rarely decode (Matroska) offered to DLNA a second time, as MPEG-TS with
// H.264 + AAC encoded live at its top HLS rung: the DIDL's second <res> (signed, time seek only),
// and the route behind it against the real server — the stream ffprobe reads, time seeks by
// TimeSeekRange and offset=, refusals (400, 404, 416), HEAD without FFmpeg, the stream in
// Activity until the client leaves or an administrator ends it, 503 while the FFmpeg queue is full.
#undef QT_USE_QSTRINGBUILDER
#include "DlnaTestDevice.h"
#include "MediaFixtures.h"
#include "SoapFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "activity/ActivityRegistry.h"
#include "auth/Authenticator.h"
#include "transcode/TranscodeService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

constexpr double kSeconds = 6;
const QByteArray kAsk = "getcontentFeatures.dlna.org: 1";
const QByteArray kCopyFeatures = "DLNA.ORG_OP=10;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=01700000000000000000000000000000";
const QByteArray kCds = "urn:schemas-upnp-org:service:ContentDirectory:1";

struct Res
{
    QString url, protocolInfo, resolution, duration;
};

// Every <res> of the DIDL item titled `title`.
QList<Res> resourcesOf(const QByteArray &didl, const QString &title)
{
    QXmlStreamReader xml(didl);
    QList<Res> all;
    QString itemTitle;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"item"_s) {
            if (itemTitle == title)
                return all;
            all.clear();
            itemTitle.clear();
        } else if (xml.isStartElement() && xml.name() == u"title"_s) {
            itemTitle = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"res"_s) {
            Res r;
            r.protocolInfo = xml.attributes().value(u"protocolInfo"_s).toString();
            r.resolution = xml.attributes().value(u"resolution"_s).toString();
            r.duration = xml.attributes().value(u"duration"_s).toString();
            r.url = xml.readElementText();
            all << r;
        }
    }
    return itemTitle == title ? all : QList<Res>();
}

// What ffprobe sees in a body: its container, codecs, first video size and duration.
struct Probe
{
    QString format;
    QStringList codecs;
    int width = 0, height = 0;
    double seconds = -1;
};

Probe probe(const QByteArray &bytes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"body.ts"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    f.close();
    const QByteArray out = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s,
                                                     u"format=format_name,duration:stream=codec_name,width,height"_s,
                                                     u"-of"_s, u"json"_s, path});
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    Probe p;
    p.format = json.value(u"format"_s).toObject().value(u"format_name"_s).toString();
    p.seconds = json.value(u"format"_s).toObject().value(u"duration"_s).toString().toDouble();
    for (const auto &value : json.value(u"streams"_s).toArray()) {
        const QJsonObject stream = value.toObject();
        p.codecs << stream.value(u"codec_name"_s).toString();
        if (stream.contains(u"width"_s) && p.width == 0) {
            p.width = stream.value(u"width"_s).toInt();
            p.height = stream.value(u"height"_s).toInt();
        }
    }
    p.codecs.sort();
    return p;
}

} // namespace

class TestDlnaVideoCopy : public QObject
{
    Q_OBJECT

    TestServer m_server;
    DlnaTestDevice m_dlna{u"0c4f1a7e-3b2d-4e8f-9a61-5d7c2b9e4f10"_s, u"Cairn video copies"_s};
    qint64 m_lanUser = 0;
    QByteArray m_copy;   // the signed copy target of clip.mkv, as the DIDL links it
    double m_seconds = 0;   // clip.mkv's duration as the catalog read it (the container's, ≈ 6 s)

    // Seconds as the answers write them.
    static QByteArray npt(double seconds) { return QByteArray::number(seconds, 'f', 3); }

    // A live copy has no length: read whatever the framing says.
    TestHttpResponse get(const QByteArray &target, const QList<QByteArray> &headers = {})
    {
        TestHttpClient client(m_server.port());
        TestHttpClient::ReadOptions options;
        options.framing = TestHttpClient::Framing::Any;
        options.timeoutMs = 60000;
        return client.request("GET", target, headers, options);
    }
    TestHttpResponse soap(const QByteArray &action, const QByteArray &args)
    {
        const QByteArray body = soapBody(kCds, action, args);
        TestHttpClient client(m_server.port());
        const QList<QByteArray> headers{"Content-Type: text/xml; charset=\"utf-8\"",
                                        "SOAPACTION: \"" + kCds + '#' + action + '"',
                                        "Content-Length: " + QByteArray::number(body.size())};
        client.send(requestBytes("POST", "/dlna/cds/control", headers, body));
        return client.read(false);
    }
    // The DIDL of every video, as the DLNA account browses "All videos".
    QByteArray allVideos()
    {
        const auto r = soap("Browse", "<ObjectID>vall</ObjectID><BrowseFlag>BrowseDirectChildren</BrowseFlag>"
                                      "<Filter>*</Filter><StartingIndex>0</StartingIndex>"
                                      "<RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        return r.status == 200 ? elementText(r.body, u"Result"_s).toUtf8() : QByteArray();
    }
    // `path` signed for the DLNA account, as a request target.
    QByteArray signedTarget(const QString &path) const
    {
        return m_server.auth()->signedUrl(path, m_lanUser).toLatin1();
    }
    QList<StreamSnapshot> copiesListed() const
    {
        QList<StreamSnapshot> out;
        for (const auto &s : m_server.activity()->snapshot())
            if (s.info.preset.startsWith(u"MPEG-TS"_s))
                out << s;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!runProgram(u"ffprobe"_s, {u"-version"_s}).isEmpty(), "ffprobe is needed");
        QCOMPARE(makeVideo(m_server.libraryPath(u"clip.mkv"_s), kSeconds, 640, 360), QString());
        // Long enough that its copy is still being sent while the test looks at Activity.
        QCOMPARE(makeVideo(m_server.libraryPath(u"long.mkv"_s), 90, 320, 240), QString());
        QCOMPARE(makeVideo(m_server.libraryPath(u"plain.mp4"_s), 2, 320, 240), QString());
        QCOMPARE(makeAudio(m_server.libraryPath(u"tone.mp3"_s), 2), QString());
        TestServerOptions options;
        options.scanFirst = true;
        options.auth = true;
        options.hls = true;
        options.hlsSettings.x264Preset = u"ultrafast"_s;   // the encoding under test, only quicker
        options.transcoding = true;
        options.activity = true;
        options.maxTranscodes = 2;
        options.ffmpegQueueTimeoutMs = 3000;   // a full queue answers 503 soon
        options.moreServices = [this](HttpServices &services) { m_dlna.attach(services); };
        QCOMPARE(m_server.start(options), QString());
        m_lanUser = m_dlna.addLanUser(m_server);
        QVERIFY(m_lanUser > 0);
    }

    void didlOffersTheCopyOfMatroska()
    {
        const QByteArray didl = allVideos();
        const QList<Res> res = resourcesOf(didl, u"clip"_s);
        QVERIFY2(res.size() == 2, didl.constData());
        QVERIFY2(res.at(0).protocolInfo.startsWith(u"http-get:*:video/x-matroska:DLNA.ORG_OP=01;DLNA.ORG_CI=0"_s),
                 qPrintable(res.at(0).protocolInfo));
        const Res &copy = res.at(1);
        const QUrl url(copy.url);
        const qint64 id = m_server.trackIdFor(u"clip.mkv"_s);
        QCOMPARE(url.path(), u"/api/videos/%1/mpegts"_s.arg(id));
        QVERIFY2(url.query().contains(u"sig="_s), qPrintable(copy.url));
        m_copy = url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toLatin1();
        // No DLNA.ORG_PN: no AVC_TS profile is certain for the ladder's output.
        QCOMPARE(copy.protocolInfo, u"http-get:*:video/mpeg:"_s + QString::fromLatin1(kCopyFeatures));
        QCOMPARE(copy.resolution, u"640x360"_s);   // the 360p rung: the source's own size
        QCOMPARE(copy.duration, res.at(0).duration);
        QVERIFY2(copy.duration.startsWith(u"0:00:06."_s), qPrintable(copy.duration));
        m_seconds = 6 + copy.duration.mid(8).toDouble() / 1000;

        // MP4 with H.264 plays on TVs as it is: one res.
        QCOMPARE(resourcesOf(didl, u"plain"_s).size(), 1);
    }

    void copyIsMpegTsWithH264AndAac()
    {
        QVERIFY(!m_copy.isEmpty());
        // Signed, so without credentials, as a renderer asks.
        const auto r = get(m_copy, {kAsk, "transferMode.dlna.org: Streaming"});
        QCOMPARE(r.status, 200);
        QVERIFY(r.chunked && r.complete);
        QCOMPARE(r.headerCount("content-length"), 0);
        QCOMPARE(r.header("content-type"), "video/mpeg"_ba);
        QCOMPARE(r.header("accept-ranges"), "none"_ba);
        QCOMPARE(r.header("contentfeatures.dlna.org"), kCopyFeatures);
        QCOMPARE(r.header("transfermode.dlna.org"), "Streaming"_ba);
        QCOMPARE(r.header("x-content-duration"), npt(m_seconds));
        QCOMPARE(r.headerCount("timeseekrange.dlna.org"), 0);
        const Probe p = probe(r.body);
        QCOMPARE(p.format, u"mpegts"_s);
        QCOMPARE(p.codecs, (QStringList{u"aac"_s, u"h264"_s}));
        QCOMPARE(p.width, 640);
        QCOMPARE(p.height, 360);
        QVERIFY2(qAbs(p.seconds - m_seconds) < 0.5, QByteArray::number(p.seconds).constData());
    }

    void timeSeekStartsLater()
    {
        const auto r = get(m_copy, {kAsk, "TimeSeekRange.dlna.org: npt=2-"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("timeseekrange.dlna.org"), "npt=2.000-" + npt(m_seconds) + '/' + npt(m_seconds));
        QCOMPARE(r.header("x-content-duration"), npt(m_seconds - 2));
        const Probe p = probe(r.body);
        QCOMPARE(p.codecs, (QStringList{u"aac"_s, u"h264"_s}));
        QVERIFY2(qAbs(p.seconds - (m_seconds - 2)) < 0.5, QByteArray::number(p.seconds).constData());
    }

    void offsetStartsLaterToo()
    {
        // The signature covers the path: offset= may follow it.
        const auto r = get(m_copy + "&offset=3.5", {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headerCount("timeseekrange.dlna.org"), 0);
        QCOMPARE(r.headerCount("contentfeatures.dlna.org"), 0);   // not asked in DLNA's words
        const Probe p = probe(r.body);
        QVERIFY2(qAbs(p.seconds - (m_seconds - 3.5)) < 0.5, QByteArray::number(p.seconds).constData());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("status");
        QTest::newRow("npt not a time") << QByteArray() << "TimeSeekRange.dlna.org: npt=abc"_ba << 400;
        QTest::newRow("npt backwards") << QByteArray() << "TimeSeekRange.dlna.org: npt=4-1"_ba << 400;
        QTest::newRow("npt bytes") << QByteArray() << "TimeSeekRange.dlna.org: bytes=0-"_ba << 400;
        QTest::newRow("npt at the end") << QByteArray() << "TimeSeekRange.dlna.org: npt=" + npt(m_seconds) + '-' << 416;
        QTest::newRow("npt beyond the end") << QByteArray() << "TimeSeekRange.dlna.org: npt=0:01:00-"_ba << 416;
        QTest::newRow("npt ends beyond the end") << QByteArray() << "TimeSeekRange.dlna.org: npt=1-30"_ba << 416;
        QTest::newRow("unknown transfer mode") << QByteArray() << "transferMode.dlna.org: Bulk"_ba << 406;
        QTest::newRow("offset not a number") << "&offset=abc"_ba << QByteArray() << 400;
        QTest::newRow("offset negative") << "&offset=-1"_ba << QByteArray() << 400;
        QTest::newRow("offset at the end") << "&offset=" + npt(m_seconds) << QByteArray() << 400;
    }

    void refusals()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, header);
        QFETCH(int, status);
        QList<QByteArray> headers;
        if (!header.isEmpty())
            headers << header;
        const auto r = get(m_copy + query, headers);
        QCOMPARE(r.status, status);
        QVERIFY(r.header("content-type").startsWith("application/json"));
    }

    void onlyVisibleVideos()
    {
        const qint64 audio = m_server.trackIdFor(u"tone.mp3"_s);
        QCOMPARE(get(signedTarget(u"/api/videos/%1/mpegts"_s.arg(audio))).status, 404);
        QCOMPARE(get(signedTarget(u"/api/videos/999999/mpegts"_s)).status, 404);
        QCOMPARE(get(signedTarget(u"/api/videos/0x10/mpegts"_s)).status, 400);
        // Neither signed nor with credentials.
        QCOMPARE(get(QUrl(QString::fromLatin1(m_copy)).path().toLatin1()).status, 401);
    }

    void headAnnouncesWithoutFfmpeg()
    {
        const int before = m_server.transcoding()->jobs().running();
        TestHttpClient client(m_server.port());
        const auto r = client.head(m_copy, {kAsk, "TimeSeekRange.dlna.org: npt=1.5-"});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("content-type"), "video/mpeg"_ba);
        QCOMPARE(r.header("transfer-encoding"), "chunked"_ba);
        QCOMPARE(r.header("accept-ranges"), "none"_ba);
        QCOMPARE(r.header("contentfeatures.dlna.org"), kCopyFeatures);
        QCOMPARE(r.header("timeseekrange.dlna.org"), "npt=1.500-" + npt(m_seconds) + '/' + npt(m_seconds));
        QCOMPARE(m_server.transcoding()->jobs().running(), before);
        QVERIFY(copiesListed().isEmpty());
    }

    void activityListsTheCopyUntilTheClientLeaves()
    {
        const QByteArray target = signedTarget(u"/api/videos/%1/mpegts"_s.arg(m_server.trackIdFor(u"long.mkv"_s)));
        TestHttpClient client(m_server.port(), 16 * 1024);
        TestHttpClient::ReadOptions options;
        options.framing = TestHttpClient::Framing::Any;
        options.maxBody = 1000;
        const auto r = client.request("GET", target, {kAsk, "User-Agent: Living Room TV/1.0 DLNADOC/1.50"}, options);
        QCOMPARE(r.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(copiesListed().size(), 1, 5000);
        const StreamSnapshot s = copiesListed().constFirst();
        QCOMPARE(s.info.kind, StreamKind::Transcode);
        QCOMPARE(s.info.preset, u"MPEG-TS 360p"_s);   // the smallest preset, at the source's 320×240
        QCOMPARE(s.info.trackId, m_server.trackIdFor(u"long.mkv"_s));
        QCOMPARE(s.info.player, u"Living Room TV/1.0 DLNADOC/1.50"_s);
        QCOMPARE(s.user, u"living-room"_s);
        QCOMPARE(m_server.transcoding()->jobs().running(), 1);
        // The client leaves: the stream ends, and FFmpeg with it (its slot comes back).
        client.abort();
        QTRY_VERIFY_WITH_TIMEOUT(copiesListed().isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.transcoding()->jobs().running(), 0, 5000);
    }

    void endEndsTheCopy()
    {
        const QByteArray target = signedTarget(u"/api/videos/%1/mpegts"_s.arg(m_server.trackIdFor(u"long.mkv"_s)));
        TestHttpClient client(m_server.port(), 16 * 1024);
        TestHttpClient::ReadOptions options;
        options.framing = TestHttpClient::Framing::Any;
        options.maxBody = 1000;
        QCOMPARE(client.request("GET", target, {}, options).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(copiesListed().size(), 1, 5000);
        QVERIFY(m_server.activity()->end(copiesListed().constFirst().id));
        QTRY_VERIFY_WITH_TIMEOUT(copiesListed().isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.transcoding()->jobs().running(), 0, 5000);
    }

    void fullQueueIsBusy()
    {
        // Every slot taken (by the test itself), and no room to wait long: 503 + Retry-After.
        std::vector<std::unique_ptr<FfmpegQueue::Slot>> held;
        while (auto slot = m_server.transcoding()->jobs().tryAcquire())
            held.push_back(std::move(slot));
        QVERIFY(!held.empty());
        const auto r = get(m_copy, {kAsk});
        QCOMPARE(r.status, 503);
        QVERIFY(!r.header("retry-after").isEmpty());
        held.clear();
        QCOMPARE(get(m_copy + "&offset=5", {}).status, 200);
    }

    void cleanupTestCase()
    {
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TestDlnaVideoCopy)
#include "tst_dlna_video_copy.moc"
