// The JSON API and the stream/download endpoints against a real server: statuses, headers
// and bytes (compared with the files on disk).

#include "HttpTestClient.h"
#include "MediaFixtures.h"
#include "MultipartBody.h"
#include "ServerFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void health();
    void trackListPagingAndSearch();
    void trackListBadParameters_data();
    void trackListBadParameters();
    void trackById();
    void badTrackIds_data();
    void badTrackIds();
    void unknownRouteAndMethod();
    void streamWholeFile_data();
    void streamWholeFile();
    void singleRanges_data();
    void singleRanges();
    void multipleRanges();
    void unsatisfiableRange();
    void conditionalRequests();
    void ifRange();
    void headHasNoBody();
    void download();
    void fileGoneFromDisk();

private:
    qint64 idOf(const QString &name) const { return m_fixture.trackIdFor(name); }
    QByteArray streamPath(const QString &name, const char *what = "stream") const
    {
        return "/api/tracks/" + QByteArray::number(idOf(name)) + '/' + what;
    }

    ServerFixture m_fixture;
    QStringList m_files;
};

void TestHttp::initTestCase()
{
    const QList<QPair<QString, Tags>> audio{
        {u"one.mp3"_s, {{u"title"_s, u"First Song"_s}, {u"artist"_s, u"Alpha"_s}, {u"album"_s, u"Albüm"_s}, {u"track"_s, u"1"_s}}},
        {u"Émile – Café.flac"_s, {{u"title"_s, u"ÉMILE chante"_s}, {u"artist"_s, u"Émile"_s}, {u"album"_s, u"Café"_s}}},
        {u"three.ogg"_s, {{u"title"_s, u"Third"_s}, {u"artist"_s, u"Gamma"_s}}},
        {u"four.opus"_s, {{u"title"_s, u"Fourth"_s}}},
        {u"five.m4a"_s, {{u"title"_s, u"Fifth"_s}}},
        {u"six.wav"_s, {}},
        {u"seven.wv"_s, {{u"title"_s, u"Seventh"_s}}},
    };
    for (const auto &[name, tags] : audio) {
        const QString error = makeAudio(m_fixture.libraryPath(name), 3, tags);
        QVERIFY2(error.isEmpty(), qPrintable(name + u": "_s + error));
        m_files << name;
    }
    QCOMPARE(makeVideo(m_fixture.libraryPath(u"clip.mp4"_s), 2), QString());
    QCOMPARE(makeVideo(m_fixture.libraryPath(u"clip.mkv"_s), 2), QString());
    QCOMPARE(makeVideo(m_fixture.libraryPath(u"clip.webm"_s), 2), QString());
    m_files << u"clip.mp4"_s << u"clip.mkv"_s << u"clip.webm"_s;

    QCOMPARE(m_fixture.start(), QString());
    QVERIFY(m_fixture.scan());
    for (const QString &name : std::as_const(m_files))
        QVERIFY2(idOf(name) > 0, qPrintable(name));
}

void TestHttp::health()
{
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get("/health");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), "application/json; charset=utf-8"_ba);
    QCOMPARE(jsonOf(r).value(u"status"_s).toString(), u"ok"_s);
    QVERIFY(!r.header("Date").isEmpty());
}

void TestHttp::trackListPagingAndSearch()
{
    HttpTestClient c(m_fixture.port());
    RawResponse r = c.get("/api/tracks?limit=4");
    QCOMPARE(r.status, 200);
    QJsonObject o = jsonOf(r);
    QCOMPARE(o.value(u"total"_s).toInteger(), qint64(m_files.size()));
    QCOMPARE(o.value(u"items"_s).toArray().size(), 4);

    r = c.get("/api/tracks?offset=8&limit=4");
    QCOMPARE(jsonOf(r).value(u"items"_s).toArray().size(), m_files.size() - 8);

    // Following `next` (keyset pages) lists what one big page lists, in its order; the last page
    // says there is none after it.
    const auto idsOf = [](const QJsonObject &page) {
        QList<qint64> ids;
        for (const QJsonValue &item : page.value(u"items"_s).toArray())
            ids << item.toObject().value(u"id"_s).toInteger();
        return ids;
    };
    const QList<qint64> everything = idsOf(jsonOf(c.get("/api/tracks?limit=500")));
    QCOMPARE(everything.size(), m_files.size());
    QList<qint64> followed;
    QByteArray path = "/api/tracks?limit=3";
    for (int pages = 0; pages < 20 && !path.isEmpty(); ++pages) {
        r = c.get(path);
        QCOMPARE(r.status, 200);
        o = jsonOf(r);
        QVERIFY(o.contains(u"next"_s));
        QCOMPARE(o.value(u"total"_s).toInteger(), qint64(m_files.size()));
        followed += idsOf(o);
        const QString next = o.value(u"next"_s).toString();
        path = next.isEmpty() ? QByteArray() : "/api/tracks?limit=3&after=" + QUrl::toPercentEncoding(next);
    }
    QCOMPARE(followed, everything);
    QVERIFY(path.isEmpty());

    // Case-insensitive beyond ASCII, '+' as a space, percent-encoded UTF-8.
    r = c.get("/api/tracks?q=%C3%A9mile+chante");
    QCOMPARE(r.status, 200);
    o = jsonOf(r);
    QCOMPARE(o.value(u"total"_s).toInteger(), 1);
    QCOMPARE(o.value(u"items"_s).toArray().at(0).toObject().value(u"title"_s).toString(), u"ÉMILE chante"_s);

    r = c.get("/api/tracks?q=nothing-matches-this");
    QCOMPARE(jsonOf(r).value(u"total"_s).toInteger(), 0);
}

void TestHttp::trackListBadParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("negative offset") << "offset=-1"_ba;
    QTest::newRow("text offset") << "offset=abc"_ba;
    QTest::newRow("zero limit") << "limit=0"_ba;
    QTest::newRow("huge limit") << "limit=100000"_ba;
    QTest::newRow("float limit") << "limit=1.5"_ba;
    QTest::newRow("overflow") << "offset=99999999999999999999999"_ba;
    QTest::newRow("empty") << "limit="_ba;
    QTest::newRow("made-up cursor") << "after=abc"_ba;
    QTest::newRow("empty cursor") << "after="_ba;
    QTest::newRow("cursor and offset") << "after=WzEsImEiLCJiIiwwLDAsInQiLDVd&offset=0"_ba;
    QTest::newRow("cursor and search") << "after=WzEsImEiLCJiIiwwLDAsInQiLDVd&q=song"_ba;
}

void TestHttp::trackListBadParameters()
{
    QFETCH(QByteArray, query);
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get("/api/tracks?" + query);
    QCOMPARE(r.status, 400);
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());
}

void TestHttp::trackById()
{
    HttpTestClient c(m_fixture.port());
    const qint64 id = idOf(u"one.mp3"_s);
    RawResponse r = c.get("/api/tracks/" + QByteArray::number(id));
    QCOMPARE(r.status, 200);
    const QJsonObject o = jsonOf(r);
    QCOMPARE(o.value(u"id"_s).toInteger(), id);
    QCOMPARE(o.value(u"title"_s).toString(), u"First Song"_s);
    QCOMPARE(o.value(u"artist"_s).toString(), u"Alpha"_s);
    QCOMPARE(o.value(u"album"_s).toString(), u"Albüm"_s);
    QCOMPARE(o.value(u"trackNumber"_s).toInt(), 1);
    QCOMPARE(o.value(u"format"_s).toString(), u"mp3"_s);
    QCOMPARE(o.value(u"size"_s).toInteger(), QFileInfo(m_fixture.libraryPath(u"one.mp3"_s)).size());
    QVERIFY(qAbs(o.value(u"duration"_s).toDouble() - 3.0) < 0.2);
    QVERIFY(o.value(u"sampleRate"_s).toInt() > 0);
    QVERIFY(o.value(u"channels"_s).toInt() == 2);
    QVERIFY(!o.contains(u"path"_s));
    QVERIFY2(!r.body.contains(m_fixture.libraryDir().toUtf8()), "a track must never reveal its filesystem path");

    r = c.get("/api/tracks/" + QByteArray::number(idOf(u"clip.mp4"_s)));
    QCOMPARE(jsonOf(r).value(u"kind"_s).toString(), u"video"_s);
    QCOMPARE(jsonOf(r).value(u"width"_s).toInt(), 320);
    QCOMPARE(jsonOf(r).value(u"height"_s).toInt(), 240);

    r = c.get("/api/tracks/999999");
    QCOMPARE(r.status, 404);
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());
}

void TestHttp::badTrackIds_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::newRow("letters") << "abc"_ba;
    QTest::newRow("negative") << "-1"_ba;
    QTest::newRow("zero") << "0"_ba;
    QTest::newRow("fraction") << "1.5"_ba;
    QTest::newRow("plus") << "+1"_ba;
    QTest::newRow("encoded traversal") << "%2e%2e%2f%2e%2e%2fetc%2fpasswd"_ba;
    QTest::newRow("nul") << "1%00"_ba;
}

void TestHttp::badTrackIds()
{
    QFETCH(QByteArray, id);
    HttpTestClient c(m_fixture.port());
    for (const QByteArray &suffix : {""_ba, "/stream"_ba, "/download"_ba}) {
        const RawResponse r = c.get("/api/tracks/" + id + suffix);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("Content-Type"), "application/json; charset=utf-8"_ba);
    }
}

void TestHttp::unknownRouteAndMethod()
{
    HttpTestClient c(m_fixture.port());
    RawResponse r = c.get("/api/nope");
    QCOMPARE(r.status, 404);
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());
    c.sendRequest("DELETE", "/api/tracks/1/stream");
    r = c.read();
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), "GET, HEAD"_ba);
}

void TestHttp::streamWholeFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("mp3") << u"one.mp3"_s << "audio/mpeg"_ba;
    QTest::newRow("flac unicode") << u"Émile – Café.flac"_s << "audio/flac"_ba;
    QTest::newRow("ogg") << u"three.ogg"_s << "audio/ogg"_ba;
    QTest::newRow("opus") << u"four.opus"_s << "audio/opus"_ba;
    QTest::newRow("m4a") << u"five.m4a"_s << "audio/mp4"_ba;
    QTest::newRow("wav") << u"six.wav"_s << "audio/wav"_ba;
    QTest::newRow("wavpack") << u"seven.wv"_s << "audio/x-wavpack"_ba;
    QTest::newRow("mp4") << u"clip.mp4"_s << "video/mp4"_ba;
    QTest::newRow("mkv") << u"clip.mkv"_s << "video/x-matroska"_ba;
    QTest::newRow("webm") << u"clip.webm"_s << "video/webm"_ba;
}

void TestHttp::streamWholeFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contentType);
    const QByteArray expected = readFile(m_fixture.libraryPath(name));
    QVERIFY(!expected.isEmpty());
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get(streamPath(name));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), contentType);
    QCOMPARE(r.header("Content-Length").toLongLong(), expected.size());
    QCOMPARE(r.header("Accept-Ranges"), "bytes"_ba);
    QVERIFY(r.header("ETag").startsWith('"'));
    QVERIFY(!r.header("Last-Modified").isEmpty());
    QVERIFY(!r.header("Cache-Control").isEmpty());
    QCOMPARE(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256),
             QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
}

void TestHttp::singleRanges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");   // -1 = size - 1
    QTest::newRow("closed") << "bytes=0-99"_ba << qint64(0) << qint64(99);
    QTest::newRow("middle") << "bytes=1000-1999"_ba << qint64(1000) << qint64(1999);
    QTest::newRow("open") << "bytes=5000-"_ba << qint64(5000) << qint64(-1);
    QTest::newRow("suffix") << "bytes=-100"_ba << qint64(-100) << qint64(-1);
    QTest::newRow("past end clamped") << "bytes=100-999999999"_ba << qint64(100) << qint64(-1);
    QTest::newRow("one byte") << "bytes=7-7"_ba << qint64(7) << qint64(7);
    QTest::newRow("unit case") << "Bytes=0-9"_ba << qint64(0) << qint64(9);
}

void TestHttp::singleRanges()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const QByteArray file = readFile(m_fixture.libraryPath(u"six.wav"_s));
    const qint64 size = file.size();
    if (first < 0)
        first += size;
    if (last < 0)
        last = size - 1;
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get(streamPath(u"six.wav"_s), {"Range: " + range});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("Content-Range"), "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                                            + QByteArray::number(size));
    QCOMPARE(r.header("Content-Length").toLongLong(), last - first + 1);
    QCOMPARE(r.header("Content-Type"), "audio/wav"_ba);
    QCOMPARE(r.body, file.mid(first, last - first + 1));
}

void TestHttp::multipleRanges()
{
    const QByteArray file = readFile(m_fixture.libraryPath(u"six.wav"_s));
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get(streamPath(u"six.wav"_s), {"Range: bytes=0-9, 100-199, -5"_ba});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
    // Each part has its own Content-Range and exactly the file's bytes.
    const QList<QPair<qint64, qint64>> expected{{0, 9}, {100, 199}, {file.size() - 5, file.size() - 1}};
    const auto parts = multipartParts(r, expected);
    QVERIFY2(parts, r.header("Content-Type").constData());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto [first, last] = expected.at(i);
        const QByteArray &head = parts->at(i).head;
        QVERIFY(head.contains("Content-Type: audio/wav"));
        const QByteArray contentRange = "Content-Range: bytes " + QByteArray::number(first) + '-'
            + QByteArray::number(last) + '/' + QByteArray::number(file.size());
        QVERIFY2(head.contains(contentRange), head.constData());
        QCOMPARE(parts->at(i).bytes, file.mid(first, last - first + 1));
    }

    // Overlapping ranges are coalesced into one part: a plain 206.
    const RawResponse merged = c.get(streamPath(u"six.wav"_s), {"Range: bytes=0-99,50-149"_ba});
    QCOMPARE(merged.status, 206);
    QCOMPARE(merged.header("Content-Range"), "bytes 0-149/" + QByteArray::number(file.size()));
    QCOMPARE(merged.body, file.left(150));
}

void TestHttp::unsatisfiableRange()
{
    const qint64 size = QFileInfo(m_fixture.libraryPath(u"six.wav"_s)).size();
    HttpTestClient c(m_fixture.port());
    RawResponse r = c.get(streamPath(u"six.wav"_s), {"Range: bytes=" + QByteArray::number(size) + '-'});
    QCOMPARE(r.status, 416);
    QCOMPARE(r.header("Content-Range"), "bytes */" + QByteArray::number(size));
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());

    // Syntactically invalid ranges are ignored: the whole file.
    for (const QByteArray &bad : {"bytes=abc"_ba, "bytes=5-1"_ba, "lines=0-1"_ba, "bytes="_ba, "bytes=--1"_ba}) {
        r = c.get(streamPath(u"six.wav"_s), {"Range: " + bad});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), size);
    }
}

void TestHttp::conditionalRequests()
{
    HttpTestClient c(m_fixture.port());
    const RawResponse first = c.get(streamPath(u"one.mp3"_s));
    const QByteArray etag = first.header("ETag");
    const QByteArray lastModified = first.header("Last-Modified");

    RawResponse r = c.get(streamPath(u"one.mp3"_s), {"If-None-Match: " + etag});
    QCOMPARE(r.status, 304);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.header("ETag"), etag);

    r = c.get(streamPath(u"one.mp3"_s), {"If-None-Match: \"other\", " + etag});
    QCOMPARE(r.status, 304);

    r = c.get(streamPath(u"one.mp3"_s), {"If-Modified-Since: " + lastModified});
    QCOMPARE(r.status, 304);

    r = c.get(streamPath(u"one.mp3"_s), {"If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT"_ba});
    QCOMPARE(r.status, 200);

    r = c.get(streamPath(u"one.mp3"_s), {"If-None-Match: \"stale\""_ba, "If-Modified-Since: " + lastModified});
    QCOMPARE(r.status, 200);   // If-None-Match wins over If-Modified-Since

    r = c.get(streamPath(u"one.mp3"_s), {"If-Match: \"stale\""_ba});
    QCOMPARE(r.status, 412);

    // The connection still frames correctly after bodiless answers.
    r = c.get("/health");
    QCOMPARE(r.status, 200);
}

void TestHttp::ifRange()
{
    const QByteArray file = readFile(m_fixture.libraryPath(u"one.mp3"_s));
    HttpTestClient c(m_fixture.port());
    const QByteArray etag = c.head(streamPath(u"one.mp3"_s)).header("ETag");
    RawResponse r = c.get(streamPath(u"one.mp3"_s), {"Range: bytes=10-19"_ba, "If-Range: " + etag});
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body, file.mid(10, 10));
    r = c.get(streamPath(u"one.mp3"_s), {"Range: bytes=10-19"_ba, "If-Range: \"changed\""_ba});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, file);
}

void TestHttp::headHasNoBody()
{
    HttpTestClient c(m_fixture.port());
    const RawResponse head = c.head(streamPath(u"six.wav"_s));
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Length").toLongLong(), QFileInfo(m_fixture.libraryPath(u"six.wav"_s)).size());
    QVERIFY(head.body.isEmpty());
    const RawResponse ranged = c.head(streamPath(u"six.wav"_s), {"Range: bytes=0-9"_ba});
    QCOMPARE(ranged.status, 206);
    QCOMPARE(ranged.header("Content-Length"), "10"_ba);
    const RawResponse api = c.head("/api/tracks");
    QCOMPARE(api.status, 200);
    // Had any body leaked, this response would be parsed out of it.
    const RawResponse after = c.get("/health");
    QCOMPARE(after.status, 200);
    QCOMPARE(jsonOf(after).value(u"status"_s).toString(), u"ok"_s);
}

void TestHttp::download()
{
    const QString name = u"Émile – Café.flac"_s;
    HttpTestClient c(m_fixture.port());
    const RawResponse r = c.get(streamPath(name, "download"));
    QCOMPARE(r.status, 200);
    const QByteArray disposition = r.header("Content-Disposition");
    QVERIFY2(disposition.startsWith("attachment;"), disposition.constData());
    QVERIFY2(disposition.contains("filename=\""), disposition.constData());
    QVERIFY2(disposition.contains(QByteArray("filename*=UTF-8''" + name.toUtf8().toPercentEncoding())),
             disposition.constData());
    for (char ch : disposition)
        QVERIFY(uchar(ch) < 0x80);
    QCOMPARE(r.body, readFile(m_fixture.libraryPath(name)));
}

void TestHttp::fileGoneFromDisk()
{
    const QString name = u"gone.mp3"_s;
    QCOMPARE(makeAudio(m_fixture.libraryPath(name), 1), QString());
    QVERIFY(m_fixture.scan());
    const qint64 id = idOf(name);
    QVERIFY(id > 0);
    QVERIFY(QFile::remove(m_fixture.libraryPath(name)));
    HttpTestClient c(m_fixture.port());
    RawResponse r = c.get("/api/tracks/" + QByteArray::number(id) + "/stream");
    QCOMPARE(r.status, 404);
    QVERIFY(!jsonOf(r).value(u"error"_s).toString().isEmpty());
    r = c.get("/api/tracks/" + QByteArray::number(id));
    QCOMPARE(r.status, 404);   // the catalog learned it
}

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
