// Subtitles for DLNA TVs, which read SubRip and find it three ways: Samsung's sec:CaptionInfoEx
// (and sec:CaptionInfo) in the DIDL item, a text/srt <res> beside the video's (LG, Panasonic,
// Kodi), and the CaptionInfo.sec header on the video's answer to getCaptionInfo.sec: 1. The
// SubRip behind them (signed for the DLNA account, as TVs send no credentials) is read by
// FFmpeg; a video without subtitles names none.
#undef QT_USE_QSTRINGBUILDER
#include "DlnaTestDevice.h"
#include "MediaFixtures.h"
#include "SoapFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "auth/Authenticator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

const QByteArray kCds = "urn:schemas-upnp-org:service:ContentDirectory:1";
const QByteArray kSidecar = "1\r\n00:00:00,500 --> 00:00:01,500\r\nFirst <i>line</i>\r\n\r\n"
                            "2\r\n00:00:02,000 --> 00:00:03,250\r\nSecond & last\r\n\r\n";

// What one DIDL item says of its subtitles.
struct Captions
{
    QStringList secInfo;      // sec:CaptionInfo then sec:CaptionInfoEx URLs, with their sec:type
    QStringList srtRes;       // text/srt <res> URLs
    QString firstResUrl;      // the video's own
};

Captions captionsOf(const QByteArray &didl, const QString &title)
{
    QXmlStreamReader xml(didl);
    Captions current, found;
    QString itemTitle;
    bool done = false;
    while (!xml.atEnd() && !done) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"item"_s) {
            current = {};
            itemTitle.clear();
        } else if (xml.isEndElement() && xml.name() == u"item"_s) {
            if (itemTitle == title) {
                found = current;
                done = true;
            }
        } else if (xml.isStartElement() && xml.name() == u"title"_s) {
            itemTitle = xml.readElementText();
        } else if (xml.isStartElement() && xml.namespaceUri() == u"http://www.sec.co.kr/"_s) {
            const QString name = xml.name().toString();
            const QString type = xml.attributes().value(u"http://www.sec.co.kr/"_s, u"type"_s).toString();
            current.secInfo << name + u' ' + type + u' ' + xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"res"_s) {
            const QString protocolInfo = xml.attributes().value(u"protocolInfo"_s).toString();
            const QString url = xml.readElementText();
            if (protocolInfo == u"http-get:*:text/srt:*"_s)
                current.srtRes << url;
            else if (current.firstResUrl.isEmpty())
                current.firstResUrl = url;
        }
    }
    return found;
}

QByteArray targetOf(const QString &url)
{
    return QUrl(url).toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toLatin1();
}

} // namespace

class TestDlnaSubtitles : public QObject
{
    Q_OBJECT

    TestServer m_server;
    DlnaTestDevice m_dlna{u"5d1c7a0e-2b3f-4c6d-8e9a-0f1b2c3d4e5f"_s, u"Cairn subtitles"_s};
    qint64 m_lanUser = 0;
    Captions m_film;

    TestHttpResponse get(const QByteArray &target, const QList<QByteArray> &headers = {})
    {
        TestHttpClient client(m_server.port());
        TestHttpClient::ReadOptions options;
        options.framing = TestHttpClient::Framing::Any;
        options.timeoutMs = 60000;
        options.head = false;
        return client.request("GET", target, headers, options);
    }
    QByteArray allVideos()
    {
        const QByteArray body = soapBody(kCds, "Browse",
                                         "<ObjectID>vall</ObjectID><BrowseFlag>BrowseDirectChildren</BrowseFlag>"
                                         "<Filter>*</Filter><StartingIndex>0</StartingIndex>"
                                         "<RequestedCount>0</RequestedCount><SortCriteria></SortCriteria>");
        TestHttpClient client(m_server.port());
        client.send(requestBytes("POST", "/dlna/cds/control",
                                 {"Content-Type: text/xml; charset=\"utf-8\"",
                                  "SOAPACTION: \"" + kCds + "#Browse\"",
                                  "Content-Length: " + QByteArray::number(body.size())},
                                 body));
        const auto r = client.read(false);
        return r.status == 200 ? elementText(r.body, u"Result"_s).toUtf8() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(makeVideo(m_server.libraryPath(u"film.mp4"_s), 4, 320, 240), QString());
        QFile srt(m_server.libraryPath(u"film.en.srt"_s));
        QVERIFY(srt.open(QIODevice::WriteOnly));
        srt.write(kSidecar);
        srt.close();
        QCOMPARE(makeVideo(m_server.libraryPath(u"bare.mp4"_s), 2, 320, 240), QString());
        TestServerOptions options;
        options.scanFirst = true;
        options.auth = true;
        options.subtitles = true;
        options.moreServices = [this](HttpServices &services) { m_dlna.attach(services); };
        QCOMPARE(m_server.start(options), QString());
        m_lanUser = m_dlna.addLanUser(m_server);
        QVERIFY(m_lanUser > 0);
    }

    void didlNamesTheSubRip()
    {
        const QByteArray didl = allVideos();
        m_film = captionsOf(didl, u"film"_s);
        QVERIFY2(!m_film.firstResUrl.isEmpty(), didl.constData());
        QCOMPARE(m_film.srtRes.size(), 1);
        const QString srtUrl = m_film.srtRes.first();
        const qint64 film = m_server.trackIdFor(u"film.mp4"_s);
        QCOMPARE(QUrl(srtUrl).path(), u"/api/videos/%1/subtitles/x0.srt"_s.arg(film));
        QVERIFY2(QUrl(srtUrl).query().contains(u"sig="_s), qPrintable(srtUrl));
        QCOMPARE(m_film.secInfo,
                 (QStringList{u"CaptionInfo srt "_s + srtUrl, u"CaptionInfoEx srt "_s + srtUrl}));
        // A video without subtitles names none.
        const Captions bare = captionsOf(didl, u"bare"_s);
        QVERIFY(!bare.firstResUrl.isEmpty());
        QVERIFY(bare.srtRes.isEmpty());
        QVERIFY(bare.secInfo.isEmpty());
    }

    void subRipIsServedToTheTv()
    {
        QVERIFY(!m_film.srtRes.isEmpty());
        // Signed: no credentials, as a TV asks.
        const auto r = get(targetOf(m_film.srtRes.first()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), "text/srt; charset=utf-8"_ba);
        QCOMPARE(r.body, "1\r\n00:00:00,500 --> 00:00:01,500\r\nFirst <i>line</i>\r\n\r\n"
                         "2\r\n00:00:02,000 --> 00:00:03,250\r\nSecond & last\r\n\r\n"_ba);
        const QByteArray etag = r.header("etag");
        QVERIFY2(etag.endsWith("-srt\""), etag.constData());
        const auto again = get(targetOf(m_film.srtRes.first()), {"If-None-Match: " + etag});
        QCOMPARE(again.status, 304);
        // FFmpeg reads it as SubRip: two cues.
        QTemporaryDir dir;
        QFile file(dir.filePath(u"tv.srt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(r.body);
        file.close();
        const QByteArray packets = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-f"_s, u"srt"_s, u"-show_entries"_s,
                                                             u"packet=pts_time"_s, u"-of"_s, u"csv=p=0"_s, file.fileName()});
        QCOMPARE(packets.trimmed().split('\n'), (QList<QByteArray>{"0.500000", "2.000000"}));
    }

    void videoAnswerNamesTheSubRip()
    {
        QVERIFY(!m_film.firstResUrl.isEmpty());
        const QByteArray stream = targetOf(m_film.firstResUrl);
        const auto asked = get(stream, {"getcontentFeatures.dlna.org: 1", "getCaptionInfo.sec: 1", "Range: bytes=0-99"});
        QCOMPARE(asked.status, 206);
        const QByteArray caption = asked.header("captioninfo.sec");
        QCOMPARE(QUrl(QString::fromLatin1(caption)).path(), QUrl(m_film.srtRes.first()).path());
        QCOMPARE(get(targetOf(QString::fromLatin1(caption))).status, 200);   // signed: the TV fetches it as is
        // Not asked: not told.
        QCOMPARE(get(stream, {"getcontentFeatures.dlna.org: 1", "Range: bytes=0-99"}).headerCount("captioninfo.sec"), 0);
        QCOMPARE(get(stream, {"getCaptionInfo.sec: yes", "Range: bytes=0-99"}).headerCount("captioninfo.sec"), 0);
        // No subtitles: nothing to tell.
        const QByteArray bare = targetOf(captionsOf(allVideos(), u"bare"_s).firstResUrl);
        const auto none = get(bare, {"getCaptionInfo.sec: 1", "Range: bytes=0-99"});
        QCOMPARE(none.status, 206);
        QCOMPARE(none.headerCount("captioninfo.sec"), 0);
    }

    void badSubRipNames()
    {
        const qint64 film = m_server.trackIdFor(u"film.mp4"_s);
        const auto sign = [this](const QString &path) { return m_server.auth()->signedUrl(path, m_lanUser).toLatin1(); };
        QCOMPARE(get(sign(u"/api/videos/%1/subtitles/x1.srt"_s.arg(film))).status, 404);   // one sidecar only
        QCOMPARE(get(sign(u"/api/videos/%1/subtitles/s0.srt"_s.arg(film))).status, 404);   // a video stream
        QCOMPARE(get(sign(u"/api/videos/%1/subtitles/x0.sub"_s.arg(film))).status, 404);
        QCOMPARE(get(sign(u"/api/videos/%1/subtitles/../x0.srt"_s.arg(film))).status, 404);
        // Unsigned and without credentials: refused.
        QCOMPARE(get("/api/videos/" + QByteArray::number(film) + "/subtitles/x0.srt").status, 401);
    }
};

QTEST_GUILESS_MAIN(TestDlnaSubtitles)
#include "tst_dlna_subtitles.moc"
