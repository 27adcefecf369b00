// Other media servers' published vulnerabilities, replayed against Cairn: each test sends what
// the original attack sent and asserts Cairn holds. Where a check depends on the server's
// behaviour, a control request beside it shows the check would notice the hole (the same
// request made legitimately works, a trusted proxy's header is believed, …).

#include "LogCapture.h"
#include "MediaFixtures.h"
#include "SecurityServer.h"
#include "TestCatalog.h"

#include "auth/SigningSecret.h"
#include "auth/UserAdministration.h"
#include "catalog/ScanErrorRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

// What nobody outside the library may read; an attack that reaches it shows in the body.
constexpr QByteArrayView kSecretMarker = "cairn-secret-7f3a";

QJsonObject json(const TestHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// The Subsonic answer's {"status", "error": {"code"}} (f=json).
QJsonObject subsonic(const TestHttpResponse &r)
{
    return json(r).value(u"subsonic-response"_s).toObject();
}

int subsonicCode(const TestHttpResponse &r)
{
    return subsonic(r).value(u"error"_s).toObject().value(u"code"_s).toInt(-1);
}

// The URI lines of a playlist.
QList<QByteArray> playlistUris(const QByteArray &playlist)
{
    QList<QByteArray> uris;
    for (const QByteArray &line : playlist.split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            uris << line.trimmed();
    return uris;
}

QByteArray pathOf(const QByteArray &url)
{
    return url.left(url.indexOf('?'));
}

QByteArray queryItem(const QByteArray &url, const QString &name)
{
    return QUrlQuery(QUrl::fromEncoded(url)).queryItemValue(name, QUrl::FullyDecoded).toUtf8();
}

// `url` with the query item `name` set to `value` (raw, already encoded).
QByteArray withItem(const QByteArray &url, const QByteArray &name, const QByteArray &value)
{
    QList<QByteArray> items;
    for (const QByteArray &item : url.mid(url.indexOf('?') + 1).split('&'))
        if (!item.startsWith(QByteArray(name + '=')))
            items << item;
    items << name + '=' + value;
    return pathOf(url) + '?' + items.join('&');
}

// A signature "<user>.<mac>" with one character of the mac changed.
QByteArray tampered(const QByteArray &sig)
{
    QByteArray out = sig;
    const qsizetype last = out.size() - 1;
    out[last] = out.at(last) == 'A' ? 'B' : 'A';
    return out;
}

QByteArray md5Hex(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}

// Overwrites `bytes` at `offset` in the file (offset < 0: from the end).
bool patch(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    if (!f.seek(offset < 0 ? f.size() + offset : offset))
        return false;
    return f.write(bytes) == bytes.size();
}

bool truncateTo(const QString &path, double fraction)
{
    QFile f(path);
    return f.resize(qint64(double(f.size()) * fraction));
}

// Where `what` (an MP4 box type, an ID3 frame id) first occurs in the file, or -1.
qint64 findBytes(const QString &path, const QByteArray &what)
{
    return readFile(path).indexOf(what);
}

} // namespace

class TestPeerCves : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void jellyfin_CVE_2021_21402_backslashTraversal_data();
    void jellyfin_CVE_2021_21402_backslashTraversal();
    void jellyfin_CVE_2021_21402_traversalInsideSignedUrls();
    void jellyfin_1501_5415_mediaWithoutAuth_data();
    void jellyfin_1501_5415_mediaWithoutAuth();
    void jellyfin_1501_5415_foreignOrTamperedSignatures();
    void jellyfin_1501_5415_hlsSignatures();
    void CVE_2026_35033_ffmpegArgumentInjection_data();
    void CVE_2026_35033_ffmpegArgumentInjection();
    void CVE_2026_35033_wrapperSeesGoodRequests();
    void CVE_2026_35033_subsonicStreamInjection();
    void emby_CVE_2023_33193_spoofedForwardedHeaders();
    void emby_CVE_2023_33193_logLinesCannotBeForged();
    void navidrome_CVE_2023_51442_noSharedSigningKey();
    void navidrome_CVE_2025_27112_unknownSubsonicUser();
    void navidrome_CVE_2025_48948_userCannotWriteAdminSettings();
    void navidrome_CVE_2026_25579_hugeCoverSize_data();
    void navidrome_CVE_2026_25579_hugeCoverSize();
    void CVE_2026_29508_craftedMediaFiles();
    void ums_errorPageXss_data();
    void ums_errorPageXss();

private:
    TestHttpResponse get(const QByteArray &target, const QList<QByteArray> &headers = {})
    {
        return request(m_server.port(), "GET", target, headers);
    }
    QByteArray signedStreamUrl(const QByteArray &auth, qint64 trackId, const QString &which = u"url"_s);
    QByteArray subsonicAuth(const QString &user, const QString &password) const
    {
        return "u=" + QUrl::toPercentEncoding(user) + "&p=" + QUrl::toPercentEncoding(password)
               + "&v=1.16.1&c=t&f=json";
    }

    SecurityServer m_server;
    QByteArray m_songPath, m_videoPath;   // /api/tracks/<id>, /api/videos/<id>
    QByteArray m_albumId;                 // the song's album
    QByteArray m_hlsVariant;              // /api/videos/<id>/hls/<session>/<variant>/ of a real session
    QByteArray m_hlsSession;              // /api/videos/<id>/hls/<session>
};

void TestPeerCves::initTestCase()
{
    QCOMPARE(m_server.start(), QString());
    QFile secret(m_server.dataDir() + u"/secret.txt"_s);
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write(kSecretMarker.toByteArray());
    secret.close();
    m_songPath = "/api/tracks/" + QByteArray::number(m_server.songId);
    m_videoPath = "/api/videos/" + QByteArray::number(m_server.videoId);
    m_albumId = QByteArray::number(json(get(m_songPath, {m_server.aliceToken})).value(u"albumId"_s).toInteger());
    QVERIFY(m_albumId != "0");
    const TestHttpResponse master = get(m_videoPath + "/hls/master.m3u8", {m_server.aliceToken});
    QCOMPARE(master.status, 200);
    const QList<QByteArray> variants = playlistUris(master.body);
    QVERIFY(!variants.isEmpty());
    m_hlsVariant = pathOf(variants.first());
    m_hlsVariant.chop(QByteArrayView("index.m3u8").size());
    m_hlsSession = m_hlsVariant.left(m_hlsVariant.lastIndexOf('/', m_hlsVariant.size() - 2));
}

QByteArray TestPeerCves::signedStreamUrl(const QByteArray &auth, qint64 trackId, const QString &which)
{
    const TestHttpResponse r = get("/api/tracks/" + QByteArray::number(trackId) + "/stream-url", {auth});
    if (r.status != 200)
        return {};
    return json(r).value(which).toString().toUtf8();
}

// ---- Jellyfin CVE-2021-21402: "..\" (and its percent forms) in whatever names a file -------

void TestPeerCves::jellyfin_CVE_2021_21402_backslashTraversal_data()
{
    QTest::addColumn<QByteArray>("target");
    // Each form the original attack and its variants used: raw and encoded backslash, encoded
    // slash, doubled encoding, dots encoded, absolute paths.
    const QList<QByteArray> climbs{"..%5C..%5C..%5C..%5C",     "..%5c..%5c..%5c..%5c",   "..%2F..%2F..%2F..%2F",
                                   "..%255C..%255C..%255C",    "%2E%2E%5C%2E%2E%5C",     "..%5C%2E%2E%2F..%5C",
                                   "%5C..%5C..%5C..%5C..%5C"};
    const QList<QByteArray> targets{"etc%2Fpasswd", "secret.txt", "etc%5Cpasswd"};
    const QByteArray song = "/api/tracks/" + QByteArray::number(m_server.songId);
    const QByteArray video = "/api/videos/" + QByteArray::number(m_server.videoId);
    for (const QByteArray &climb : climbs) {
        for (const QByteArray &file : targets) {
            const QByteArray escape = climb + file;
            // Web app static files: the only route that takes a file name.
            QTest::addRow("asset %s", escape.constData()) << QByteArray("/assets/x/" + escape);
            QTest::addRow("asset version %s", escape.constData()) << QByteArray("/assets/" + escape + "/secret.txt");
            QTest::addRow("root %s", escape.constData()) << QByteArray("/" + escape);
            // Artwork, stream, download: by id, so a path in the id.
            QTest::addRow("art %s", escape.constData()) << QByteArray("/api/tracks/" + escape + "/art");
            QTest::addRow("stream %s", escape.constData()) << QByteArray("/api/tracks/" + escape + "/stream");
            QTest::addRow("download id+%s", escape.constData()) << QByteArray(song + escape + "/download");
            QTest::addRow("transcode %s", escape.constData())
                << QByteArray(song + "/transcode?preset=" + escape);
            // HLS: session, variant and segment names.
            QTest::addRow("hls session %s", escape.constData())
                << QByteArray(video + "/hls/" + escape + "/original/0.m4s");
            QTest::addRow("hls variant %s", escape.constData()) << QByteArray(m_hlsSession + '/' + escape + "/0.m4s");
            QTest::addRow("hls segment %s", escape.constData()) << QByteArray(m_hlsVariant + escape);
            QTest::addRow("hls segment .m4s %s", escape.constData()) << QByteArray(m_hlsVariant + escape + ".m4s");
        }
    }
    // The raw backslash, as Jellyfin's clients sent it (not percent-encoded).
    QTest::newRow("asset raw backslash") << "/assets/x/..\\..\\..\\etc\\passwd"_ba;
    QTest::newRow("hls segment raw backslash") << QByteArray(m_hlsVariant + "..\\..\\secret.txt");
    QTest::newRow("art raw backslash") << "/api/tracks/..\\..\\secret.txt/art"_ba;
}

void TestPeerCves::jellyfin_CVE_2021_21402_backslashTraversal()
{
    QFETCH(QByteArray, target);
    for (const QByteArray &auth : {QByteArray(), m_server.aliceToken, m_server.rootToken}) {
        const TestHttpResponse r = get(target, auth.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{auth});
        QVERIFY2(r.status >= 400 && r.status < 500,
                 qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
        QVERIFY(!r.body.contains(kSecretMarker.toByteArray()));
        QVERIFY(!r.body.contains("root:"));
        QVERIFY(!r.header("Content-Type").startsWith("text/html"));
    }
}

void TestPeerCves::jellyfin_CVE_2021_21402_traversalInsideSignedUrls()
{
    // A URL signed for one path must not open another through dot segments or backslashes.
    const QByteArray url = signedStreamUrl(m_server.aliceToken, m_server.songId);
    QVERIFY(!url.isEmpty());
    QCOMPARE(get(url).status, 200);   // control: as given, it plays
    const QByteArray query = url.mid(url.indexOf('?'));
    const QByteArray other = QByteArray::number(m_server.privateSongId);
    const QList<QByteArray> paths{
        m_songPath + "/stream/../../" + other + "/stream",
        m_songPath + "/stream/..%2F..%2F" + other + "%2Fstream",
        m_songPath + "/stream/..%5C..%5C" + other + "%5Cstream",
        "/api/tracks/" + other + "/stream/../../" + QByteArray::number(m_server.songId) + "/stream",
        m_songPath + "%5C..%5C" + other + "/stream",
    };
    for (const QByteArray &path : paths) {
        const TestHttpResponse r = get(path + query);
        QVERIFY2(r.status == 403 || r.status == 404 || r.status == 400,
                 qPrintable(QString::fromUtf8(path) + u' ' + QString::number(r.status)));
        QVERIFY(r.body.size() < 1000);   // an error, not a song
    }
}

// ---- Jellyfin #1501 / #5415: media reachable without authentication ------------------------

void TestPeerCves::jellyfin_1501_5415_mediaWithoutAuth_data()
{
    QTest::addColumn<QByteArray>("target");
    const QByteArray song = "/api/tracks/" + QByteArray::number(m_server.songId);
    const QByteArray video = "/api/videos/" + QByteArray::number(m_server.videoId);
    QTest::newRow("stream") << QByteArray(song + "/stream");
    QTest::newRow("download") << QByteArray(song + "/download");
    QTest::newRow("transcode") << QByteArray(song + "/transcode?format=mp3");
    QTest::newRow("stream-url") << QByteArray(song + "/stream-url");
    QTest::newRow("track art") << QByteArray(song + "/art?size=64");
    QTest::newRow("album art") << QByteArray("/api/albums/" + m_albumId + "/art");
    QTest::newRow("artist art") << "/api/artists/1/art"_ba;
    QTest::newRow("video stream") << QByteArray("/api/tracks/" + QByteArray::number(m_server.videoId) + "/stream");
    QTest::newRow("hls master") << QByteArray(video + "/hls/master.m3u8");
    QTest::newRow("hls media playlist") << QByteArray(video + "/hls/s1/original/index.m3u8");
    QTest::newRow("hls segment") << QByteArray(video + "/hls/s1/original/0.m4s");
    QTest::newRow("thumbnail") << QByteArray(video + "/thumbnail?t=1");
    QTest::newRow("thumbnails") << QByteArray(video + "/thumbnails");
    QTest::newRow("sprite") << QByteArray(video + "/thumbnails/sprite");
    QTest::newRow("preview clip") << QByteArray(video + "/preview");
    const QByteArray songId = "id=tr-" + QByteArray::number(m_server.songId);
    QTest::newRow("subsonic stream") << QByteArray("/rest/stream?" + songId + "&v=1.16.1&c=t");
    QTest::newRow("subsonic download") << QByteArray("/rest/download?" + songId + "&v=1.16.1&c=t");
    QTest::newRow("subsonic cover") << QByteArray("/rest/getCoverArt?id=al-" + m_albumId + "&v=1.16.1&c=t");
}

void TestPeerCves::jellyfin_1501_5415_mediaWithoutAuth()
{
    QFETCH(QByteArray, target);
    const TestHttpResponse r = get(target);
    if (target.startsWith("/rest/")) {   // Subsonic refuses inside its envelope, with HTTP 200
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("Content-Type").startsWith("text/xml"), r.header("Content-Type").constData());
        QVERIFY2(r.body.contains("status=\"failed\"") && r.body.contains("code=\"10\""), r.body.constData());
        return;
    }
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    // Control: the same request with credentials is not refused for want of them.
    const TestHttpResponse with = get(target, {m_server.aliceToken});
    QVERIFY2(with.status != 401 && with.status != 403, qPrintable(QString::number(with.status)));
}

void TestPeerCves::jellyfin_1501_5415_foreignOrTamperedSignatures()
{
    const QByteArray url = signedStreamUrl(m_server.aliceToken, m_server.songId);
    const QByteArray download = signedStreamUrl(m_server.aliceToken, m_server.songId, u"downloadUrl"_s);
    const QByteArray bobUrl = signedStreamUrl(m_server.bobToken, m_server.privateSongId);
    QVERIFY(!url.isEmpty() && !download.isEmpty() && !bobUrl.isEmpty());
    QCOMPARE(get(url).status, 200);   // controls: each works as given
    QCOMPARE(get(download).status, 200);
    QCOMPARE(get(bobUrl).status, 200);

    const QByteArray sig = queryItem(url, u"sig"_s);
    const QByteArray exp = queryItem(url, u"exp"_s);
    const QByteArray bobSig = queryItem(bobUrl, u"sig"_s);
    const QByteArray user = sig.left(sig.indexOf('.'));
    const QByteArray mac = sig.mid(sig.indexOf('.'));
    const QByteArray alicePrivate = "/api/tracks/" + QByteArray::number(m_server.privateSongId) + "/stream";
    const QList<QPair<const char *, QByteArray>> forged{
        {"mac changed", withItem(url, "sig", QUrl::toPercentEncoding(QString::fromUtf8(tampered(sig))))},
        {"expiry extended", withItem(url, "exp", QByteArray::number(exp.toLongLong() + 86400 * 365))},
        {"another user's id with alice's mac", withItem(url, "sig", QByteArray::number(m_server.bobId) + mac)},
        {"admin's id with alice's mac", withItem(url, "sig", QByteArray::number(m_server.rootId) + mac)},
        {"bob's signature on alice's path", withItem(url, "sig", QUrl::toPercentEncoding(QString::fromUtf8(bobSig)))},
        {"bob's signed query on alice's track", m_songPath + "/stream" + bobUrl.mid(bobUrl.indexOf('?'))},
        {"alice's signature on bob's track", alicePrivate + url.mid(url.indexOf('?'))},
        {"stream signature on the download", m_songPath + "/download" + url.mid(url.indexOf('?'))},
        {"stream signature on the transcode", m_songPath + "/transcode" + url.mid(url.indexOf('?')) + "&format=mp3"},
        {"stream signature on the art", m_songPath + "/art" + url.mid(url.indexOf('?'))},
        {"signature without expiry", pathOf(url) + "?sig=" + QUrl::toPercentEncoding(QString::fromUtf8(sig))},
        {"empty signature", withItem(url, "sig", "")},
        {"user alone", withItem(url, "sig", user + '.')},
    };
    for (const auto &[what, target] : forged) {
        const TestHttpResponse r = get(target);
        QVERIFY2(r.status == 403, qPrintable(u"%1: %2 %3"_s.arg(QString::fromLatin1(what)).arg(r.status)
                                                 .arg(QString::fromUtf8(target))));
    }
}

void TestPeerCves::jellyfin_1501_5415_hlsSignatures()
{
    const TestHttpResponse master = get(m_videoPath + "/hls/master.m3u8", {m_server.aliceToken});
    QCOMPARE(master.status, 200);
    const QList<QByteArray> variants = playlistUris(master.body);
    QVERIFY(!variants.isEmpty());
    const QByteArray index = variants.first();
    QVERIFY2(index.contains("sig="), index.constData());
    const TestHttpResponse media = get(index);   // control: the signed playlist opens without a header
    QCOMPARE(media.status, 200);
    const QList<QByteArray> segments = playlistUris(media.body);
    QVERIFY(!segments.isEmpty());
    const QByteArray segment = segments.first();
    QVERIFY(segment.contains("sig="));

    for (const QByteArray &url : {index, segment}) {
        QCOMPARE(get(pathOf(url)).status, 401);   // no signature, no header
        const QByteArray sig = queryItem(url, u"sig"_s);
        QCOMPARE(get(withItem(url, "sig", QUrl::toPercentEncoding(QString::fromUtf8(tampered(sig))))).status, 403);
        QCOMPARE(get(withItem(url, "sig", QByteArray::number(m_server.bobId) + sig.mid(sig.indexOf('.')))).status, 403);
    }
    // One URL's signature does not open another: the playlist's on a segment, a segment's on
    // the next one, the video's master.
    QCOMPARE(get(pathOf(segment) + index.mid(index.indexOf('?'))).status, 403);
    QByteArray next = pathOf(segment);
    next.replace("/0.m4s", "/1.m4s");   // fMP4 segments (hls/segmentFormat's default)
    QVERIFY(next != pathOf(segment));
    QCOMPARE(get(next + segment.mid(segment.indexOf('?'))).status, 403);
    QCOMPARE(get(m_videoPath + "/hls/master.m3u8" + index.mid(index.indexOf('?'))).status, 403);
    // Bob cannot see the video: his own bearer token gets 404 (not even its existence).
    QCOMPARE(get(pathOf(index), {m_server.bobToken}).status, 404);
}

// ---- CVE-2026-35033: FFmpeg arguments from query parameters --------------------------------

void TestPeerCves::CVE_2026_35033_ffmpegArgumentInjection_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    const QList<QByteArray> evil{"-i%20%2Fetc%2Fpasswd", "%3Bid",       "mp3%3Bid",      "mp3%0A-i%20x",
                                 "%0A",                  "concat%3A%2Fetc%2Fpasswd%7Cx", "file%3A%2Fetc%2Fpasswd",
                                 "128%20-f%20null",      "-y",          "1%26format%3Dmp3", "%24(id)",
                                 "%60id%60",             "pipe%3A1",
                                 "subfile%2C%2Cstart%2C0%2Cend%2C0%2C%2C%3A%2Fetc%2Fpasswd"};
    const QByteArray song = "/api/tracks/" + QByteArray::number(m_server.songId);
    const QByteArray video = "/api/videos/" + QByteArray::number(m_server.videoId);
    for (const QByteArray &value : evil) {
        QTest::addRow("transcode format=%s", value.constData())
            << QByteArray(song + "/transcode?format=" + value) << 400;
        QTest::addRow("transcode bitrate=%s", value.constData())
            << QByteArray(song + "/transcode?format=mp3&bitrate=" + value) << 400;
        QTest::addRow("transcode offset=%s", value.constData())
            << QByteArray(song + "/transcode?format=mp3&offset=" + value) << 400;
        QTest::addRow("transcode preset=%s", value.constData())
            << QByteArray(song + "/transcode?preset=" + value) << 400;
        QTest::addRow("thumbnail t=%s", value.constData()) << QByteArray(video + "/thumbnail?t=" + value) << 400;
        QTest::addRow("thumbnail width=%s", value.constData())
            << QByteArray(video + "/thumbnail?width=" + value) << 400;
        QTest::addRow("thumbnails count=%s", value.constData())
            << QByteArray(video + "/thumbnails?count=" + value) << 400;
        QTest::addRow("sprite width=%s", value.constData())
            << QByteArray(video + "/thumbnails/sprite?width=" + value) << 400;
        // HLS names: a real session's variant and segment, and the session itself.
        const QByteArray &session = m_hlsSession;
        QTest::addRow("hls variant=%s", value.constData()) << QByteArray(session + '/' + value + "/index.m3u8") << 404;
        QTest::addRow("hls variant segment=%s", value.constData())
            << QByteArray(session + '/' + value + "/0.m4s") << 404;
        QTest::addRow("hls session=%s", value.constData())
            << QByteArray(video + "/hls/" + value + m_hlsVariant.mid(session.size()) + "0.m4s") << 404;
        QTest::addRow("hls segment=%s", value.constData()) << QByteArray(m_hlsVariant + value + ".m4s") << 404;
        QTest::addRow("hls segment 0%s", value.constData()) << QByteArray(m_hlsVariant + '0' + value + ".m4s") << 404;
    }
}

void TestPeerCves::CVE_2026_35033_ffmpegArgumentInjection()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    const QByteArray before = m_server.ffmpegRuns();
    const TestHttpResponse r = get(target, {m_server.aliceToken});
    QVERIFY2(r.status == status, qPrintable(QString::number(r.status) + u' ' + QString::fromUtf8(r.body)));
    QCOMPARE(m_server.ffmpegRuns(), before);   // no FFmpeg was started for it
}

void TestPeerCves::CVE_2026_35033_wrapperSeesGoodRequests()
{
    // Control for the checks above: a good request does start FFmpeg, and the log has it.
    const QByteArray before = m_server.ffmpegRuns();
    TestHttpClient client(m_server.port());
    TestHttpClient::ReadOptions any;
    any.framing = TestHttpClient::Framing::Any;
    const TestHttpResponse good = client.request("GET", m_songPath + "/transcode?format=mp3&bitrate=96&offset=0.5",
                                                 {m_server.aliceToken, "Connection: close"}, any);
    QCOMPARE(good.status, 200);
    QVERIFY(good.bodyBytes > 0);
    const QByteArray runs = m_server.ffmpegRuns();
    QVERIFY2(runs.size() > before.size(), "the FFmpeg wrapper logged nothing: the check above proves nothing");
    QVERIFY(runs.mid(before.size()).contains("|-i|"));
}

void TestPeerCves::CVE_2026_35033_subsonicStreamInjection()
{
    const QByteArray before = m_server.ffmpegRuns();
    const QByteArray id = "id=tr-" + QByteArray::number(m_server.songId);
    const QByteArray auth = subsonicAuth(u"alice"_s, kAlicePassword);
    for (const QByteArray &value : {"-i%20%2Fetc%2Fpasswd"_ba, "mp3%3Bid"_ba, "mp3%0A-i%20x"_ba,
                                    "concat%3A%2Fetc%2Fpasswd"_ba, "file%3A%2Fetc%2Fpasswd"_ba, "%24(id)"_ba}) {
        for (const QByteArray &parameter :
             {"format"_ba, "maxBitRate"_ba, "timeOffset"_ba, "estimateContentLength"_ba}) {
            const QByteArray target = "/rest/stream?" + id + '&' + parameter + '=' + value + '&' + auth;
            TestHttpClient client(m_server.port());
            TestHttpClient::ReadOptions any;
            any.framing = TestHttpClient::Framing::Any;
            const TestHttpResponse r = client.request("GET", target, {"Connection: close"}, any);
            // Refused in the envelope, the file as it is, or a transcode Cairn chose itself:
            // never an FFmpeg run that carries the value.
            QVERIFY2(r.status == 200, target.constData());
            const QByteArray runs = m_server.ffmpegRuns().mid(before.size());
            for (const QByteArray &trace : {"passwd"_ba, "concat"_ba, "file:"_ba, ";id"_ba, "$(id)"_ba, "-i x"_ba})
                QVERIFY2(!runs.contains(trace), qPrintable(QString::fromUtf8(target + " reached FFmpeg: " + runs)));
        }
    }
}

// ---- Emby CVE-2023-33193: forwarded-address headers from a client that is no proxy ---------

void TestPeerCves::emby_CVE_2023_33193_spoofedForwardedHeaders()
{
    // Eight failed logins, each claiming another address in every header a proxy might set.
    const auto failures = [](quint16 port, int count) {
        int throttled = 0;
        for (int i = 0; i < count; ++i) {
            const QByteArray address = "203.0.113." + QByteArray::number(i + 1);
            const TestHttpResponse r =
                request(port, "POST", "/api/auth/login",
                        {"X-Forwarded-For: " + address, "X-Real-IP: " + address, "Forwarded: for=" + address,
                         "True-Client-IP: " + address, "CF-Connecting-IP: " + address},
                        R"({"name":"alice","password":"wrong-password"})");
            if (r.status == 429)
                ++throttled;
            else if (r.status != 401)
                return -1;
        }
        return throttled;
    };

    SecurityServer direct;   // 127.0.0.1 is a client like any other
    QCOMPARE(direct.start(), QString());
    {
        LogCapture auth("cairn.auth");
        const int throttled = failures(direct.port(), 8);
        QVERIFY2(throttled > 0, "spoofed headers reset the login throttle");
        // The right password stays locked out for this address, whatever it claims.
        const QByteArray right =
            QJsonDocument(QJsonObject{{u"name"_s, u"alice"_s}, {u"password"_s, kAlicePassword}}).toJson();
        const TestHttpResponse locked =
            request(direct.port(), "POST", "/api/auth/login", {"X-Forwarded-For: 198.51.100.77"}, right);
        QCOMPARE(locked.status, 429);
        for (const QString &line : auth.lines()) {
            QVERIFY2(!line.contains(u"203.0.113."_s), qPrintable(line));
        }
        QVERIFY(auth.lines().join(u'\n').contains(u"failed login from \"127.0.0.1\""_s));
    }
    {
        LogCapture access("cairn.http.access");
        QCOMPARE(request(direct.port(), "GET", "/health", {"X-Forwarded-For: 198.51.100.9"}).status, 200);
        const QString log = access.lines().join(u'\n');
        QVERIFY2(log.contains(u"127.0.0.1"_s) && !log.contains(u"198.51.100.9"_s), qPrintable(log));
    }

    // Control: behind a trusted proxy the same headers are believed, so the check can fail.
    SecurityServer proxied;
    TestServerOptions options;
    options.trustedProxies = {u"127.0.0.1"_s};
    QCOMPARE(proxied.start(options), QString());
    LogCapture auth("cairn.auth");
    QCOMPARE(failures(proxied.port(), 8), 0);
    QVERIFY(auth.lines().join(u'\n').contains(u"203.0.113.8"_s));
}

void TestPeerCves::emby_CVE_2023_33193_logLinesCannotBeForged()
{
    // The other half of trusting what a client writes: a path with encoded line breaks must not
    // add a line that looks like another client's request to the access log.
    LogCapture access("cairn.http.access");
    const QByteArray forged = "%0A198.51.100.9%20root%20GET%20/api/users%20200%200%201.0ms";
    QCOMPARE(get("/nothing" + forged).status, 404);
    QCOMPARE(get("/nothing%0D" + forged).status, 404);
    const QStringList lines = access.lines();
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(u'\n') && !line.contains(u'\r'), qPrintable(line));
        QVERIFY2(line.contains(u"\\x0a198.51.100.9\\x20root"_s), qPrintable(line));
    }
}

// ---- Navidrome CVE-2023-51442: a signing key shared by every installation ------------------

void TestPeerCves::navidrome_CVE_2023_51442_noSharedSigningKey()
{
    QTemporaryDir one, two;
    const auto a = loadOrCreateSigningSecret(one.path());
    const auto b = loadOrCreateSigningSecret(two.path());
    QVERIFY(a && b);
    QVERIFY(a->size() >= 32);
    QVERIFY(*a != *b);
    QCOMPARE(loadOrCreateSigningSecret(one.path()).value_or(QByteArray()), *a);   // kept, not made again

    // A second installation with the same users, files and ids.
    SecurityServer other;
    QCOMPARE(other.start(), QString());
    QVERIFY(other.signingSecret() != m_server.signingSecret());
    QCOMPARE(other.songId, m_server.songId);
    QCOMPARE(other.aliceId, m_server.aliceId);
    const QByteArray url = signedStreamUrl(m_server.aliceToken, m_server.songId);
    QCOMPARE(get(url).status, 200);                                  // control: valid where it was made
    QCOMPARE(request(other.port(), "GET", url).status, 403);         // and worthless elsewhere
    // Nor does a token of one open the other.
    QCOMPARE(request(other.port(), "GET", "/api/auth/me", {m_server.aliceToken}).status, 401);
}

// ---- Navidrome CVE-2025-27112: Subsonic credentials of a user that does not exist ----------

void TestPeerCves::navidrome_CVE_2025_27112_unknownSubsonicUser()
{
    // Each attempt from its own (proxied) address, so the login throttle answers none of them
    // and each answer is the credential check's own.
    SecurityServer server;
    TestServerOptions options;
    options.trustedProxies = {u"127.0.0.1"_s};
    QCOMPARE(server.start(options), QString());
    const qsizetype users = server.users()->list().size();
    const QByteArray salt = "c0ffee42";
    const QList<QPair<QByteArray, int>> attempts{
        {"u=ghost&p=whatever", 40},
        {"u=ghost&p=enc:" + QByteArray("whatever").toHex(), 40},
        {"u=ghost&t=" + md5Hex("" + salt) + "&s=" + salt, 40},   // the token of an empty password
        {"u=ghost&t=" + md5Hex("whatever" + salt) + "&s=" + salt, 40},
        {"u=ghost&t=" + md5Hex(kAlicePassword.toUtf8() + salt) + "&s=" + salt, 40},
        {"u=ghost&p=" + QUrl::toPercentEncoding(kAlicePassword), 40},
        {"u=GHOST&p=whatever", 40},
        {"u=alice%00&p=" + QUrl::toPercentEncoding(kAlicePassword), 40},
        {"apiKey=ghost", 44},
        {"apiKey=" + QByteArray(24, 'a'), 44},
    };
    int n = 0;
    for (const auto &[credentials, code] : attempts) {
        for (const QByteArray &method : {"ping"_ba, "getMusicFolders"_ba, "getUser?username=ghost"_ba,
                                         "star?id=tr-1"_ba, "createPlaylist?name=x"_ba}) {
            const QByteArray target = "/rest/" + method + (method.contains('?') ? "&" : "?") + credentials
                                      + "&v=1.16.1&c=t&f=json";
            const QByteArray from = "X-Forwarded-For: 192.0.2." + QByteArray::number(++n % 250 + 1);
            const TestHttpResponse r = request(server.port(), "GET", target, {from});
            QCOMPARE(r.status, 200);
            QVERIFY2(subsonic(r).value(u"status"_s).toString() == u"failed"_s, target.constData());
            QVERIFY2(subsonicCode(r) == code, qPrintable(QString::fromUtf8(target + ' ' + r.body)));
        }
    }
    QCOMPARE(server.users()->list().size(), users);   // nothing was created
    QCOMPARE(json(request(server.port(), "GET", "/api/playlists", {server.aliceToken}))
                 .value(u"items"_s).toArray().size(),
             0);
    // Control: a real user with the same request shapes gets in.
    QCOMPARE(subsonic(request(server.port(), "GET", "/rest/ping?u=alice&p=" + QUrl::toPercentEncoding(kAlicePassword)
                                                        + "&v=1.16.1&c=t&f=json"))
                 .value(u"status"_s).toString(),
             u"ok"_s);
}

// ---- Navidrome CVE-2025-48948: a plain user writing administrator settings -----------------

void TestPeerCves::navidrome_CVE_2025_48948_userCannotWriteAdminSettings()
{
    const QByteArray presetBody = R"({"name":"Evil","format":"mp3","bitrate":128,"sampleRate":44100,"channels":2})";
    const QByteArray presetsBefore = get("/api/presets", {m_server.rootToken}).body;
    const QByteArray limitsBefore = get("/api/activity/limits", {m_server.rootToken}).body;
    const auto accounts = [this] {   // what an attack would change (not lastSeenAt)
        QStringList out;
        for (const User &u : m_server.users()->list())
            out << u"%1 %2 %3 %4 %5"_s.arg(u.id).arg(u.name).arg(u.admin).arg(u.enabled).arg(u.maxBitrate);
        return out;
    };
    const QStringList usersBefore = accounts();
    const QByteArray foldersBefore = get("/api/folders", {m_server.rootToken}).body;
    QVERIFY(!presetsBefore.isEmpty() && !limitsBefore.isEmpty());

    // Every administrator route, every method, with a body that would be accepted.
    int writes = 0;
    for (const Route &route : m_server.server().router().routes()) {
        if (route.access != Access::Admin)
            continue;
        for (HttpMethod method : route.methods) {
            QString path = route.pattern;
            path.replace(u"{id}"_s, u"1"_s).replace(u"{pid}"_s, u"1"_s);
            QByteArray body;
            if (method == HttpMethod::Post || method == HttpMethod::Put || method == HttpMethod::Patch) {
                ++writes;
                body = path.contains(u"preset"_s) ? presetBody
                       : path.contains(u"limits"_s) ? R"({"maxStreams":1,"streamKBps":1})"_ba
                       : path.contains(u"users"_s) ? R"({"name":"mallory","password":"mallory-Pass-1","admin":true})"_ba
                       : path.contains(u"folders"_s) ? QJsonDocument(QJsonObject{{u"path"_s, u"/"_s}}).toJson()
                                                      : "{}"_ba;
            } else if (method == HttpMethod::Delete) {
                ++writes;
            }
            const TestHttpResponse r =
                request(m_server.port(), methodName(method), path.toUtf8(), {m_server.aliceToken}, body);
            QVERIFY2(r.status == 403, qPrintable(u"%1 %2 → %3"_s.arg(QString::fromLatin1(methodName(method)), path)
                                                     .arg(r.status)));
        }
    }
    QVERIFY2(writes >= 12, qPrintable(u"only %1 admin writes"_s.arg(writes)));
    // Nothing changed.
    QCOMPARE(get("/api/presets", {m_server.rootToken}).body, presetsBefore);
    QCOMPARE(get("/api/activity/limits", {m_server.rootToken}).body, limitsBefore);
    QCOMPARE(accounts(), usersBefore);
    QCOMPARE(get("/api/folders", {m_server.rootToken}).body, foldersBefore);
    // Subsonic's administrator method too.
    QCOMPARE(subsonicCode(get("/rest/startScan?" + subsonicAuth(u"alice"_s, kAlicePassword))), 50);

    // Control: the administrator's identical request is accepted (the bodies were valid).
    const TestHttpResponse made = request(m_server.port(), "POST", "/api/presets", {m_server.rootToken}, presetBody);
    QVERIFY2(made.status == 201, made.body.constData());
    const QByteArray id = QByteArray::number(json(made).value(u"id"_s).toInteger());
    QCOMPARE(request(m_server.port(), "DELETE", "/api/presets/" + id, {m_server.rootToken}).status, 204);
}

// ---- Navidrome CVE-2026-25579: a cover size that asks for gigabytes ------------------------

void TestPeerCves::navidrome_CVE_2026_25579_hugeCoverSize_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("refused");   // 400 (Subsonic: code 10); else an image within bounds
    const QByteArray song = "/api/tracks/" + QByteArray::number(m_server.songId);
    const QList<QPair<QByteArray, bool>> sizes{
        {"100000", false},     {"2147483648", false}, {"4294967296", false}, {"9223372036854775808", false},
        {"99999999999999999999999999", false}, {"-1", false}, {"-2147483648", false},
        {"1e9", true},         {"0x7fffffff", true},  {"1.5e6", true},      {"100000px", true}};
    for (const auto &[size, refused] : sizes) {
        QTest::addRow("track art size=%s", size.constData()) << QByteArray(song + "/art?size=" + size) << refused;
        QTest::addRow("album art size=%s", size.constData())
            << QByteArray("/api/albums/" + m_albumId + "/art?size=" + size) << refused;
        QTest::addRow("subsonic cover size=%s", size.constData())
            << QByteArray("/rest/getCoverArt?id=tr-" + QByteArray::number(m_server.songId) + "&size=" + size)
            << refused;
    }
}

void TestPeerCves::navidrome_CVE_2026_25579_hugeCoverSize()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, refused);
    const bool isSubsonic = target.startsWith("/rest/");
    if (isSubsonic)
        target += '&' + subsonicAuth(u"alice"_s, kAlicePassword);
    QElapsedTimer timer;
    timer.start();
    const TestHttpResponse r = get(target, isSubsonic ? QList<QByteArray>{} : QList<QByteArray>{m_server.aliceToken});
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    if (refused) {
        if (isSubsonic)
            QCOMPARE(subsonicCode(r), 10);
        else
            QCOMPARE(r.status, 400);
        return;
    }
    QVERIFY2(r.status == 200, r.body.left(300).constData());
    QVERIFY(r.header("Content-Type").startsWith("image/"));
    const QImage image = QImage::fromData(r.body);
    QVERIFY(!image.isNull());
    // The cover is 600×400: never enlarged, and never past the clamp of 2048.
    QVERIFY2(image.width() <= 600 && image.height() <= 400,
             qPrintable(u"%1×%2"_s.arg(image.width()).arg(image.height())));
    QVERIFY(image.width() >= 16 || image.height() >= 16);
}

// ---- CVE-2026-29508-style crafted media: the scanner survives and catalogues the rest -------

void TestPeerCves::CVE_2026_29508_craftedMediaFiles()
{
    TestCatalog catalog;
    const QString dir = catalog.libraryDir();
    const Tags tags{{u"title"_s, u"Good"_s}, {u"artist"_s, u"A"_s}, {u"album"_s, u"B"_s}};
    const QStringList good{u"good.mp3"_s, u"good.flac"_s, u"good.m4a"_s, u"good.ogg"_s};
    for (const QString &name : good)
        QCOMPARE(makeAudio(dir + u'/' + name, 2, tags), QString());
    const auto copy = [&](const QString &from, const QString &to) {
        return QFile::copy(dir + u'/' + from, dir + u'/' + to);
    };
    // ID3v2 declaring the largest tag it can (syncsafe 0x7f7f7f7f ≈ 256 MiB) in a small file.
    QVERIFY(copy(u"good.mp3"_s, u"id3-huge-size.mp3"_s));
    QVERIFY(patch(dir + u"/id3-huge-size.mp3"_s, 6, "\x7f\x7f\x7f\x7f"_ba));
    // A TIT2 frame claiming 2 GiB inside a normal tag.
    QVERIFY(copy(u"good.mp3"_s, u"id3-huge-frame.mp3"_s));
    const qint64 tit2 = findBytes(dir + u"/id3-huge-frame.mp3"_s, "TIT2");
    QVERIFY(tit2 > 0);
    QVERIFY(patch(dir + u"/id3-huge-frame.mp3"_s, tit2 + 4, "\x7f\xff\xff\xff"_ba));
    // An APEv2 footer claiming 2 GiB and 4 billion items at the end.
    QVERIFY(copy(u"good.mp3"_s, u"ape-huge.mp3"_s));
    {
        QFile f(dir + u"/ape-huge.mp3"_s);
        QVERIFY(f.open(QIODevice::Append));
        // "APETAGEX", version 2000, size, item count, flags (header present), reserved.
        f.write("APETAGEX\xd0\x07\x00\x00\xff\xff\xff\x7f\xff\xff\xff\xff"_ba);
        f.write("\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x00\x00\x00"_ba);
    }
    // FLAC: STREAMINFO claiming 16 MiB, and a second copy cut in the middle of its frames.
    QVERIFY(copy(u"good.flac"_s, u"flac-huge-block.flac"_s));
    QVERIFY(patch(dir + u"/flac-huge-block.flac"_s, 5, "\xff\xff\xff"_ba));
    QVERIFY(copy(u"good.flac"_s, u"flac-truncated.flac"_s));
    QVERIFY(truncateTo(dir + u"/flac-truncated.flac"_s, 0.3));
    // MP4: the moov box claiming 4 GiB; a file cut before its index; an stsz claiming 2^32 entries.
    QVERIFY(copy(u"good.m4a"_s, u"mp4-huge-moov.m4a"_s));
    const qint64 moov = findBytes(dir + u"/mp4-huge-moov.m4a"_s, "moov");
    QVERIFY(moov > 4);
    QVERIFY(patch(dir + u"/mp4-huge-moov.m4a"_s, moov - 4, "\xff\xff\xff\xf0"_ba));
    QVERIFY(copy(u"good.m4a"_s, u"mp4-truncated.m4a"_s));
    QVERIFY(truncateTo(dir + u"/mp4-truncated.m4a"_s, 0.5));
    QVERIFY(copy(u"good.m4a"_s, u"mp4-huge-stsz.m4a"_s));
    const qint64 stsz = findBytes(dir + u"/mp4-huge-stsz.m4a"_s, "stsz");
    QVERIFY(stsz > 0);
    QVERIFY(patch(dir + u"/mp4-huge-stsz.m4a"_s, stsz + 12, "\xff\xff\xff\xff\xff\xff\xff\xff"_ba));
    QRandomGenerator noiseSource(29508);   // the same noise every run
    // Ogg: pages overwritten with noise in the middle (comment header included).
    QVERIFY(copy(u"good.ogg"_s, u"ogg-noise.ogg"_s));
    {
        QByteArray noise(4096, Qt::Uninitialized);
        for (char &c : noise)
            c = char(noiseSource.bounded(256));
        QVERIFY(patch(dir + u"/ogg-noise.ogg"_s, 60, noise));
    }
    // Matroska: the EBML header and the segment with sizes of 2^56.
    QCOMPARE(makeAudio(dir + u"/mkv-huge.mka"_s, 2, tags), QString());
    QVERIFY(patch(dir + u"/mkv-huge.mka"_s, 4, "\x01\xff\xff\xff\xff\xff\xff\xfe"_ba));
    // Empty, and pure noise with a media extension.
    {
        QFile empty(dir + u"/empty.mp3"_s);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }
    {
        QFile f(dir + u"/noise.flac"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        for (char &c : noise)
            c = char(noiseSource.bounded(256));
        f.write("fLaC" + noise);
    }

    QCOMPARE(catalog.open(), QString());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(catalog.scan());   // no crash, no exception, finished
    QVERIFY2(timer.elapsed() < 60000, qPrintable(u"the scan took %1 ms"_s.arg(timer.elapsed())));
    for (const QString &name : good)
        QVERIFY2(catalog.trackIdFor(name) > 0, qPrintable(name + u" was not catalogued"_s));
    // Every crafted file is either catalogued (what could be read) or a scan error, not lost.
    const QList<ScanError> errors = ScanErrorRepository(catalog.database()).list();
    QStringList errorFiles;
    for (const ScanError &e : errors)
        errorFiles << QFileInfo(e.path).fileName();
    QVERIFY(errorFiles.contains(u"empty.mp3"_s));
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        QVERIFY2(catalog.trackIdFor(name) > 0 || errorFiles.contains(name), qPrintable(name));
    // A second scan reads nothing again and still ends.
    QVERIFY(catalog.scan());
}

// ---- UMS: an error page reflecting the request as HTML -------------------------------------

void TestPeerCves::ums_errorPageXss_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("authenticated");
    const QByteArray script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    QTest::newRow("path") << QByteArray("/" + script) << false;
    QTest::newRow("path, raw") << "/<script>alert(1)</script>"_ba << false;
    QTest::newRow("path, authenticated") << QByteArray("/" + script) << true;
    QTest::newRow("api path") << QByteArray("/api/" + script) << true;
    QTest::newRow("id") << QByteArray("/api/tracks/" + script) << true;
    QTest::newRow("kind") << QByteArray("/api/favourites/" + script + "/1") << true;
    QTest::newRow("query of an error") << QByteArray("/nothing?q=" + script) << false;
    QTest::newRow("query, unauthenticated") << QByteArray("/api/tracks?q=" + script) << false;
    QTest::newRow("query, bad parameter") << QByteArray("/api/albums?sort=" + script) << true;
    QTest::newRow("query, bad limit") << QByteArray("/api/tracks?limit=" + script) << true;
    QTest::newRow("asset") << QByteArray("/assets/x/" + script) << false;
    QTest::newRow("subsonic id, XML") << QByteArray("/rest/getSong?id=" + script) << true;
    QTest::newRow("subsonic id, JSON") << QByteArray("/rest/getSong?f=json&id=" + script) << true;
    QTest::newRow("subsonic method") << QByteArray("/rest/" + script) << true;
    QTest::newRow("subsonic user") << QByteArray("/rest/ping?u=" + script + "&p=x") << false;
    QTest::newRow("hls variant") << QByteArray(m_hlsSession + '/' + script + "/index.m3u8") << true;
}

void TestPeerCves::ums_errorPageXss()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, authenticated);
    QList<QByteArray> headers;
    if (authenticated && target.startsWith("/rest/"))
        target += QByteArray(target.contains('?') ? "&" : "?") + "u=alice&p=" + QUrl::toPercentEncoding(kAlicePassword)
                  + "&v=1.16.1&c=t";
    else if (authenticated)
        headers << m_server.aliceToken;
    const TestHttpResponse r = get(target, headers);
    QVERIFY2(r.status != 0, "no answer");
    const QByteArray type = r.header("Content-Type");
    QVERIFY2(type.startsWith("application/json") || type.startsWith("text/xml"), type.constData());
    if (target.startsWith("/rest/"))
        QCOMPARE(r.status, 200);   // Subsonic's errors travel in the envelope
    else
        QVERIFY2(r.status >= 400, qPrintable(QString::number(r.status)));
    QCOMPARE(r.header("X-Content-Type-Options"), "nosniff"_ba);
    QVERIFY2(!r.body.contains("<script"), r.body.constData());
    QVERIFY(!r.body.contains("</script"));
}

QTEST_MAIN(TestPeerCves)
#include "tst_peer_cves.moc"
