// The transcode cache behind the HTTP API: a finished transcode is served again as a file
// (ETag, Content-Length, ranges), a transcode the client left is never kept, an offset is
// never cached, and a changed source file is transcoded again.

#include "LiveHttpClient.h"
#include "MediaFixtures.h"
#include "TranscodeServerFixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestTranscodeCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secondRequestServedFromCache();
    void offsetsAreNotCached();
    void abandonedTranscodeIsNotKept();
    void changedSourceIsTranscodedAgain();

private:
    QByteArray target(const QString &query) const
    {
        return "/api/tracks/" + QByteArray::number(m_fixture.trackIdFor(u"song.flac"_s)) + "/transcode?"
            + QUrl::toPercentEncoding(query, "=&");
    }
    QStringList cacheFiles() const { return QDir(m_fixture.cacheDir()).entryList(QDir::Files); }

    TranscodeServerFixture m_fixture;
};

void TestTranscodeCache::initTestCase()
{
    QCOMPARE(makeAudio(m_fixture.libraryPath(u"song.flac"_s), 8), QString());
    QCOMPARE(m_fixture.start(4, true), QString());
    QVERIFY(m_fixture.scan());
    QVERIFY(m_fixture.trackIdFor(u"song.flac"_s) > 0);
}

void TestTranscodeCache::secondRequestServedFromCache()
{
    LiveHttpClient client(m_fixture.port());
    const LiveResponse live = client.request(target(u"preset=MP3 320"_s));
    QCOMPARE(live.status, 200);
    QVERIFY(live.complete);
    QVERIFY(live.header("ETag").isEmpty());
    QTRY_COMPARE(m_fixture.transcoding().cache().entryCount(), 1);

    const LiveResponse cached = client.request(target(u"preset=MP3 320"_s));
    QCOMPARE(cached.status, 200);
    QVERIFY(!cached.header("ETag").isEmpty());
    QCOMPARE(cached.header("Accept-Ranges"), "bytes"_ba);
    QCOMPARE(cached.header("Content-Type"), "audio/mpeg"_ba);
    QCOMPARE(cached.header("Content-Length").toLongLong(), live.body.size());
    QCOMPARE(cached.body, live.body);

    const LiveResponse range = client.request(target(u"preset=MP3 320"_s), {"Range: bytes=1000-1999"_ba});
    QCOMPARE(range.status, 206);
    QCOMPARE(range.body, live.body.mid(1000, 1000));
    const LiveResponse notModified =
        client.request(target(u"preset=MP3 320"_s), {"If-None-Match: " + cached.header("ETag")});
    QCOMPARE(notModified.status, 304);
    // The same preset asked for ad hoc is the same output, hence the same entry.
    QVERIFY(!client.request(target(u"format=mp3&bitrate=320"_s)).header("ETag").isEmpty());
}

void TestTranscodeCache::offsetsAreNotCached()
{
    const int before = m_fixture.transcoding().cache().entryCount();
    LiveHttpClient client(m_fixture.port());
    const LiveResponse r = client.request(target(u"preset=MP3 320&offset=2"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("ETag").isEmpty());
    QVERIFY(qAbs(r.header("X-Content-Duration").toDouble() - 6.0) < 0.1);
    const LiveResponse ranged = client.request(target(u"preset=MP3 128 (mobile)"_s), {"Range: bytes=5000-"_ba});
    QCOMPARE(ranged.status, 206);
    QTest::qWait(200);
    QCOMPARE(m_fixture.transcoding().cache().entryCount(), before);
}

void TestTranscodeCache::abandonedTranscodeIsNotKept()
{
    const int before = m_fixture.transcoding().cache().entryCount();
    {
        LiveHttpClient client(m_fixture.port());
        const LiveResponse r = client.request(target(u"preset=WAV (browser compatibility)"_s), {}, 2000);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.complete);
        client.abort();
    }
    QTRY_COMPARE(m_fixture.transcoding().jobs().running(), 0);
    QCOMPARE(m_fixture.transcoding().cache().entryCount(), before);
    for (const QString &name : cacheFiles())
        QVERIFY2(!name.endsWith(u".part"_s), qPrintable(name));
    LiveHttpClient again(m_fixture.port());
    QVERIFY(again.request(target(u"preset=WAV (browser compatibility)"_s)).header("ETag").isEmpty());
}

void TestTranscodeCache::changedSourceIsTranscodedAgain()
{
    LiveHttpClient client(m_fixture.port());
    QVERIFY(!client.request(target(u"preset=MP3 320"_s)).header("ETag").isEmpty());
    // A new version of the file (another length, so size and mtime both change).
    QCOMPARE(makeAudio(m_fixture.libraryPath(u"song.flac"_s), 6), QString());
    const LiveResponse r = client.request(target(u"preset=MP3 320"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("ETag").isEmpty());
}

QTEST_GUILESS_MAIN(TestTranscodeCache)
#include "tst_transcode_cache.moc"
