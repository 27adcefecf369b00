// Resizing within limits, the disk cache (hits without decoding, invalidation, LRU bound) and
// the service's single-flight production.

#include "ArtworkFixtures.h"
#include "MediaFixtures.h"

#include "artwork/ArtworkCache.h"
#include "artwork/ArtworkService.h"
#include "ffmpeg/FfmpegQueue.h"
#include "artwork/ImageResizer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QImageReader>
#include <QTest>
#include <QThread>

#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::artwork;
using namespace cairn::test;

class TestArtworkImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resizeKeepsAspect_data();
    void resizeKeepsAspect();
    void transparencyGivesPng_data();
    void transparencyGivesPng();
    void badImages_data();
    void badImages();
    void inspectOriginals();
    void clampSize_data();
    void clampSize();
    void cacheHitWithoutDecoding();
    void changedCoverIsNotStale();
    void concurrentFirstRequestsResizeOnce();
    void cacheIsBoundedLeastRecentlyUsedFirst();
    void videoPosterFrame();
    void missingSource();
};

void TestArtworkImages::resizeKeepsAspect_data()
{
    QTest::addColumn<QSize>("source");
    QTest::addColumn<int>("maxSide");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("landscape") << QSize(800, 400) << 300 << QSize(300, 150);
    QTest::newRow("portrait") << QSize(400, 1000) << 300 << QSize(120, 300);
    QTest::newRow("square") << QSize(1000, 1000) << 16 << QSize(16, 16);
    QTest::newRow("smaller is not enlarged") << QSize(100, 200) << 300 << QSize(100, 200);
    QTest::newRow("exact") << QSize(300, 300) << 300 << QSize(300, 300);
    QTest::newRow("extreme strip keeps a pixel") << QSize(4000, 2) << 100 << QSize(100, 1);
}

void TestArtworkImages::resizeKeepsAspect()
{
    QFETCH(QSize, source);
    QFETCH(int, maxSide);
    QFETCH(QSize, expected);
    for (const char *format : {"jpeg", "png"}) {
        const ResizeResult r = ImageResizer::resize(makeImage(source.width(), source.height(), format), maxSide);
        QVERIFY2(r.image, qPrintable(r.error));
        QCOMPARE(r.image->size, expected);
        QCOMPARE(imageSize(r.image->data), expected);
        QCOMPARE(r.image->mimeType, "image/jpeg"_ba);
    }
}

void TestArtworkImages::transparencyGivesPng_data()
{
    QTest::addColumn<bool>("transparent");
    QTest::addColumn<QByteArray>("mimeType");
    QTest::newRow("transparent PNG") << true << "image/png"_ba;
    QTest::newRow("opaque PNG with alpha channel") << false << "image/jpeg"_ba;
}

void TestArtworkImages::transparencyGivesPng()
{
    QFETCH(bool, transparent);
    QFETCH(QByteArray, mimeType);
    QImage image(400, 200, QImage::Format_ARGB32);
    image.fill(Qt::red);
    if (transparent)
        image.setPixel(10, 10, qRgba(0, 0, 0, 0));
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "png"));
    }
    const ResizeResult r = ImageResizer::resize(png, 100);
    QVERIFY(r.image);
    QCOMPARE(r.image->mimeType, mimeType);
    QCOMPARE(imageSize(r.image->data), QSize(100, 50));
}

void TestArtworkImages::badImages_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray jpeg = makeImage(200, 200, "jpeg");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not an image") << QByteArray("hello, I am text, not a picture at all");
    QTest::newRow("garbage after a JPEG signature") << ("\xff\xd8\xff\xe0"_ba + QByteArray(2000, '\x01'));
    QTest::newRow("truncated JPEG") << jpeg.left(jpeg.size() / 3);
    QTest::newRow("claims 60000x60000") << pngClaiming(60000, 60000);
    QTest::newRow("claims 20000x10") << pngClaiming(20000, 10);
    QTest::newRow("claims 2^31 wide") << pngClaiming(0x7fffffffu, 1);
}

void TestArtworkImages::badImages()
{
    QFETCH(QByteArray, data);
    const ResizeResult r = ImageResizer::resize(data, 300);
    QVERIFY(!r.image);
    QVERIFY(!r.error.isEmpty());
    // A plausible header of a sane size is fine for inspection; absurd claims are not.
    if (data.startsWith("\x89PNG"))
        QVERIFY(!ImageResizer::inspect(data).image);
}

void TestArtworkImages::inspectOriginals()
{
    const ImageCheck jpeg = ImageResizer::inspect(makeImage(321, 123, "jpeg"));
    QVERIFY(jpeg.image);
    QCOMPARE(jpeg.image->mimeType, "image/jpeg"_ba);
    QCOMPARE(jpeg.image->size, QSize(321, 123));
    QCOMPARE(ImageResizer::inspect(makeImage(5, 6, "png")).image->mimeType, "image/png"_ba);
    if (QImageReader::supportedImageFormats().contains("webp")) {
        // With Qt's WebP plugin a real WebP is read like any image, and a broken one refused.
        const ImageCheck webp = ImageResizer::inspect(makeImage(40, 30, "webp"));
        QVERIFY(webp.image);
        QCOMPARE(webp.image->mimeType, "image/webp"_ba);
        QCOMPARE(webp.image->size, QSize(40, 30));
        QVERIFY(!ImageResizer::inspect("RIFF\x10\0\0\0WEBPVP8 "_ba + QByteArray(16, '\0')).image);
    } else {
        // Without a decoder, WebP is still recognised by its signature (served as the original).
        const ImageCheck webp = ImageResizer::inspect("RIFF\x10\0\0\0WEBPVP8 "_ba + QByteArray(16, '\0'));
        QVERIFY(webp.image);
        QCOMPARE(webp.image->mimeType, "image/webp"_ba);
    }
    QVERIFY(!ImageResizer::inspect("RIFF\x10\0\0\0WAVEfmt "_ba).image);
    QVERIFY(!ImageResizer::inspect({}).image);
}

void TestArtworkImages::clampSize_data()
{
    QTest::addColumn<qint64>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("below") << qint64(1) << 16;
    QTest::newRow("negative") << qint64(-300) << 16;
    QTest::newRow("inside") << qint64(300) << 300;
    QTest::newRow("above") << qint64(100000) << 2048;
    QTest::newRow("huge") << (qint64(1) << 40) << 2048;
}

void TestArtworkImages::clampSize()
{
    QFETCH(qint64, requested);
    QFETCH(int, expected);
    QCOMPARE(ArtworkService::clampSize(requested), expected);
}

void TestArtworkImages::cacheHitWithoutDecoding()
{
    QTemporaryDir dir;
    const QString cover = dir.filePath(u"cover.jpg"_s);
    QVERIFY(writeFile(cover, makeImage(1000, 500, "jpeg")));
    const ArtSource source{ArtSource::Kind::ImageFile, cover, 0};
    const QString cacheDir = dir.filePath(u"cache"_s);
    QByteArray first;
    {
        ArtworkService service({cacheDir, 16 << 20, 32 << 20});
        const Artwork a = service.fetch(source, 300);
        QCOMPARE(a.status, Artwork::Status::Ok);
        QCOMPARE(imageSize(a.data), QSize(300, 150));
        QCOMPARE(service.resizeCount(), 1u);
        const Artwork b = service.fetch(source, 300);
        QCOMPARE(b.data, a.data);
        QCOMPARE(b.validators.etag, a.validators.etag);
        QCOMPARE(service.resizeCount(), 1u);   // served from the cache
        QCOMPARE(service.cache().entryCount(), 1);
        QCOMPARE(service.validators(source, 300)->etag, a.validators.etag);
        // Another size is another entry with another validator.
        const Artwork c = service.fetch(source, 100);
        QCOMPARE(imageSize(c.data), QSize(100, 50));
        QVERIFY(c.validators.etag != a.validators.etag);
        QCOMPARE(service.resizeCount(), 2u);
        // The original is never cached nor resized.
        const Artwork original = service.fetch(source, 0);
        QCOMPARE(original.data, readFile(cover));
        QCOMPARE(original.mimeType, "image/jpeg"_ba);
        QCOMPARE(service.resizeCount(), 2u);
        first = a.data;
    }
    // The cache outlives the process: a new service decodes nothing.
    ArtworkService again({cacheDir, 16 << 20, 32 << 20});
    QCOMPARE(again.cache().entryCount(), 2);
    QCOMPARE(again.fetch(source, 300).data, first);
    QCOMPARE(again.resizeCount(), 0u);
}

void TestArtworkImages::changedCoverIsNotStale()
{
    QTemporaryDir dir;
    const QString cover = dir.filePath(u"cover.jpg"_s);
    QVERIFY(writeFile(cover, makeImage(400, 400, "jpeg", Qt::red)));
    const ArtSource source{ArtSource::Kind::ImageFile, cover, 0};
    ArtworkService service({dir.filePath(u"cache"_s), 16 << 20, 32 << 20});
    const Artwork before = service.fetch(source, 64);
    QCOMPARE(before.status, Artwork::Status::Ok);

    QVERIFY(writeFile(cover, makeImage(400, 200, "jpeg", Qt::blue)));
    QFile file(cover);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
    file.close();

    const Artwork after = service.fetch(source, 64);
    QCOMPARE(after.status, Artwork::Status::Ok);
    QCOMPARE(imageSize(after.data), QSize(64, 32));
    QVERIFY(after.validators.etag != before.validators.etag);
    QVERIFY(after.validators.lastModified > before.validators.lastModified);
    QCOMPARE(service.resizeCount(), 2u);
    const QImage blue = QImage::fromData(after.data);
    QVERIFY(qBlue(blue.pixel(32, 16)) > 200 && qRed(blue.pixel(32, 16)) < 60);
}

void TestArtworkImages::concurrentFirstRequestsResizeOnce()
{
    QTemporaryDir dir;
    const QString cover = dir.filePath(u"big.png"_s);
    QVERIFY(writeFile(cover, makeImage(2400, 2400, "png", Qt::darkCyan)));
    const ArtSource source{ArtSource::Kind::ImageFile, cover, 0};
    ArtworkService service({dir.filePath(u"cache"_s), 16 << 20, 32 << 20});
    constexpr int kThreads = 8;
    std::vector<QByteArray> results(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] { results[size_t(i)] = service.fetch(source, 500).data; });
    for (auto &t : threads)
        t.join();
    QCOMPARE(service.resizeCount(), 1u);
    for (const QByteArray &r : results) {
        QVERIFY(!r.isEmpty());
        QCOMPARE(r, results.front());
    }
}

void TestArtworkImages::cacheIsBoundedLeastRecentlyUsedFirst()
{
    QTemporaryDir dir;
    const qint64 limit = 40000;
    ArtworkCache cache(dir.filePath(u"cache"_s), limit);
    const QByteArray chunk(9000, 'x');
    cache.store("a"_ba, {chunk, "image/jpeg"_ba});
    cache.store("b"_ba, {chunk, "image/jpeg"_ba});
    cache.store("c"_ba, {chunk, "image/png"_ba});
    cache.store("d"_ba, {chunk, "image/jpeg"_ba});
    QVERIFY(cache.find("a"_ba));          // a becomes the most recently used
    cache.store("e"_ba, {chunk, "image/jpeg"_ba});   // 45000 > 40000: evict b (and c)
    QVERIFY(cache.totalBytes() <= limit);
    QVERIFY(cache.find("a"_ba));
    QVERIFY(!cache.find("b"_ba));
    QVERIFY(cache.find("e"_ba));
    QCOMPARE(cache.find("e"_ba)->data, chunk);
    QVERIFY(!QFileInfo::exists(cache.filePathFor("b"_ba, "image/jpeg"_ba)));
    QCOMPARE(QDir(cache.directory()).entryList(QDir::Files).size(), cache.entryCount());
    // An entry larger than the whole cache is not kept.
    cache.store("huge"_ba, {QByteArray(limit + 1, 'y'), "image/jpeg"_ba});
    QVERIFY(!cache.find("huge"_ba));
    // A file deleted behind the cache's back is a miss, not an error.
    QVERIFY(QFile::remove(cache.filePathFor("a"_ba, "image/jpeg"_ba)));
    QVERIFY(!cache.find("a"_ba));
    QVERIFY(cache.totalBytes() <= limit);
}

void TestArtworkImages::videoPosterFrame()
{
    QTemporaryDir dir;
    const QString video = dir.filePath(u"clip.mkv"_s);
    QCOMPARE(makeVideo(video, 2.0, 320, 240), QString());
    FfmpegQueue ffmpeg(FfmpegQueueSettings{});
    ArtworkService service({dir.filePath(u"cache"_s), 16 << 20, 32 << 20, &ffmpeg});
    const ArtSource source{ArtSource::Kind::VideoFrame, video, 2000};
    const Artwork original = service.fetch(source, 0);
    QCOMPARE(original.status, Artwork::Status::Ok);
    QCOMPARE(original.mimeType, "image/jpeg"_ba);
    QCOMPARE(imageSize(original.data), QSize(320, 240));
    const Artwork small = service.fetch(source, 160);
    QCOMPARE(imageSize(small.data), QSize(160, 120));
    QCOMPARE(service.frameGrabCount(), 1u);   // the frame itself is cached
    // Not a video: no frame, no crash.
    QVERIFY(writeFile(dir.filePath(u"fake.mkv"_s), QByteArray(4000, 'z')));
    const Artwork none = service.fetch({ArtSource::Kind::VideoFrame, dir.filePath(u"fake.mkv"_s), 1000}, 100);
    QCOMPARE(none.status, Artwork::Status::NoArtwork);
}

void TestArtworkImages::missingSource()
{
    QTemporaryDir dir;
    ArtworkService service({dir.filePath(u"cache"_s), 16 << 20, 32 << 20});
    QCOMPARE(service.fetch({}, 100).status, Artwork::Status::NoArtwork);
    const ArtSource gone{ArtSource::Kind::ImageFile, dir.filePath(u"gone.jpg"_s), 0};
    QCOMPARE(service.fetch(gone, 100).status, Artwork::Status::NoArtwork);
    QVERIFY(!service.validators(gone, 100));
    // Bad bytes behind a valid path: BadImage at every size, also the original.
    QVERIFY(writeFile(dir.filePath(u"cover.jpg"_s), pngClaiming(60000, 60000)));
    const ArtSource claim{ArtSource::Kind::ImageFile, dir.filePath(u"cover.jpg"_s), 0};
    QCOMPARE(service.fetch(claim, 100).status, Artwork::Status::BadImage);
    QCOMPARE(service.resizeCount(), 1u);
    // Remembered until the file changes: not decoded again (and logged once).
    QCOMPARE(service.fetch(claim, 100).status, Artwork::Status::BadImage);
    QCOMPARE(service.resizeCount(), 1u);
    QCOMPARE(service.fetch(claim, 0).status, Artwork::Status::BadImage);
    QCOMPARE(service.cache().entryCount(), 0);
}

QTEST_GUILESS_MAIN(TestArtworkImages)
#include "tst_artwork_images.moc"
