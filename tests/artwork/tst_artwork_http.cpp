// The artwork routes over real HTTP: originals and resized copies, validators and 304s, the
// size parameter, 404/422 answers for missing or bad images, visibility, video posters.

#include "ArtworkFixtures.h"
#include "HttpTestClient.h"
#include "MediaFixtures.h"

#include "catalog/TrackRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QByteArray artUrl(const char *what, qint64 id, const QByteArray &query = {})
{
    return "/api/"_ba + what + '/' + QByteArray::number(id) + "/art" + (query.isEmpty() ? ""_ba : '?' + query);
}

bool isJsonError(const RawResponse &r)
{
    return r.header("content-type").startsWith("application/json")
           && !QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString().isEmpty();
}

} // namespace

class TestArtworkHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trackOriginalAndResized();
    void revalidation();
    void albumPrefersFolderImage();
    void artistArt();
    void noArtwork();
    void badIds();
    void sizeParameter_data();
    void sizeParameter();
    void badImagesAnswer422_data();
    void badImagesAnswer422();
    void changedCoverChangesValidators();
    void invisibleItemsAre404();
    void videoPoster();

private:
    ArtworkBackend m_backend;
    QByteArray m_embedded;     // picture inside A/1.mp3
    QByteArray m_folderCover;  // A/cover.jpg
    qint64 m_track = 0, m_plain = 0, m_noArt = 0, m_video = 0;
    qint64 m_album = 0, m_artist = 0, m_noArtAlbum = 0;
};

void TestArtworkHttp::initTestCase()
{
    QCOMPARE(m_backend.start(), QString());
    QDir library(m_backend.libraryPath({}));
    for (const QString &dir : {u"A"_s, u"N"_s, u"Bad"_s, u"Claim"_s, u"Huge"_s})
        QVERIFY(library.mkpath(dir));
    const Tags a{{u"album"_s, u"Alpha"_s}, {u"artist"_s, u"Ann"_s}, {u"album_artist"_s, u"Ann"_s},
                 {u"track"_s, u"1"_s}};
    m_embedded = makeImage(600, 300, "jpeg", Qt::green);
    m_folderCover = makeImage(500, 500, "jpeg", Qt::red);
    QVERIFY(writeFile(m_backend.libraryPath(u"A/embedded.jpg.src"_s), m_embedded));
    QCOMPARE(makeAudio(m_backend.libraryPath(u"A/plain1.mp3"_s), 1.0, a), QString());
    QCOMPARE(embedWithFfmpeg(m_backend.libraryPath(u"A/plain1.mp3"_s),
                             m_backend.libraryPath(u"A/embedded.jpg.src"_s), m_backend.libraryPath(u"A/1.mp3"_s)),
             QString());
    QVERIFY(QFile::remove(m_backend.libraryPath(u"A/plain1.mp3"_s)));
    QCOMPARE(makeAudio(m_backend.libraryPath(u"A/2.mp3"_s), 1.0, a), QString());
    QVERIFY(writeFile(m_backend.libraryPath(u"A/cover.jpg"_s), m_folderCover));
    QCOMPARE(makeAudio(m_backend.libraryPath(u"N/none.mp3"_s), 1.0, {{u"album"_s, u"Nothing"_s}}), QString());

    // Bad images: garbage, an absurd size claim, a 40 MB embedded picture.
    QCOMPARE(makeAudio(m_backend.libraryPath(u"Bad/bad.mp3"_s), 1.0, {{u"album"_s, u"Bad"_s}}), QString());
    QVERIFY(writeFile(m_backend.libraryPath(u"Bad/cover.jpg"_s), "\xff\xd8\xff\xe0"_ba + QByteArray(5000, '\x07')));
    QCOMPARE(makeAudio(m_backend.libraryPath(u"Claim/claim.mp3"_s), 1.0, {{u"album"_s, u"Claim"_s}}), QString());
    QVERIFY(writeFile(m_backend.libraryPath(u"Claim/cover.png"_s), pngClaiming(60000, 60000)));
    QCOMPARE(makeAudio(m_backend.libraryPath(u"Huge/huge.mp3"_s), 1.0, {{u"album"_s, u"Huge"_s}}), QString());
    QVERIFY(embedWithTagLib(m_backend.libraryPath(u"Huge/huge.mp3"_s), PictureTag::Id3v2,
                            {{m_embedded + QByteArray(40 << 20, '\0'), true}}));

    QCOMPARE(makeVideo(m_backend.libraryPath(u"clip.mp4"_s), 2.0, 320, 240), QString());
    QVERIFY(m_backend.scan());

    m_track = m_backend.trackIdFor(u"1.mp3"_s);
    m_plain = m_backend.trackIdFor(u"2.mp3"_s);
    m_noArt = m_backend.trackIdFor(u"none.mp3"_s);
    m_video = m_backend.trackIdFor(u"clip.mp4"_s);
    QVERIFY(m_track && m_plain && m_noArt && m_video);
    const TrackRepository tracks(m_backend.database());
    m_album = tracks.find(m_track)->albumId;
    m_artist = tracks.find(m_track)->artistId;
    m_noArtAlbum = tracks.find(m_noArt)->albumId;
}

void TestArtworkHttp::trackOriginalAndResized()
{
    HttpTestClient client(m_backend.port());
    const RawResponse original = client.get(artUrl("tracks", m_track));
    QCOMPARE(original.status, 200);
    QCOMPARE(original.header("content-type"), "image/jpeg"_ba);
    QCOMPARE(original.body, m_embedded);
    QVERIFY(original.header("etag").startsWith('"'));
    QVERIFY(!original.header("last-modified").isEmpty());
    QCOMPARE(original.header("cache-control"), "private, max-age=86400"_ba);

    const RawResponse resized = client.get(artUrl("tracks", m_track, "size=300"));
    QCOMPARE(resized.status, 200);
    QCOMPARE(resized.header("content-type"), "image/jpeg"_ba);
    QCOMPARE(imageSize(resized.body), QSize(300, 150));
    QVERIFY(resized.header("etag") != original.header("etag"));
    QCOMPARE(resized.header("content-length").toLongLong(), resized.body.size());

    const RawResponse head = client.head(artUrl("tracks", m_track, "size=300"));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("etag"), resized.header("etag"));

    // A track without embedded art shows its folder's cover.
    const RawResponse folder = client.get(artUrl("tracks", m_plain));
    QCOMPARE(folder.status, 200);
    QCOMPARE(folder.body, m_folderCover);

    // With a version in the URL the answer may be kept for good.
    const RawResponse versioned = client.get(artUrl("tracks", m_track, "size=300&v=" + resized.header("etag").mid(1, 8)));
    QCOMPARE(versioned.header("cache-control"), "private, max-age=31536000, immutable"_ba);
    QCOMPARE(versioned.body, resized.body);
}

void TestArtworkHttp::revalidation()
{
    HttpTestClient client(m_backend.port());
    const RawResponse first = client.get(artUrl("tracks", m_track, "size=200"));
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    const QByteArray lastModified = first.header("last-modified");

    const RawResponse byTag = client.get(artUrl("tracks", m_track, "size=200"), {"If-None-Match: " + etag});
    QCOMPARE(byTag.status, 304);
    QVERIFY(byTag.body.isEmpty());
    QCOMPARE(byTag.header("etag"), etag);
    QVERIFY(!byTag.header("cache-control").isEmpty());

    const RawResponse byDate = client.get(artUrl("tracks", m_track, "size=200"), {"If-Modified-Since: " + lastModified});
    QCOMPARE(byDate.status, 304);
    const RawResponse listed = client.get(artUrl("tracks", m_track, "size=200"), {"If-None-Match: \"nope\", " + etag});
    QCOMPARE(listed.status, 304);

    // Another size, another tag: the full answer.
    const RawResponse other = client.get(artUrl("tracks", m_track, "size=201"), {"If-None-Match: " + etag});
    QCOMPARE(other.status, 200);
    const RawResponse stale = client.get(artUrl("tracks", m_track, "size=200"), {"If-None-Match: \"stale\""});
    QCOMPARE(stale.status, 200);
    QCOMPARE(stale.body, first.body);
    const RawResponse failed = client.get(artUrl("tracks", m_track, "size=200"), {"If-Match: \"stale\""});
    QCOMPARE(failed.status, 412);
}

void TestArtworkHttp::albumPrefersFolderImage()
{
    HttpTestClient client(m_backend.port());
    const RawResponse album = client.get(artUrl("albums", m_album));
    QCOMPARE(album.status, 200);
    QCOMPARE(album.body, m_folderCover);
    const RawResponse small = client.get(artUrl("albums", m_album, "size=64"));
    QCOMPARE(small.status, 200);
    QCOMPARE(imageSize(small.body), QSize(64, 64));
}

void TestArtworkHttp::artistArt()
{
    HttpTestClient client(m_backend.port());
    const RawResponse artist = client.get(artUrl("artists", m_artist, "size=100"));
    QCOMPARE(artist.status, 200);
    QCOMPARE(imageSize(artist.body), QSize(100, 100));
    QCOMPARE(artist.header("etag"), client.get(artUrl("albums", m_album, "size=100")).header("etag"));
}

void TestArtworkHttp::noArtwork()
{
    HttpTestClient client(m_backend.port());
    for (const QByteArray &url : {artUrl("tracks", m_noArt), artUrl("tracks", m_noArt, "size=100"),
                                  artUrl("albums", m_noArtAlbum, "size=100")}) {
        const RawResponse r = client.get(url);
        QCOMPARE(r.status, 404);
        QVERIFY(isJsonError(r));
    }
}

void TestArtworkHttp::badIds()
{
    HttpTestClient client(m_backend.port());
    for (const char *what : {"tracks", "albums", "artists"}) {
        QCOMPARE(client.get(artUrl(what, 987654)).status, 404);
        const RawResponse bad = client.get("/api/"_ba + what + "/x1/art");
        QCOMPARE(bad.status, 400);
        QVERIFY(isJsonError(bad));
        QCOMPARE(client.get("/api/"_ba + what + "/0/art").status, 400);
    }
    // POST is not an artwork method.
    client.sendRequest("POST", artUrl("tracks", m_track), {"Content-Length: 0"});
    QCOMPARE(client.read().status, 405);
}

void TestArtworkHttp::sizeParameter_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("sameAs");   // a query answering with the same ETag
    QTest::newRow("word") << "size=big"_ba << 400 << QByteArray();
    QTest::newRow("empty") << "size="_ba << 400 << QByteArray();
    QTest::newRow("unit") << "size=12px"_ba << 400 << QByteArray();
    QTest::newRow("fraction") << "size=1.5"_ba << 400 << QByteArray();
    QTest::newRow("hex") << "size=0x40"_ba << 400 << QByteArray();
    QTest::newRow("space") << "size=%2012"_ba << 400 << QByteArray();
    QTest::newRow("sign only") << "size=-"_ba << 400 << QByteArray();
    QTest::newRow("too small clamps") << "size=1"_ba << 200 << "size=16"_ba;
    QTest::newRow("zero clamps") << "size=0"_ba << 200 << "size=16"_ba;
    QTest::newRow("negative clamps") << "size=-50"_ba << 200 << "size=16"_ba;
    QTest::newRow("too large clamps") << "size=99999"_ba << 200 << "size=2048"_ba;
    QTest::newRow("absurdly long clamps") << "size=123456789012345678901234567890"_ba << 200 << "size=2048"_ba;
    QTest::newRow("plus sign") << "size=%2B64"_ba << 200 << "size=64"_ba;
    QTest::newRow("'+' is a space in a query") << "size=+64"_ba << 400 << QByteArray();
}

void TestArtworkHttp::sizeParameter()
{
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QByteArray, sameAs);
    HttpTestClient client(m_backend.port());
    const RawResponse r = client.get(artUrl("tracks", m_track, query));
    QCOMPARE(r.status, status);
    if (status != 200) {
        QVERIFY(isJsonError(r));
        return;
    }
    const RawResponse reference = client.get(artUrl("tracks", m_track, sameAs));
    QCOMPARE(r.header("etag"), reference.header("etag"));
    QCOMPARE(r.body, reference.body);
    const QSize size = imageSize(r.body);
    QVERIFY(size.width() <= 2048 && size.width() >= 16);
}

void TestArtworkHttp::badImagesAnswer422_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("corrupt cover") << u"bad.mp3"_s;
    QTest::newRow("claims 60000x60000") << u"claim.mp3"_s;
    QTest::newRow("40 MB embedded picture") << u"huge.mp3"_s;
}

void TestArtworkHttp::badImagesAnswer422()
{
    QFETCH(QString, file);
    const qint64 id = m_backend.trackIdFor(file);
    QVERIFY(id);
    HttpTestClient client(m_backend.port());
    for (const QByteArray &query : {"size=300"_ba, ""_ba, "size=300"_ba}) {
        const RawResponse r = client.get(artUrl("tracks", id, query));
        QCOMPARE(r.status, 422);
        QVERIFY(isJsonError(r));
    }
    // The server is unharmed and the good images still come.
    QCOMPARE(client.get("/health"_ba).status, 200);
    QCOMPARE(client.get(artUrl("tracks", m_track, "size=100")).status, 200);
}

void TestArtworkHttp::changedCoverChangesValidators()
{
    HttpTestClient client(m_backend.port());
    const RawResponse before = client.get(artUrl("albums", m_album, "size=50"));
    QCOMPARE(before.status, 200);
    const QString cover = m_backend.libraryPath(u"A/cover.jpg"_s);
    m_folderCover = makeImage(400, 200, "jpeg", Qt::blue);
    QVERIFY(writeFile(cover, m_folderCover));
    QFile file(cover);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(120), QFileDevice::FileModificationTime));
    file.close();

    const RawResponse after = client.get(artUrl("albums", m_album, "size=50"), {"If-None-Match: " + before.header("etag")});
    QCOMPARE(after.status, 200);
    QVERIFY(after.header("etag") != before.header("etag"));
    QCOMPARE(imageSize(after.body), QSize(50, 25));
    QCOMPARE(client.get(artUrl("albums", m_album)).body, m_folderCover);
}

void TestArtworkHttp::invisibleItemsAre404()
{
    HttpTestClient client(m_backend.port());
    m_backend.setVisibility(Visibility::folders({m_backend.libraryFolderId() + 1000}));
    for (const QByteArray &url : {artUrl("tracks", m_track), artUrl("albums", m_album, "size=64"),
                                  artUrl("artists", m_artist, "size=64")}) {
        const RawResponse r = client.get(url);
        QCOMPARE(r.status, 404);
        QVERIFY(isJsonError(r));
    }
    m_backend.setVisibility(Visibility::folders({m_backend.libraryFolderId()}));
    QCOMPARE(client.get(artUrl("albums", m_album, "size=64")).status, 200);
    m_backend.setVisibility(Visibility::everything());
}

void TestArtworkHttp::videoPoster()
{
    HttpTestClient client(m_backend.port());
    const RawResponse poster = client.get(artUrl("tracks", m_video, "size=160"));
    QCOMPARE(poster.status, 200);
    QCOMPARE(poster.header("content-type"), "image/jpeg"_ba);
    QCOMPARE(imageSize(poster.body), QSize(160, 120));
    const RawResponse full = client.get(artUrl("tracks", m_video));
    QCOMPARE(full.status, 200);
    QCOMPARE(imageSize(full.body), QSize(320, 240));
    QCOMPARE(m_backend.artwork().frameGrabCount(), 1u);
}

QTEST_GUILESS_MAIN(TestArtworkHttp)
#include "tst_artwork_http.moc"
