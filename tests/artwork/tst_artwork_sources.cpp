// Where artwork comes from: each embedding kind, the front cover preference, folder images and
// their precedence, and what the scanner records for tracks, albums and artists.

#include "ArtworkFixtures.h"
#include "MediaFixtures.h"

#include "artwork/EmbeddedPicture.h"
#include "artwork/FolderImage.h"
#include "catalog/ArtworkRepository.h"
#include "catalog/TrackRepository.h"
#include "scan/TagLibReader.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestArtworkSources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void embeddedKinds_data();
    void embeddedKinds();
    void frontCoverPreferred();
    void fileWithoutPicture();
    void hugePictureIsRefusedUncopied();
    void folderImagePrecedence_data();
    void folderImagePrecedence();
    void scannerRecordsSources();
    void visibilityHidesArtwork();
};

void TestArtworkSources::embeddedKinds_data()
{
    QTest::addColumn<QString>("extension");
    QTest::addColumn<int>("writer");   // -1 = ffmpeg, else a PictureTag
    QTest::newRow("mp3 ID3v2 APIC (ffmpeg)") << u"mp3"_s << -1;
    QTest::newRow("flac PICTURE (ffmpeg)") << u"flac"_s << -1;
    QTest::newRow("m4a covr (ffmpeg)") << u"m4a"_s << -1;
    QTest::newRow("ogg vorbis METADATA_BLOCK_PICTURE (TagLib)") << u"ogg"_s << int(PictureTag::Xiph);
    QTest::newRow("opus METADATA_BLOCK_PICTURE (TagLib)") << u"opus"_s << int(PictureTag::Xiph);
    QTest::newRow("wavpack APE cover (TagLib)") << u"wv"_s << int(PictureTag::Ape);
}

void TestArtworkSources::embeddedKinds()
{
    QFETCH(QString, extension);
    QFETCH(int, writer);
    QTemporaryDir dir;
    const QString plain = dir.filePath(u"plain."_s + extension);
    const QString withArt = dir.filePath(u"art."_s + extension);
    QCOMPARE(makeAudio(plain, 1.0), QString());
    const QByteArray cover = makeImage(120, 80, "jpeg");
    QVERIFY(writeFile(dir.filePath(u"cover.jpg"_s), cover));
    if (writer < 0) {
        QCOMPARE(embedWithFfmpeg(plain, dir.filePath(u"cover.jpg"_s), withArt), QString());
    } else {
        QVERIFY(QFile::copy(plain, withArt));
        QVERIFY(embedWithTagLib(withArt, PictureTag(writer), {{cover, true}}));
    }

    const artwork::PictureRead read = artwork::readPicture(withArt, 32 << 20);
    QVERIFY(read.picture);
    QVERIFY(!read.tooLarge);
    QCOMPARE(read.picture->data, cover);

    // The scanner's reader notes the picture, and only where there is one.
    const auto track = taglib::read(withArt);
    QVERIFY(track);
    QCOMPARE(track->track.embeddedArt, EmbeddedArt::Picture);
    const auto plainTrack = taglib::read(plain);
    QVERIFY(plainTrack);
    QCOMPARE(plainTrack->track.embeddedArt, EmbeddedArt::None);
    QVERIFY(!artwork::readPicture(plain, 32 << 20).picture);
}

void TestArtworkSources::frontCoverPreferred()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"two.flac"_s);
    QCOMPARE(makeAudio(path, 1.0), QString());
    const QByteArray back = makeImage(50, 50, "jpeg", Qt::blue);
    const QByteArray front = makeImage(60, 60, "jpeg", Qt::green);
    QVERIFY(embedWithTagLib(path, PictureTag::Flac, {{back, false}, {front, true}}));
    const auto read = artwork::readPicture(path, 32 << 20);
    QVERIFY(read.picture);
    QCOMPARE(read.picture->data, front);

    const QString mp3 = dir.filePath(u"two.mp3"_s);
    QCOMPARE(makeAudio(mp3, 1.0), QString());
    QVERIFY(embedWithTagLib(mp3, PictureTag::Id3v2, {{back, false}, {front, true}}));
    QCOMPARE(artwork::readPicture(mp3, 32 << 20).picture->data, front);
}

void TestArtworkSources::fileWithoutPicture()
{
    QTemporaryDir dir;
    QVERIFY(!artwork::readPicture(dir.filePath(u"missing.mp3"_s), 32 << 20).picture);
    QVERIFY(writeFile(dir.filePath(u"junk.mp3"_s), QByteArray(5000, 'j')));
    const auto read = artwork::readPicture(dir.filePath(u"junk.mp3"_s), 32 << 20);
    QVERIFY(!read.picture);
    QVERIFY(!read.tooLarge);
}

void TestArtworkSources::hugePictureIsRefusedUncopied()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.mp3"_s);
    QCOMPARE(makeAudio(path, 1.0), QString());
    QByteArray huge = makeImage(64, 64, "jpeg");
    huge.append(QByteArray(40 << 20, '\x55'));   // a 40 MB "picture"
    QVERIFY(embedWithTagLib(path, PictureTag::Id3v2, {{huge, true}}));
    huge.clear();
    const auto read = artwork::readPicture(path, 32 << 20);
    QVERIFY(read.tooLarge);
    QVERIFY(!read.picture);
    // Within a larger allowance the same picture is read whole.
    QCOMPARE(artwork::readPicture(path, 64 << 20).picture->data.size(), qsizetype(40 << 20) + makeImage(64, 64, "jpeg").size());
}

void TestArtworkSources::folderImagePrecedence_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cover before folder") << QStringList{u"folder.jpg"_s, u"cover.jpg"_s} << u"cover.jpg"_s;
    QTest::newRow("any case") << QStringList{u"Folder.PNG"_s, u"front.jpg"_s} << u"Folder.PNG"_s;
    QTest::newRow("front before album") << QStringList{u"album.jpg"_s, u"FRONT.webp"_s} << u"FRONT.webp"_s;
    QTest::newRow("album, other images ignored") << QStringList{u"album.jpeg"_s, u"scan01.jpg"_s} << u"album.jpeg"_s;
    QTest::newRow("jpg before png for one name") << QStringList{u"cover.png"_s, u"COVER.JPG"_s} << u"COVER.JPG"_s;
    QTest::newRow("other extensions ignored") << QStringList{u"cover.gif"_s, u"cover.txt"_s} << QString();
    QTest::newRow("no image") << QStringList{u"notes.txt"_s} << QString();
    QTest::newRow("empty") << QStringList{} << QString();
}

void TestArtworkSources::folderImagePrecedence()
{
    QFETCH(QStringList, files);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    for (const QString &name : std::as_const(files))
        QVERIFY(writeFile(dir.filePath(name), makeImage(10, 10, "png")));
    QDir(dir.path()).mkdir(u"cover.jpg.d"_s);
    const QString found = artwork::folderImageIn(dir.path());
    QCOMPARE(found, expected.isEmpty() ? QString() : QDir(dir.path()).absoluteFilePath(expected));
}

void TestArtworkSources::scannerRecordsSources()
{
    ArtworkBackend backend;
    QCOMPARE(backend.start(), QString());
    QDir(backend.libraryPath({})).mkpath(u"A"_s);
    QDir(backend.libraryPath({})).mkpath(u"B"_s);
    const Tags albumA{{u"album"_s, u"Alpha"_s}, {u"artist"_s, u"Xavier"_s}, {u"album_artist"_s, u"Xavier"_s}};
    const Tags albumB{{u"album"_s, u"Beta"_s}, {u"artist"_s, u"Yvonne"_s}, {u"album_artist"_s, u"Yvonne"_s}};
    const QByteArray embedded = makeImage(40, 40, "jpeg", Qt::green);
    QCOMPARE(makeAudio(backend.libraryPath(u"A/1.mp3"_s), 1.0, albumA), QString());
    QVERIFY(embedWithTagLib(backend.libraryPath(u"A/1.mp3"_s), PictureTag::Id3v2, {{embedded, true}}));
    QCOMPARE(makeAudio(backend.libraryPath(u"A/2.mp3"_s), 1.0, albumA), QString());
    QVERIFY(writeFile(backend.libraryPath(u"A/cover.jpg"_s), makeImage(30, 30, "jpeg")));
    QCOMPARE(makeAudio(backend.libraryPath(u"B/1.flac"_s), 1.0, albumB), QString());
    QVERIFY(embedWithTagLib(backend.libraryPath(u"B/1.flac"_s), PictureTag::Flac, {{embedded, true}}));
    QCOMPARE(makeVideo(backend.libraryPath(u"clip.mp4"_s), 1.0), QString());
    QVERIFY(backend.scan());

    const ArtworkRepository repo(backend.database());
    const TrackRepository tracks(backend.database());
    const Visibility all = Visibility::everything();
    const qint64 a1 = backend.trackIdFor(u"1.mp3"_s);
    const qint64 a2 = backend.trackIdFor(u"2.mp3"_s);
    const qint64 b1 = backend.trackIdFor(u"1.flac"_s);
    const qint64 clip = backend.trackIdFor(u"clip.mp4"_s);
    QVERIFY(a1 && a2 && b1 && clip);
    const QString coverA = QFileInfo(backend.libraryPath(u"A/cover.jpg"_s)).absoluteFilePath();

    // Tracks: embedded first, then the folder image, then (video) a frame.
    QCOMPARE(repo.forTrack(a1, all)->kind, ArtSource::Kind::EmbeddedPicture);
    QCOMPARE(repo.forTrack(a2, all), (ArtSource{ArtSource::Kind::ImageFile, coverA, 0}));
    QCOMPARE(repo.forTrack(b1, all)->kind, ArtSource::Kind::EmbeddedPicture);
    QCOMPARE(repo.forTrack(clip, all)->kind, ArtSource::Kind::VideoFrame);
    QVERIFY(repo.forTrack(clip, all)->durationMs > 0);
    QVERIFY(!repo.forTrack(999999, all));

    // Albums: the folder image wins over the embedded pictures.
    const qint64 albumIdA = tracks.find(a1)->albumId;
    const qint64 albumIdB = tracks.find(b1)->albumId;
    QCOMPARE(repo.forAlbum(albumIdA, all), (ArtSource{ArtSource::Kind::ImageFile, coverA, 0}));
    QCOMPARE(repo.forAlbum(albumIdB, all)->kind, ArtSource::Kind::EmbeddedPicture);
    QVERIFY(!repo.forAlbum(999999, all));
    QCOMPARE(repo.forArtist(tracks.find(b1)->artistId, all)->kind, ArtSource::Kind::EmbeddedPicture);

    // A cover added next to unchanged files is found by the next scan; one removed is forgotten.
    QVERIFY(writeFile(backend.libraryPath(u"B/Folder.png"_s), makeImage(30, 30, "png")));
    QVERIFY(QFile::remove(backend.libraryPath(u"A/cover.jpg"_s)));
    QVERIFY(backend.scan());
    QCOMPARE(repo.forAlbum(albumIdB, all)->kind, ArtSource::Kind::ImageFile);
    QCOMPARE(repo.forTrack(b1, all)->kind, ArtSource::Kind::EmbeddedPicture);
    QCOMPARE(repo.forTrack(a2, all)->kind, ArtSource::Kind::None);
    QCOMPARE(repo.forAlbum(albumIdA, all)->kind, ArtSource::Kind::EmbeddedPicture);
    QCOMPARE(repo.forAlbum(albumIdA, all)->path, QFileInfo(backend.libraryPath(u"A/1.mp3"_s)).absoluteFilePath());

    // The album list for the GUI.
    const QList<AlbumSummary> albums = repo.albums(all);
    QVERIFY(albums.size() >= 2);
}

void TestArtworkSources::visibilityHidesArtwork()
{
    ArtworkBackend backend;
    QCOMPARE(backend.start(), QString());
    QCOMPARE(makeAudio(backend.libraryPath(u"1.mp3"_s), 1.0, {{u"album"_s, u"Gamma"_s}}), QString());
    QVERIFY(writeFile(backend.libraryPath(u"cover.jpg"_s), makeImage(30, 30, "jpeg")));
    QVERIFY(backend.scan());
    const qint64 id = backend.trackIdFor(u"1.mp3"_s);
    const Track track = *TrackRepository(backend.database()).find(id);
    const ArtworkRepository repo(backend.database());
    const Visibility mine = Visibility::folders({backend.libraryFolderId()});
    const Visibility other = Visibility::folders({backend.libraryFolderId() + 100});
    const Visibility none = Visibility::folders({});
    QVERIFY(repo.forTrack(id, mine));
    QVERIFY(repo.forAlbum(track.albumId, mine));
    QVERIFY(repo.forArtist(track.artistId, mine));
    for (const Visibility &v : {other, none}) {
        QVERIFY(!repo.forTrack(id, v));
        QVERIFY(!repo.forAlbum(track.albumId, v));
        QVERIFY(!repo.forArtist(track.artistId, v));
        QVERIFY(repo.albums(v).isEmpty());
    }
    QCOMPARE(repo.albums(mine).size(), 1);
}

QTEST_GUILESS_MAIN(TestArtworkSources)
#include "tst_artwork_sources.moc"
