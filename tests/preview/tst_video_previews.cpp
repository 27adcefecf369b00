// Video previews over real HTTP from the running server: key-frame thumbnails at a width,
// revalidation, every bad query value, the thumbnails JSON and its sprite, and the 30-second
// preview clip (read back by ffprobe), generated once and then served from the cache.

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "PreviewBackend.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QByteArray videoUrl(qint64 id, const QByteArray &rest)
{
    return "/api/videos/"_ba + QByteArray::number(id) + '/' + rest;
}

bool isJsonError(const RawResponse &r)
{
    return r.header("content-type").startsWith("application/json")
           && !QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString().isEmpty();
}

QImage decodeJpeg(const RawResponse &r)
{
    return r.header("content-type") == "image/jpeg" ? QImage::fromData(r.body, "JPEG") : QImage();
}

struct Probe
{
    QStringList codecs;
    int width = 0;
    int height = 0;
    double duration = 0;
};

Probe probe(const QByteArray &media)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"clip.mp4"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(media) != media.size())
        return {};
    file.close();
    const QJsonObject out = QJsonDocument::fromJson(runProgram(
        u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s, u"stream=codec_name,width,height:format=duration"_s,
                       u"-of"_s, u"json"_s, path})).object();
    Probe p;
    for (const QJsonValue &s : out.value(u"streams"_s).toArray()) {
        p.codecs << s.toObject().value(u"codec_name"_s).toString();
        if (s.toObject().contains(u"width"_s)) {
            p.width = s.toObject().value(u"width"_s).toInt();
            p.height = s.toObject().value(u"height"_s).toInt();
        }
    }
    p.duration = out.value(u"format"_s).toObject().value(u"duration"_s).toString().toDouble();
    return p;
}

} // namespace

class TestVideoPreviews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thumbnailAtWidth_data();
    void thumbnailAtWidth();
    void differentTimesGiveDifferentPictures();
    void thumbnailRevalidation();
    void badQueries_data();
    void badQueries();
    void notVideos_data();
    void notVideos();
    void thumbnailList();
    void spriteGrid_data();
    void spriteGrid();
    void previewClip();
    void previewOfShortVideoIsWhole();
    void concurrentFirstRequestsGenerateOnce();

private:
    PreviewBackend m_backend;
    qint64 m_long = 0, m_short = 0, m_race = 0, m_audio = 0;
};

void TestVideoPreviews::initTestCase()
{
    QCOMPARE(m_backend.start(), QString());
    QCOMPARE(makeVideo(m_backend.libraryPath(u"long.mp4"_s), 60.0, 320, 240), QString());
    QCOMPARE(makeVideo(m_backend.libraryPath(u"short.mp4"_s), 12.0, 320, 240), QString());
    QCOMPARE(makeVideo(m_backend.libraryPath(u"race.mp4"_s), 20.0, 320, 240), QString());
    QCOMPARE(makeAudio(m_backend.libraryPath(u"song.mp3"_s), 2.0), QString());
    QVERIFY(m_backend.scan());
    m_long = m_backend.trackIdFor(u"long.mp4"_s);
    m_short = m_backend.trackIdFor(u"short.mp4"_s);
    m_race = m_backend.trackIdFor(u"race.mp4"_s);
    m_audio = m_backend.trackIdFor(u"song.mp3"_s);
    QVERIFY(m_long && m_short && m_race && m_audio);
}

void TestVideoPreviews::thumbnailAtWidth_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QSize>("size");
    QTest::newRow("asked width") << "t=5&width=160"_ba << QSize(160, 120);
    QTest::newRow("default width") << "t=5"_ba << QSize(320, 240);
    QTest::newRow("decimal time") << "t=12.75&width=200"_ba << QSize(200, 150);
    QTest::newRow("the very end") << "t=60&width=160"_ba << QSize(160, 120);
    QTest::newRow("clamped up") << "t=5&width=10"_ba << QSize(64, 48);
    QTest::newRow("clamped down") << "t=5&width=99999999999"_ba << QSize(1920, 1440);
}

void TestVideoPreviews::thumbnailAtWidth()
{
    QFETCH(QByteArray, query);
    QFETCH(QSize, size);
    HttpTestClient client(m_backend.port());
    const RawResponse r = client.get(videoUrl(m_long, "thumbnail?" + query));
    QCOMPARE(r.status, 200);
    QCOMPARE(decodeJpeg(r).size(), size);
    QVERIFY(r.header("etag").startsWith('"'));
    QVERIFY(!r.header("last-modified").isEmpty());
    QCOMPARE(r.header("cache-control"), "private, max-age=86400"_ba);
}

void TestVideoPreviews::differentTimesGiveDifferentPictures()
{
    HttpTestClient client(m_backend.port());
    const QImage early = decodeJpeg(client.get(videoUrl(m_long, "thumbnail?t=5&width=160")));
    const QImage late = decodeJpeg(client.get(videoUrl(m_long, "thumbnail?t=35&width=160")));
    QVERIFY(!early.isNull() && !late.isNull());
    QCOMPARE(early.size(), late.size());
    QVERIFY(early != late);
}

void TestVideoPreviews::thumbnailRevalidation()
{
    HttpTestClient client(m_backend.port());
    const RawResponse first = client.get(videoUrl(m_long, "thumbnail?t=20&width=128"));
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    const quint64 grabs = m_backend.previews().thumbnailGrabCount();

    const RawResponse again = client.get(videoUrl(m_long, "thumbnail?t=20&width=128"), {"If-None-Match: " + etag});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(again.header("etag"), etag);

    const RawResponse stale = client.get(videoUrl(m_long, "thumbnail?t=20&width=128"), {"If-None-Match: \"other\""});
    QCOMPARE(stale.status, 200);
    QCOMPARE(stale.body, first.body);
    QCOMPARE(m_backend.previews().thumbnailGrabCount(), grabs);   // from the cache, no FFmpeg

    const RawResponse otherWidth = client.get(videoUrl(m_long, "thumbnail?t=20&width=130"));
    QCOMPARE(otherWidth.status, 200);
    QVERIFY(otherWidth.header("etag") != etag);
}

void TestVideoPreviews::badQueries_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("mentions");
    const auto row = [this](const char *name, const QByteArray &rest, const QString &mentions) {
        QTest::newRow(name) << videoUrl(m_long, rest) << mentions;
    };
    row("t missing", "thumbnail", u"'t'"_s);
    row("t negative", "thumbnail?t=-1", u"'t'"_s);
    row("t past the end", "thumbnail?t=60.5", u"'t'"_s);
    row("t far past the end", "thumbnail?t=999999999", u"'t'"_s);
    row("t not a number", "thumbnail?t=abc", u"'t'"_s);
    row("t empty", "thumbnail?t=", u"'t'"_s);
    row("t exponent", "thumbnail?t=1e1", u"'t'"_s);
    row("t nan", "thumbnail?t=nan", u"'t'"_s);
    row("t two dots", "thumbnail?t=1.2.3", u"'t'"_s);
    row("width garbage", "thumbnail?t=5&width=abc", u"'width'"_s);
    row("width negative", "thumbnail?t=5&width=-5", u"'width'"_s);
    row("width decimal", "thumbnail?t=5&width=12.5", u"'width'"_s);
    row("width empty", "thumbnail?t=5&width=", u"'width'"_s);
    row("count 0", "thumbnails?count=0", u"'count'"_s);
    row("count 101", "thumbnails?count=101", u"'count'"_s);
    row("count garbage", "thumbnails?count=ten", u"'count'"_s);
    row("list width garbage", "thumbnails?width=wide", u"'width'"_s);
    row("sprite count 0", "thumbnails/sprite?count=0", u"'count'"_s);
    row("sprite count 101", "thumbnails/sprite?count=101", u"'count'"_s);
    row("sprite width garbage", "thumbnails/sprite?count=4&width=x", u"'width'"_s);
    QTest::newRow("malformed id") << "/api/videos/abc/preview"_ba << u"id"_s;
}

void TestVideoPreviews::badQueries()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, mentions);
    HttpTestClient client(m_backend.port());
    const RawResponse r = client.get(target);
    QCOMPARE(r.status, 400);
    QVERIFY(isJsonError(r));
    const QString message = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void TestVideoPreviews::notVideos_data()
{
    QTest::addColumn<QByteArray>("rest");
    QTest::newRow("thumbnail") << "thumbnail?t=1"_ba;
    QTest::newRow("thumbnails") << "thumbnails"_ba;
    QTest::newRow("sprite") << "thumbnails/sprite"_ba;
    QTest::newRow("preview") << "preview"_ba;
}

void TestVideoPreviews::notVideos()
{
    QFETCH(QByteArray, rest);
    HttpTestClient client(m_backend.port());
    const RawResponse audio = client.get(videoUrl(m_audio, rest));
    QCOMPARE(audio.status, 404);
    QVERIFY(isJsonError(audio));
    const RawResponse unknown = client.get(videoUrl(987654, rest));
    QCOMPARE(unknown.status, 404);
    QVERIFY(isJsonError(unknown));
    const RawResponse hidden = client.get(videoUrl(m_long, rest), {"X-Test-Restricted: 1"});
    QCOMPARE(hidden.status, 404);
    QVERIFY(isJsonError(hidden));
}

void TestVideoPreviews::thumbnailList()
{
    HttpTestClient client(m_backend.port());
    const RawResponse r = client.get(videoUrl(m_long, "thumbnails?count=4&width=160"));
    QCOMPARE(r.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(r.body).object();
    QVERIFY(qAbs(json.value(u"durationMs"_s).toInteger() - 60000) <= 1000);
    const double interval = json.value(u"interval"_s).toDouble();
    QVERIFY(qAbs(interval - 15.0) <= 0.25);
    const QJsonArray items = json.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 4);
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        QCOMPARE(item.value(u"index"_s).toInt(), i);
        QVERIFY(qAbs(item.value(u"time"_s).toDouble() - i * interval) < 0.01);
        const QByteArray url = item.value(u"url"_s).toString().toUtf8();
        QVERIFY2(url.startsWith(videoUrl(m_long, "thumbnail?")), url.constData());
        const RawResponse thumb = client.get(url);
        QCOMPARE(thumb.status, 200);
        QCOMPARE(decodeJpeg(thumb).width(), 160);
    }
    const QJsonObject sprite = json.value(u"sprite"_s).toObject();
    QCOMPARE(sprite.value(u"columns"_s).toInt(), 2);
    QCOMPARE(sprite.value(u"rows"_s).toInt(), 2);
    QCOMPARE(sprite.value(u"tileWidth"_s).toInt(), 160);
    QCOMPARE(sprite.value(u"tileHeight"_s).toInt(), 120);
    const RawResponse grid = client.get(sprite.value(u"url"_s).toString().toUtf8());
    QCOMPARE(grid.status, 200);
    QCOMPARE(decodeJpeg(grid).size(), QSize(320, 240));

    const QJsonObject defaults = QJsonDocument::fromJson(client.get(videoUrl(m_long, "thumbnails")).body).object();
    QCOMPARE(defaults.value(u"items"_s).toArray().size(), 10);
    QCOMPARE(defaults.value(u"sprite"_s).toObject().value(u"tileWidth"_s).toInt(), 320);
}

void TestVideoPreviews::spriteGrid_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::newRow("1") << 1 << 1 << 1;
    QTest::newRow("5") << 5 << 3 << 2;
    QTest::newRow("9") << 9 << 3 << 3;
    QTest::newRow("10") << 10 << 4 << 3;
}

void TestVideoPreviews::spriteGrid()
{
    QFETCH(int, count);
    QFETCH(int, columns);
    QFETCH(int, rows);
    HttpTestClient client(m_backend.port());
    const QByteArray query = "count=" + QByteArray::number(count) + "&width=100";
    const QJsonObject sprite =
        QJsonDocument::fromJson(client.get(videoUrl(m_short, "thumbnails?" + query)).body).object()
            .value(u"sprite"_s).toObject();
    QCOMPARE(sprite.value(u"columns"_s).toInt(), columns);
    QCOMPARE(sprite.value(u"rows"_s).toInt(), rows);
    QCOMPARE(sprite.value(u"tileWidth"_s).toInt(), 100);
    QCOMPARE(sprite.value(u"tileHeight"_s).toInt(), 76);   // 100 × 240/320, even

    const RawResponse grid = client.get(videoUrl(m_short, "thumbnails/sprite?" + query));
    QCOMPARE(grid.status, 200);
    QCOMPARE(decodeJpeg(grid).size(), QSize(columns * 100, rows * 76));
    const RawResponse again = client.get(videoUrl(m_short, "thumbnails/sprite?" + query),
                                         {"If-None-Match: " + grid.header("etag")});
    QCOMPARE(again.status, 304);
}

void TestVideoPreviews::previewClip()
{
    HttpTestClient client(m_backend.port());
    const quint64 before = m_backend.previews().clipGenerationCount();
    const RawResponse r = client.get(videoUrl(m_long, "preview"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), "video/mp4"_ba);
    QCOMPARE(r.header("accept-ranges"), "bytes"_ba);
    QCOMPARE(m_backend.previews().clipGenerationCount(), before + 1);
    const Probe p = probe(r.body);
    QCOMPARE(p.codecs, (QStringList{u"h264"_s, u"aac"_s}));
    QVERIFY2(qAbs(p.duration - 30.0) <= 1.0, qPrintable(QString::number(p.duration)));
    QVERIFY(p.width > 0 && p.width <= 854 && p.height > 0 && p.height <= 480);
    const QStringList cached = QDir(m_backend.transcodeCacheDir()).entryList({u"preview-*.mp4"_s}, QDir::Files);
    QCOMPARE(cached.size(), 1);

    const RawResponse second = client.get(videoUrl(m_long, "preview"));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.header("etag"), r.header("etag"));
    QCOMPARE(second.body, r.body);
    QCOMPARE(m_backend.previews().clipGenerationCount(), before + 1);

    const RawResponse range = client.get(videoUrl(m_long, "preview"), {"Range: bytes=100-199"});
    QCOMPARE(range.status, 206);
    QCOMPARE(range.body, r.body.mid(100, 100));
    QCOMPARE(range.header("content-range"), "bytes 100-199/" + QByteArray::number(r.body.size()));

    const RawResponse revalidated = client.get(videoUrl(m_long, "preview"), {"If-None-Match: " + r.header("etag")});
    QCOMPARE(revalidated.status, 304);
    QCOMPARE(m_backend.previews().clipGenerationCount(), before + 1);
}

void TestVideoPreviews::previewOfShortVideoIsWhole()
{
    HttpTestClient client(m_backend.port());
    const RawResponse r = client.get(videoUrl(m_short, "preview"));
    QCOMPARE(r.status, 200);
    const Probe p = probe(r.body);
    QCOMPARE(p.codecs, (QStringList{u"h264"_s, u"aac"_s}));
    QVERIFY2(qAbs(p.duration - 12.0) <= 1.0, qPrintable(QString::number(p.duration)));
}

void TestVideoPreviews::concurrentFirstRequestsGenerateOnce()
{
    const quint64 before = m_backend.previews().clipGenerationCount();
    HttpTestClient first(m_backend.port());
    HttpTestClient second(m_backend.port());
    HttpTestClient third(m_backend.port());
    first.sendRequest("GET", videoUrl(m_race, "preview"));
    second.sendRequest("GET", videoUrl(m_race, "preview"));
    third.sendRequest("GET", videoUrl(m_race, "preview"));
    const RawResponse a = first.read(false, 60000);
    const RawResponse b = second.read(false, 60000);
    const RawResponse c = third.read(false, 60000);
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QCOMPARE(c.status, 200);
    QCOMPARE(b.header("etag"), a.header("etag"));
    QCOMPARE(c.header("etag"), a.header("etag"));
    QVERIFY(!a.body.isEmpty() && a.body == b.body && a.body == c.body);
    QCOMPARE(m_backend.previews().clipGenerationCount(), before + 1);
}

QTEST_GUILESS_MAIN(TestVideoPreviews)
#include "tst_video_previews.moc"
