// Each user's own library state against a real SQLite file: favourites, ratings, plays and their
// annotations, album and song lists by them, playlists and the play queue — within folder grants,
// across rescans, and gone with the user.

#include "TestCatalog.h"

#include "catalog/AlbumRepository.h"
#include "catalog/AnnotationRepository.h"
#include "catalog/Database.h"
#include "catalog/FavouriteRepository.h"
#include "catalog/FolderRepository.h"
#include "catalog/PlayQueueRepository.h"
#include "catalog/PlayRepository.h"
#include "catalog/PlaylistRepository.h"
#include "catalog/RatingRepository.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <type_traits>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

using Kind = DomainError::Kind;

struct Tags
{
    QString title;
    QString artist;
    QString album;
    int year = 0;
    QString genre;
};

Track makeTrack(qint64 folderId, const QString &path, const Tags &tags)
{
    Track t;
    t.folderId = folderId;
    t.path = path;
    t.size = 1000;
    t.mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    t.format = u"mp3"_s;
    t.codec = u"mp3"_s;
    t.durationMs = 1000;
    t.title = tags.title;
    t.artist = tags.artist;
    t.album = tags.album;
    t.year = tags.year;
    t.genre = tags.genre;
    return t;
}

QList<qint64> idsOf(const QList<Track> &tracks)
{
    QList<qint64> ids;
    for (const Track &t : tracks)
        ids << t.id;
    return ids;
}

template<typename Summary>
QStringList namesOf(const QList<Summary> &items)
{
    QStringList names;
    for (const Summary &item : items) {
        if constexpr (std::is_same_v<Summary, AlbumSummary>)
            names << item.title;
        else
            names << item.name;
    }
    return names;
}

} // namespace

class TestUserLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void starIsIdempotentAndListsNewestFirst();
    void starOfUnknownIdStoresNothing_data();
    void starOfUnknownIdStoresNothing();
    void starredAlbumsAndArtists();
    void ratingRoundTrip();
    void ratingOutsideRangeIsInvalid_data();
    void ratingOutsideRangeIsInvalid();
    void playsCountAndKeepTheLatest();
    void annotationsCoverManyIdsAtOnce();

    void albumListHighestRated();
    void albumListFrequentlyAndRecentlyPlayed();
    void albumListStarredOnly();
    void albumListYearRange_data();
    void albumListYearRange();
    void albumListExistingOrdersUnchanged();
    void songsRandomByGenreAndYear();
    void songsByGenrePaged();

    void playlistRoundTripKeepsOrderAndDuplicates();
    void playlistUpdateRemovesByIndexThenAppends();
    void playlistRemovalIndexesSkipHiddenEntries();
    void playlistOwnership();
    void playlistBadInput();
    void playQueueRoundTrip();
    void playQueueBadInput();

    void visibilityLimitsEveryList();
    void deletingUserRemovesAllState();
    void stateSurvivesRescanOfUnchangedFile();
    void stateGoesWithItsItem();

private:
    qint64 addUser(const QString &name);
    qint64 addTrack(qint64 folderId, const QString &path, const Tags &tags);
    qint64 scalar(const QString &sql) const;
    void addAlbums();   // four albums in folder A (see the definition)

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_folderA = 0;
    qint64 m_folderB = 0;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
    QHash<QString, qint64> m_albums;   // by title, after addAlbums()
    QHash<QString, qint64> m_tracks;   // by title, after addAlbums()
};

void TestUserLibrary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dir->filePath(u"catalog.sqlite"_s)));
    const auto error = m_db->open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    FolderRepository folders(*m_db);
    const auto a = folders.add(u"/music/a"_s);
    const auto b = folders.add(u"/music/b"_s);
    QVERIFY(a && b);
    m_folderA = a->id;
    m_folderB = b->id;
    m_alice = addUser(u"alice"_s);
    m_bob = addUser(u"bob"_s);
    QVERIFY(m_alice > 0 && m_bob > 0);
    m_albums.clear();
    m_tracks.clear();
}

void TestUserLibrary::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestUserLibrary::addUser(const QString &name)
{
    QSqlQuery q(m_db->connection());
    q.prepare(u"INSERT INTO users (name, password_hash) VALUES (?, 'x')"_s);
    q.addBindValue(name);
    return q.exec() ? q.lastInsertId().toLongLong() : 0;
}

qint64 TestUserLibrary::addTrack(qint64 folderId, const QString &path, const Tags &tags)
{
    return TrackRepository(*m_db).upsert(makeTrack(folderId, path, tags));
}

qint64 TestUserLibrary::scalar(const QString &sql) const
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// Albums in folder A by one artist each: "Alpha" (1995, two tracks), "Beta" (2003), "Gamma"
// (2008), "Delta" (2010, Jazz).
void TestUserLibrary::addAlbums()
{
    const QList<std::pair<QString, Tags>> files{
        {u"/music/a/alpha1.mp3"_s, {u"Alpha 1"_s, u"Ann"_s, u"Alpha"_s, 1995, u"Rock"_s}},
        {u"/music/a/alpha2.mp3"_s, {u"Alpha 2"_s, u"Ann"_s, u"Alpha"_s, 1995, u"Rock"_s}},
        {u"/music/a/beta.mp3"_s, {u"Beta 1"_s, u"Ben"_s, u"Beta"_s, 2003, u"Rock"_s}},
        {u"/music/a/gamma.mp3"_s, {u"Gamma 1"_s, u"Gus"_s, u"Gamma"_s, 2008, u"Pop"_s}},
        {u"/music/a/delta.mp3"_s, {u"Delta 1"_s, u"Dot"_s, u"Delta"_s, 2010, u"Jazz"_s}},
    };
    TrackRepository tracks(*m_db);
    for (const auto &[path, tags] : files) {
        const qint64 id = addTrack(m_folderA, path, tags);
        QVERIFY(id > 0);
        m_tracks.insert(tags.title, id);
        m_albums.insert(tags.album, tracks.find(id)->albumId);
    }
}

void TestUserLibrary::starIsIdempotentAndListsNewestFirst()
{
    addAlbums();
    FavouriteRepository favourites(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], b1 = m_tracks[u"Beta 1"_s];
    QVERIFY(favourites.star(m_alice, ItemKind::Track, {a1}, 100).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Track, {b1}, 200).ok());
    QCOMPARE(idsOf(favourites.starredTracks(m_alice, Visibility::everything())), (QList<qint64>{b1, a1}));

    // Starring again changes nothing (the date stays), and repeats in one call are fine.
    QVERIFY(favourites.star(m_alice, ItemKind::Track, {a1, a1}, 300).ok());
    const AnnotationRepository annotations(*m_db);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Track, {a1}).value(a1).starredAt, 100);
    QCOMPARE(idsOf(favourites.starredTracks(m_alice, Visibility::everything())), (QList<qint64>{b1, a1}));
    QVERIFY(favourites.starredTracks(m_bob, Visibility::everything()).isEmpty());   // per user

    QVERIFY(favourites.unstar(m_alice, ItemKind::Track, {a1}).ok());
    QVERIFY(favourites.unstar(m_alice, ItemKind::Track, {a1, 123456}).ok());   // again, and unknown: fine
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Track, {a1}).value(a1).starredAt, 0);
    QCOMPARE(idsOf(favourites.starredTracks(m_alice, Visibility::everything())), (QList<qint64>{b1}));
}

void TestUserLibrary::starOfUnknownIdStoresNothing_data()
{
    QTest::addColumn<ItemKind>("kind");
    QTest::newRow("track") << ItemKind::Track;
    QTest::newRow("album") << ItemKind::Album;
    QTest::newRow("artist") << ItemKind::Artist;
}

void TestUserLibrary::starOfUnknownIdStoresNothing()
{
    QFETCH(ItemKind, kind);
    addAlbums();
    const qint64 track = m_tracks[u"Alpha 1"_s];
    const qint64 known = kind == ItemKind::Track ? track
                         : kind == ItemKind::Album ? m_albums[u"Alpha"_s]
                                                   : TrackRepository(*m_db).find(track)->artistId;
    const Outcome starred = FavouriteRepository(*m_db).star(m_alice, kind, {known, 999999}, 100);
    QVERIFY(!starred);
    QCOMPARE(starred.error().kind, Kind::NotFound);
    QVERIFY2(starred.error().message.contains(u"999999"_s), qPrintable(starred.error().message));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM favourites"_s), 0);   // not even the known one
    QVERIFY(FavouriteRepository(*m_db).star(m_alice, kind, {known}, 100).ok());
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM favourites"_s), 1);
}

void TestUserLibrary::starredAlbumsAndArtists()
{
    addAlbums();
    FavouriteRepository favourites(*m_db);
    TrackRepository tracks(*m_db);
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Gamma"_s]}, 300).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Alpha"_s]}, 200).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Beta"_s]}, 100).ok());
    const QList<AlbumSummary> albums = favourites.starredAlbums(m_alice, Visibility::everything());
    QCOMPARE(namesOf(albums), (QStringList{u"Gamma"_s, u"Alpha"_s, u"Beta"_s}));
    QCOMPARE(albums.at(1).trackCount, 2);   // the same summary as the album list
    QCOMPARE(albums.at(1).artistName, u"Ann"_s);

    const qint64 ben = tracks.find(m_tracks[u"Beta 1"_s])->artistId;
    const qint64 dot = tracks.find(m_tracks[u"Delta 1"_s])->artistId;
    QVERIFY(favourites.star(m_alice, ItemKind::Artist, {dot, ben}, 500).ok());
    QVERIFY(favourites.unstar(m_alice, ItemKind::Artist, {dot}).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Artist, {dot}, 600).ok());
    const QList<ArtistSummary> artists = favourites.starredArtists(m_alice, Visibility::everything());
    QCOMPARE(namesOf(artists), (QStringList{u"Dot"_s, u"Ben"_s}));
    QCOMPARE(artists.constLast().trackCount, 1);
    QVERIFY(favourites.starredArtists(m_bob, Visibility::everything()).isEmpty());
}

void TestUserLibrary::ratingRoundTrip()
{
    addAlbums();
    RatingRepository ratings(*m_db);
    const AnnotationRepository annotations(*m_db);
    const qint64 alpha = m_albums[u"Alpha"_s];
    QVERIFY(ratings.set(m_alice, ItemKind::Album, alpha, 4).ok());
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {alpha}).value(alpha).rating, 4);
    QVERIFY(ratings.set(m_alice, ItemKind::Album, alpha, 2).ok());
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {alpha}).value(alpha).rating, 2);
    QCOMPARE(annotations.forItems(m_bob, ItemKind::Album, {alpha}).value(alpha).rating, 0);
    QVERIFY(ratings.set(m_alice, ItemKind::Album, alpha, 0).ok());   // 0 clears: no row is left
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {alpha}).value(alpha).rating, 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM ratings"_s), 0);
    QVERIFY(ratings.set(m_alice, ItemKind::Album, alpha, 0).ok());   // clearing twice is fine

    const Outcome unknown = ratings.set(m_alice, ItemKind::Track, 999999, 3);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Kind::NotFound);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM ratings"_s), 0);
}

void TestUserLibrary::ratingOutsideRangeIsInvalid_data()
{
    QTest::addColumn<int>("rating");
    QTest::newRow("7") << 7;
    QTest::newRow("6") << 6;
    QTest::newRow("-1") << -1;
}

void TestUserLibrary::ratingOutsideRangeIsInvalid()
{
    QFETCH(int, rating);
    addAlbums();
    const qint64 track = m_tracks[u"Alpha 1"_s];
    const Outcome rated = RatingRepository(*m_db).set(m_alice, ItemKind::Track, track, rating);
    QVERIFY(!rated);
    QCOMPARE(rated.error().kind, Kind::InvalidInput);
    QCOMPARE(rated.error().allowed, (QStringList{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM ratings"_s), 0);
    QVERIFY(RatingRepository(*m_db).set(m_alice, ItemKind::Track, track, 5).ok());   // the bound itself is fine
}

void TestUserLibrary::playsCountAndKeepTheLatest()
{
    addAlbums();
    PlayRepository plays(*m_db);
    const AnnotationRepository annotations(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], a2 = m_tracks[u"Alpha 2"_s];
    QVERIFY(plays.recordPlay(m_alice, a1, 1000).ok());
    QVERIFY(plays.recordPlay(m_alice, a1, 500).ok());   // an offline play submitted late
    QVERIFY(plays.recordPlay(m_alice, a2, 800).ok());
    QVERIFY(plays.recordPlay(m_bob, a2, 9000).ok());
    const ItemAnnotation track = annotations.forItems(m_alice, ItemKind::Track, {a1}).value(a1);
    QCOMPARE(track.playCount, 2);
    QCOMPARE(track.lastPlayedAt, 1000);

    const qint64 alpha = m_albums[u"Alpha"_s];
    const ItemAnnotation album = annotations.forItems(m_alice, ItemKind::Album, {alpha}).value(alpha);
    QCOMPARE(album.playCount, 3);   // summed over its tracks, Alice's plays only
    QCOMPARE(album.lastPlayedAt, 1000);
    const qint64 ann = TrackRepository(*m_db).find(a1)->artistId;
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Artist, {ann}).value(ann).playCount, 3);

    const Outcome unknown = plays.recordPlay(m_alice, 999999, 1000);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Kind::NotFound);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM plays"_s), 3);
}

void TestUserLibrary::annotationsCoverManyIdsAtOnce()
{
    // More than one query's worth of ids, in one call.
    QList<qint64> ids;
    {
        WriteTransaction tx(*m_db);
        for (int i = 0; i < 520; ++i) {
            const qint64 id = addTrack(m_folderA, u"/music/a/many/%1.mp3"_s.arg(i), {u"T%1"_s.arg(i), u"X"_s, u"Y"_s, 0, QString()});
            QVERIFY(id > 0);
            ids << id;
        }
        QVERIFY(tx.commit());
    }
    QVERIFY(FavouriteRepository(*m_db).star(m_alice, ItemKind::Track, {ids.first(), ids.last()}, 77).ok());
    QVERIFY(RatingRepository(*m_db).set(m_alice, ItemKind::Track, ids[510], 3).ok());
    QVERIFY(PlayRepository(*m_db).recordPlay(m_alice, ids[3], 88).ok());

    const QHash<qint64, ItemAnnotation> all =
        AnnotationRepository(*m_db).forItems(m_alice, ItemKind::Track, ids + QList<qint64>{999999});
    QCOMPARE(all.size(), 520);   // every track, none for the unknown id
    QVERIFY(!all.contains(999999));
    QCOMPARE(all.value(ids.first()).starredAt, 77);
    QCOMPARE(all.value(ids.last()).starredAt, 77);
    QCOMPARE(all.value(ids[510]).rating, 3);
    QCOMPARE(all.value(ids[3]).playCount, 1);
    QCOMPARE(all.value(ids[3]).lastPlayedAt, 88);
    QCOMPARE(all.value(ids[4]).starredAt, 0);
    QCOMPARE(all.value(ids[4]).playCount, 0);
    QVERIFY(AnnotationRepository(*m_db).forItems(m_alice, ItemKind::Track, {}).isEmpty());
}

void TestUserLibrary::albumListHighestRated()
{
    addAlbums();
    RatingRepository ratings(*m_db);
    QVERIFY(ratings.set(m_alice, ItemKind::Album, m_albums[u"Gamma"_s], 5).ok());
    QVERIFY(ratings.set(m_alice, ItemKind::Album, m_albums[u"Delta"_s], 3).ok());
    QVERIFY(ratings.set(m_bob, ItemKind::Album, m_albums[u"Beta"_s], 5).ok());   // Bob's count not for Alice
    QVERIFY(ratings.set(m_bob, ItemKind::Album, m_albums[u"Alpha"_s], 1).ok());
    AlbumQuery query;
    query.order = AlbumOrder::HighestRated;
    query.userId = m_alice;
    const Page<AlbumSummary> page = AlbumRepository(*m_db).list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), (QStringList{u"Gamma"_s, u"Delta"_s, u"Alpha"_s, u"Beta"_s}));
    QCOMPARE(page.total, 4);   // unrated albums are listed last, by name
    query.userId = m_bob;
    QCOMPARE(namesOf(AlbumRepository(*m_db).list(query, Visibility::everything()).items),
             (QStringList{u"Beta"_s, u"Alpha"_s, u"Delta"_s, u"Gamma"_s}));
    query.userId = 0;   // nobody's ratings: by name
    QCOMPARE(namesOf(AlbumRepository(*m_db).list(query, Visibility::everything()).items),
             (QStringList{u"Alpha"_s, u"Beta"_s, u"Delta"_s, u"Gamma"_s}));
}

void TestUserLibrary::albumListFrequentlyAndRecentlyPlayed()
{
    addAlbums();
    PlayRepository plays(*m_db);
    // Beta: 3 plays, last at 100. Alpha: 2 plays over two tracks, last at 500. Gamma: 1, at 300.
    for (const qint64 at : {10, 50, 100})
        QVERIFY(plays.recordPlay(m_alice, m_tracks[u"Beta 1"_s], at).ok());
    QVERIFY(plays.recordPlay(m_alice, m_tracks[u"Alpha 1"_s], 200).ok());
    QVERIFY(plays.recordPlay(m_alice, m_tracks[u"Alpha 2"_s], 500).ok());
    QVERIFY(plays.recordPlay(m_alice, m_tracks[u"Gamma 1"_s], 300).ok());
    QVERIFY(plays.recordPlay(m_bob, m_tracks[u"Delta 1"_s], 900).ok());

    const AlbumRepository albums(*m_db);
    AlbumQuery query;
    query.userId = m_alice;
    query.order = AlbumOrder::FrequentlyPlayed;
    Page<AlbumSummary> page = albums.list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), (QStringList{u"Beta"_s, u"Alpha"_s, u"Gamma"_s}));
    QCOMPARE(page.total, 3);   // Delta: never played by Alice
    QCOMPARE(page.items.at(1).trackCount, 2);   // the album's tracks, not only the played ones

    query.order = AlbumOrder::RecentlyPlayed;
    page = albums.list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), (QStringList{u"Alpha"_s, u"Gamma"_s, u"Beta"_s}));
    QCOMPARE(page.total, 3);
    query.limit = 1;
    query.offset = 1;
    page = albums.list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), QStringList{u"Gamma"_s});
    QCOMPARE(page.total, 3);

    query = AlbumQuery();
    query.order = AlbumOrder::RecentlyPlayed;
    query.userId = m_bob;
    QCOMPARE(namesOf(albums.list(query, Visibility::everything()).items), QStringList{u"Delta"_s});
}

void TestUserLibrary::albumListStarredOnly()
{
    addAlbums();
    FavouriteRepository favourites(*m_db);
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Delta"_s]}, 200).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Beta"_s]}, 100).ok());
    QVERIFY(favourites.star(m_bob, ItemKind::Album, {m_albums[u"Gamma"_s]}, 300).ok());
    AlbumQuery query;
    query.userId = m_alice;
    query.starredOnly = true;
    Page<AlbumSummary> page = AlbumRepository(*m_db).list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), (QStringList{u"Beta"_s, u"Delta"_s}));   // by name, the default order
    QCOMPARE(page.total, 2);
    query.order = AlbumOrder::RecentlyStarred;
    QCOMPARE(namesOf(AlbumRepository(*m_db).list(query, Visibility::everything()).items),
             (QStringList{u"Delta"_s, u"Beta"_s}));
    query.genre = u"Jazz"_s;   // combines with the other filters
    QCOMPARE(namesOf(AlbumRepository(*m_db).list(query, Visibility::everything()).items), QStringList{u"Delta"_s});

    query = AlbumQuery();
    query.starredOnly = true;   // nobody's favourites
    QCOMPARE(AlbumRepository(*m_db).list(query, Visibility::everything()).total, 0);
}

void TestUserLibrary::albumListYearRange_data()
{
    QTest::addColumn<std::optional<int>>("fromYear");
    QTest::addColumn<std::optional<int>>("toYear");
    QTest::addColumn<QStringList>("albums");
    QTest::newRow("ascending") << std::optional(2000) << std::optional(2010)
                               << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s};
    QTest::newRow("descending when from > to") << std::optional(2010) << std::optional(1990)
                                               << QStringList{u"Delta"_s, u"Gamma"_s, u"Beta"_s, u"Alpha"_s};
    QTest::newRow("bounds are inclusive") << std::optional(1995) << std::optional(2003)
                                          << QStringList{u"Alpha"_s, u"Beta"_s};
    QTest::newRow("one year") << std::optional(2008) << std::optional(2008) << QStringList{u"Gamma"_s};
    QTest::newRow("from only") << std::optional(2005) << std::optional<int>() << QStringList{u"Gamma"_s, u"Delta"_s};
    QTest::newRow("to only") << std::optional<int>() << std::optional(2003) << QStringList{u"Alpha"_s, u"Beta"_s};
    QTest::newRow("nothing in range") << std::optional(1960) << std::optional(1970) << QStringList();
}

void TestUserLibrary::albumListYearRange()
{
    QFETCH(std::optional<int>, fromYear);
    QFETCH(std::optional<int>, toYear);
    QFETCH(QStringList, albums);
    addAlbums();
    AlbumQuery query;
    query.order = AlbumOrder::Random;   // a year bound decides the order
    query.fromYear = fromYear;
    query.toYear = toYear;
    const Page<AlbumSummary> page = AlbumRepository(*m_db).list(query, Visibility::everything());
    QCOMPARE(namesOf(page.items), albums);
    QCOMPARE(page.total, albums.size());
}

void TestUserLibrary::albumListExistingOrdersUnchanged()
{
    addAlbums();
    const AlbumRepository albums(*m_db);
    AlbumQuery query;
    QCOMPARE(namesOf(albums.list(query, Visibility::everything()).items),
             (QStringList{u"Alpha"_s, u"Beta"_s, u"Delta"_s, u"Gamma"_s}));
    query.order = AlbumOrder::Year;
    QCOMPARE(namesOf(albums.list(query, Visibility::everything()).items),
             (QStringList{u"Delta"_s, u"Gamma"_s, u"Beta"_s, u"Alpha"_s}));
    query.genre = u"Rock"_s;
    const Page<AlbumSummary> rock = albums.list(query, Visibility::everything());
    QCOMPARE(namesOf(rock.items), (QStringList{u"Beta"_s, u"Alpha"_s}));
    QCOMPARE(rock.total, 2);
    QCOMPARE(albums.list(AlbumQuery(), Visibility::folders({m_folderB})).total, 0);
}

void TestUserLibrary::songsRandomByGenreAndYear()
{
    addAlbums();
    Track video = makeTrack(m_folderA, u"/music/a/clip.mkv"_s, {u"Clip"_s, u"Ann"_s, u"Alpha"_s, 1995, u"Rock"_s});
    video.kind = MediaKind::Video;
    QVERIFY(TrackRepository(*m_db).upsert(video) > 0);
    QVERIFY(addTrack(m_folderB, u"/music/b/hidden.mp3"_s, {u"Hidden"_s, u"Hal"_s, u"H"_s, 1995, u"Rock"_s}) > 0);
    const TrackRepository tracks(*m_db);
    const Visibility onlyA = Visibility::folders({m_folderA});

    SongQuery query;
    query.order = SongOrder::Random;
    query.limit = 500;
    QList<qint64> all = idsOf(tracks.songs(query, onlyA));
    std::sort(all.begin(), all.end());
    QList<qint64> expected = m_tracks.values();   // audio in folder A: no video, nothing of B
    std::sort(expected.begin(), expected.end());
    QCOMPARE(all, expected);

    query.limit = 2;
    QCOMPARE(tracks.songs(query, onlyA).size(), 2);
    query.limit = 500;
    query.genre = u"Rock"_s;
    QCOMPARE(tracks.songs(query, onlyA).size(), 3);
    query.fromYear = 2000;
    query.toYear = 2005;
    QCOMPARE(idsOf(tracks.songs(query, onlyA)), QList<qint64>{m_tracks[u"Beta 1"_s]});
    query.genre.clear();
    query.fromYear = 2009;   // swapped: 2005..2009
    QCOMPARE(idsOf(tracks.songs(query, onlyA)), QList<qint64>{m_tracks[u"Gamma 1"_s]});
    query.toYear.reset();
    QCOMPARE(idsOf(tracks.songs(query, onlyA)), QList<qint64>{m_tracks[u"Delta 1"_s]});
    QVERIFY(tracks.songs(query, Visibility()).isEmpty());   // the default visibility sees nothing
}

void TestUserLibrary::songsByGenrePaged()
{
    addAlbums();
    const TrackRepository tracks(*m_db);
    SongQuery query;
    query.genre = u"Rock"_s;
    query.limit = 2;
    // Library order: album artist, album, disc, track, title.
    QCOMPARE(idsOf(tracks.songs(query, Visibility::everything())),
             (QList<qint64>{m_tracks[u"Alpha 1"_s], m_tracks[u"Alpha 2"_s]}));
    query.offset = 2;
    QCOMPARE(idsOf(tracks.songs(query, Visibility::everything())), QList<qint64>{m_tracks[u"Beta 1"_s]});
    query.offset = 3;
    QVERIFY(tracks.songs(query, Visibility::everything()).isEmpty());
    query.genre = u"rock"_s;   // exact
    query.offset = 0;
    QVERIFY(tracks.songs(query, Visibility::everything()).isEmpty());
}

void TestUserLibrary::playlistRoundTripKeepsOrderAndDuplicates()
{
    addAlbums();
    PlaylistRepository playlists(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], b1 = m_tracks[u"Beta 1"_s], g1 = m_tracks[u"Gamma 1"_s];
    const Result<qint64> created = playlists.create(m_alice, u"Mix"_s, {g1, a1, g1, b1}, Visibility::everything());
    QVERIFY(created.ok());
    Result<Playlist> found = playlists.find(*created, m_alice, Visibility::everything());
    QVERIFY(found.ok());
    QCOMPARE(found->trackIds, (QList<qint64>{g1, a1, g1, b1}));
    QCOMPARE(found->name, u"Mix"_s);
    QCOMPARE(found->ownerId, m_alice);
    QCOMPARE(found->ownerName, u"alice"_s);
    QCOMPARE(found->trackCount, 4);
    QCOMPARE(found->durationMs, 4000);
    QVERIFY(!found->isPublic);
    QVERIFY(found->createdAt > 0);

    const QList<Playlist> listed = playlists.lists(m_alice, Visibility::everything());
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().trackCount, 4);
    QCOMPARE(listed.constFirst().durationMs, 4000);
    QVERIFY(listed.constFirst().trackIds.isEmpty());

    PlaylistChanges changes;
    changes.name = u"Evening"_s;
    changes.comment = u"for later"_s;
    changes.isPublic = true;
    QVERIFY(playlists.update(*created, m_alice, changes, Visibility::everything()).ok());
    found = playlists.find(*created, m_alice, Visibility::everything());
    QCOMPARE(found->name, u"Evening"_s);
    QCOMPARE(found->comment, u"for later"_s);
    QVERIFY(found->isPublic);
    QCOMPARE(found->trackIds, (QList<qint64>{g1, a1, g1, b1}));   // entries untouched

    QVERIFY(playlists.replaceEntries(*created, m_alice, {b1, b1}, Visibility::everything()).ok());
    QCOMPARE(playlists.find(*created, m_alice, Visibility::everything())->trackIds, (QList<qint64>{b1, b1}));
    QVERIFY(playlists.replaceEntries(*created, m_alice, {}, Visibility::everything()).ok());
    QCOMPARE(playlists.find(*created, m_alice, Visibility::everything())->trackCount, 0);

    QVERIFY(playlists.remove(*created, m_alice).ok());
    const Result<Playlist> gone = playlists.find(*created, m_alice, Visibility::everything());
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, Kind::NotFound);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM playlist_entries"_s), 0);
    const Outcome again = playlists.remove(*created, m_alice);
    QVERIFY(!again);
    QCOMPARE(again.error().kind, Kind::NotFound);
}

void TestUserLibrary::playlistUpdateRemovesByIndexThenAppends()
{
    addAlbums();
    PlaylistRepository playlists(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], a2 = m_tracks[u"Alpha 2"_s], b1 = m_tracks[u"Beta 1"_s],
                 g1 = m_tracks[u"Gamma 1"_s], d1 = m_tracks[u"Delta 1"_s];
    const Result<qint64> id = playlists.create(m_alice, u"P"_s, {a1, b1, a1, g1}, Visibility::everything());
    QVERIFY(id.ok());
    PlaylistChanges changes;
    changes.removeIndexes = {2, 0};                // the indexes of the order before the change
    changes.appendTrackIds = {d1, a2, d1};
    QVERIFY(playlists.update(*id, m_alice, changes, Visibility::everything()).ok());
    const Result<Playlist> found = playlists.find(*id, m_alice, Visibility::everything());
    QCOMPARE(found->trackIds, (QList<qint64>{b1, g1, d1, a2, d1}));
    QCOMPARE(found->name, u"P"_s);   // left out: unchanged

    changes = PlaylistChanges();
    changes.removeIndexes = {1, 5};               // 5 is past the end: nothing changes
    const Outcome bad = playlists.update(*id, m_alice, changes, Visibility::everything());
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Kind::InvalidInput);
    changes.removeIndexes = {-1};
    QCOMPARE(playlists.update(*id, m_alice, changes, Visibility::everything()).error().kind, Kind::InvalidInput);
    QCOMPARE(playlists.find(*id, m_alice, Visibility::everything())->trackIds, (QList<qint64>{b1, g1, d1, a2, d1}));
}

void TestUserLibrary::playlistRemovalIndexesSkipHiddenEntries()
{
    addAlbums();
    const qint64 a1 = m_tracks[u"Alpha 1"_s], a2 = m_tracks[u"Alpha 2"_s];
    const qint64 hidden = addTrack(m_folderB, u"/music/b/h.mp3"_s, {u"H"_s, u"Hal"_s, u"Hx"_s, 0, QString()});
    QVERIFY(hidden > 0);
    PlaylistRepository playlists(*m_db);
    const Result<qint64> id = playlists.create(m_alice, u"P"_s, {a1, hidden, a2}, Visibility::everything());
    QVERIFY(id.ok());
    // Alice's grants shrink to folder A: she sees [a1, a2], and index 1 is a2.
    const Visibility onlyA = Visibility::folders({m_folderA});
    QCOMPARE(playlists.find(*id, m_alice, onlyA)->trackIds, (QList<qint64>{a1, a2}));
    PlaylistChanges changes;
    changes.removeIndexes = {1};
    QVERIFY(playlists.update(*id, m_alice, changes, onlyA).ok());
    QCOMPARE(playlists.find(*id, m_alice, Visibility::everything())->trackIds, (QList<qint64>{a1, hidden}));
    changes.removeIndexes = {1};   // she sees one entry now
    QCOMPARE(playlists.update(*id, m_alice, changes, onlyA).error().kind, Kind::InvalidInput);
}

void TestUserLibrary::playlistOwnership()
{
    addAlbums();
    PlaylistRepository playlists(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s];
    const Result<qint64> shared = playlists.create(m_bob, u"Shared"_s, {a1}, Visibility::everything());
    const Result<qint64> secret = playlists.create(m_bob, u"Secret"_s, {a1}, Visibility::everything());
    const Result<qint64> own = playlists.create(m_alice, u"Mine"_s, {a1}, Visibility::everything());
    QVERIFY(shared.ok() && secret.ok() && own.ok());
    PlaylistChanges makePublic;
    makePublic.isPublic = true;
    QVERIFY(playlists.update(*shared, m_bob, makePublic, Visibility::everything()).ok());

    QStringList seen;
    for (const Playlist &p : playlists.lists(m_alice, Visibility::everything()))
        seen << p.name + u'/' + p.ownerName;
    QCOMPARE(seen, (QStringList{u"Mine/alice"_s, u"Shared/bob"_s}));   // not Bob's private one
    QCOMPARE(playlists.lists(m_bob, Visibility::everything()).size(), 2);

    QVERIFY(playlists.find(*shared, m_alice, Visibility::everything()).ok());
    QCOMPARE(playlists.find(*secret, m_alice, Visibility::everything()).error().kind, Kind::NotFound);

    PlaylistChanges rename;
    rename.name = u"Taken"_s;
    QCOMPARE(playlists.update(*shared, m_alice, rename, Visibility::everything()).error().kind, Kind::Forbidden);
    QCOMPARE(playlists.replaceEntries(*shared, m_alice, {}, Visibility::everything()).error().kind, Kind::Forbidden);
    QCOMPARE(playlists.remove(*shared, m_alice).error().kind, Kind::Forbidden);
    QCOMPARE(playlists.update(*secret, m_alice, rename, Visibility::everything()).error().kind, Kind::NotFound);
    QCOMPARE(playlists.remove(*secret, m_alice).error().kind, Kind::NotFound);
    QCOMPARE(playlists.update(999999, m_alice, rename, Visibility::everything()).error().kind, Kind::NotFound);
    const Result<Playlist> still = playlists.find(*shared, m_bob, Visibility::everything());
    QCOMPARE(still->name, u"Shared"_s);
    QCOMPARE(still->trackIds, QList<qint64>{a1});
}

void TestUserLibrary::playlistBadInput()
{
    addAlbums();
    PlaylistRepository playlists(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s];
    for (const QString &blank : {QString(), u""_s, u"   "_s}) {
        const Result<qint64> created = playlists.create(m_alice, blank, {a1}, Visibility::everything());
        QVERIFY(!created);
        QCOMPARE(created.error().kind, Kind::InvalidInput);
    }
    const Result<qint64> unknown = playlists.create(m_alice, u"P"_s, {a1, 999999}, Visibility::everything());
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Kind::NotFound);
    QVERIFY2(unknown.error().message.contains(u"no such track"_s), qPrintable(unknown.error().message));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM playlists"_s), 0);   // nothing half-made

    const Result<qint64> id = playlists.create(m_alice, u"P"_s, {a1}, Visibility::everything());
    QVERIFY(id.ok());
    PlaylistChanges changes;
    changes.name = u" "_s;
    QCOMPARE(playlists.update(*id, m_alice, changes, Visibility::everything()).error().kind, Kind::InvalidInput);
    changes = PlaylistChanges();
    changes.comment = u"kept?"_s;
    changes.appendTrackIds = {999999};
    QCOMPARE(playlists.update(*id, m_alice, changes, Visibility::everything()).error().kind, Kind::NotFound);
    QCOMPARE(playlists.replaceEntries(*id, m_alice, {999999}, Visibility::everything()).error().kind,
             Kind::NotFound);
    const Result<Playlist> found = playlists.find(*id, m_alice, Visibility::everything());
    QCOMPARE(found->name, u"P"_s);
    QCOMPARE(found->comment, QString());   // the failed update changed nothing
    QCOMPARE(found->trackIds, QList<qint64>{a1});
}

void TestUserLibrary::playQueueRoundTrip()
{
    addAlbums();
    PlayQueueRepository queues(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], b1 = m_tracks[u"Beta 1"_s];
    QVERIFY(!queues.load(m_alice, Visibility::everything()));   // none saved yet
    PlayQueue queue;
    queue.trackIds = {a1, b1, a1};
    queue.currentTrackId = b1;
    queue.positionMs = 61234;
    queue.changedAt = 1700000500;
    queue.changedBy = u"Feishin"_s;
    QVERIFY(queues.save(m_alice, queue, Visibility::everything()).ok());
    std::optional<PlayQueue> loaded = queues.load(m_alice, Visibility::everything());
    QVERIFY(loaded);
    QCOMPARE(loaded->trackIds, queue.trackIds);
    QCOMPARE(loaded->currentTrackId, b1);
    QCOMPARE(loaded->positionMs, 61234);
    QCOMPARE(loaded->changedAt, 1700000500);
    QCOMPARE(loaded->changedBy, u"Feishin"_s);
    QVERIFY(!queues.load(m_bob, Visibility::everything()));

    queue.trackIds = {b1};   // a new save replaces the queue
    queue.currentTrackId = 0;
    queue.positionMs = 0;
    queue.changedBy = u"web"_s;
    QVERIFY(queues.save(m_alice, queue, Visibility::everything()).ok());
    loaded = queues.load(m_alice, Visibility::everything());
    QCOMPARE(loaded->trackIds, QList<qint64>{b1});
    QCOMPARE(loaded->currentTrackId, 0);
    QCOMPARE(loaded->changedBy, u"web"_s);

    QVERIFY(queues.save(m_alice, PlayQueue(), Visibility::everything()).ok());   // empty clears it
    QVERIFY(!queues.load(m_alice, Visibility::everything()));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM play_queue_entries"_s), 0);
}

void TestUserLibrary::playQueueBadInput()
{
    addAlbums();
    PlayQueueRepository queues(*m_db);
    const qint64 a1 = m_tracks[u"Alpha 1"_s], b1 = m_tracks[u"Beta 1"_s];
    PlayQueue queue;
    queue.trackIds = {a1};
    queue.currentTrackId = b1;   // not in the queue
    QCOMPARE(queues.save(m_alice, queue, Visibility::everything()).error().kind, Kind::InvalidInput);
    queue.currentTrackId = a1;
    queue.positionMs = -1;
    QCOMPARE(queues.save(m_alice, queue, Visibility::everything()).error().kind, Kind::InvalidInput);
    queue.positionMs = 0;
    queue.trackIds = {a1, 999999};
    const Outcome unknown = queues.save(m_alice, queue, Visibility::everything());
    QCOMPARE(unknown.error().kind, Kind::NotFound);
    QVERIFY(!queues.load(m_alice, Visibility::everything()));   // nothing saved
    queue.trackIds = {a1};
    QVERIFY(queues.save(m_alice, queue, Visibility::everything()).ok());
}

void TestUserLibrary::visibilityLimitsEveryList()
{
    addAlbums();
    const qint64 inA = m_tracks[u"Alpha 1"_s];
    const qint64 inB = addTrack(m_folderB, u"/music/b/x.mp3"_s, {u"Far"_s, u"Faye"_s, u"Far Away"_s, 2001, QString()});
    QVERIFY(inB > 0);
    const qint64 albumB = TrackRepository(*m_db).find(inB)->albumId;
    const qint64 artistB = TrackRepository(*m_db).find(inB)->artistId;
    const Visibility onlyA = Visibility::folders({m_folderA});

    FavouriteRepository favourites(*m_db);
    QVERIFY(favourites.star(m_alice, ItemKind::Track, {inA, inB}, 100).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albums[u"Alpha"_s], albumB}, 100).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Artist, {artistB}, 100).ok());
    QCOMPARE(idsOf(favourites.starredTracks(m_alice, onlyA)), QList<qint64>{inA});
    QCOMPARE(namesOf(favourites.starredAlbums(m_alice, onlyA)), QStringList{u"Alpha"_s});
    QVERIFY(favourites.starredArtists(m_alice, onlyA).isEmpty());
    QCOMPARE(favourites.starredTracks(m_alice, Visibility::everything()).size(), 2);

    AlbumQuery starred;
    starred.userId = m_alice;
    starred.starredOnly = true;
    QCOMPARE(AlbumRepository(*m_db).list(starred, onlyA).total, 1);
    PlayRepository plays(*m_db);
    QVERIFY(plays.recordPlay(m_alice, inB, 100).ok());
    AlbumQuery played;
    played.userId = m_alice;
    played.order = AlbumOrder::FrequentlyPlayed;
    QVERIFY(AlbumRepository(*m_db).list(played, onlyA).items.isEmpty());
    QCOMPARE(AlbumRepository(*m_db).list(played, Visibility::everything()).total, 1);

    // Playlists: another user's public playlist with tracks of both folders.
    PlaylistRepository playlists(*m_db);
    const Result<qint64> mixed = playlists.create(m_bob, u"Both"_s, {inB, inA, inB}, Visibility::everything());
    QVERIFY(mixed.ok());
    PlaylistChanges makePublic;
    makePublic.isPublic = true;
    QVERIFY(playlists.update(*mixed, m_bob, makePublic, Visibility::everything()).ok());
    const Result<Playlist> seen = playlists.find(*mixed, m_alice, onlyA);
    QCOMPARE(seen->trackIds, QList<qint64>{inA});
    QCOMPARE(seen->trackCount, 1);
    QCOMPARE(seen->durationMs, 1000);
    const QList<Playlist> listed = playlists.lists(m_alice, onlyA);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().trackCount, 1);
    QCOMPARE(playlists.lists(m_alice, Visibility()).constFirst().trackCount, 0);
    // Alice cannot put a track she does not see into a playlist or her queue.
    QCOMPARE(playlists.create(m_alice, u"Mine"_s, {inB}, onlyA).error().kind, Kind::NotFound);

    PlayQueueRepository queues(*m_db);
    PlayQueue queue;
    queue.trackIds = {inA, inB};
    queue.currentTrackId = inB;
    queue.positionMs = 5000;
    QCOMPARE(queues.save(m_alice, queue, onlyA).error().kind, Kind::NotFound);
    QVERIFY(queues.save(m_alice, queue, Visibility::everything()).ok());   // saved while she saw both
    const std::optional<PlayQueue> loaded = queues.load(m_alice, onlyA);
    QVERIFY(loaded);
    QCOMPARE(loaded->trackIds, QList<qint64>{inA});
    QCOMPARE(loaded->currentTrackId, 0);   // the current track is out of sight, its position too
    QCOMPARE(loaded->positionMs, 0);
}

void TestUserLibrary::deletingUserRemovesAllState()
{
    addAlbums();
    const qint64 a1 = m_tracks[u"Alpha 1"_s];
    for (const qint64 user : {m_alice, m_bob}) {
        QVERIFY(FavouriteRepository(*m_db).star(user, ItemKind::Track, {a1}, 100).ok());
        QVERIFY(FavouriteRepository(*m_db).star(user, ItemKind::Album, {m_albums[u"Alpha"_s]}, 100).ok());
        QVERIFY(RatingRepository(*m_db).set(user, ItemKind::Track, a1, 4).ok());
        QVERIFY(PlayRepository(*m_db).recordPlay(user, a1, 100).ok());
        QVERIFY(PlaylistRepository(*m_db).create(user, u"P"_s, {a1, a1}, Visibility::everything()).ok());
        PlayQueue queue;
        queue.trackIds = {a1};
        QVERIFY(PlayQueueRepository(*m_db).save(user, queue, Visibility::everything()).ok());
    }
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"DELETE FROM users WHERE id = %1"_s.arg(m_alice)));
    const QStringList tables{u"favourites"_s, u"ratings"_s, u"plays"_s, u"play_queues"_s, u"play_queue_entries"_s};
    for (const QString &table : tables) {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM %1 WHERE user_id = %2"_s.arg(table).arg(m_alice)), 0);
        QVERIFY2(scalar(u"SELECT COUNT(*) FROM %1 WHERE user_id = %2"_s.arg(table).arg(m_bob)) > 0, qPrintable(table));
    }
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM playlists WHERE owner_id = %1"_s.arg(m_alice)), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM playlists"_s), 1);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM playlist_entries"_s), 2);   // Bob's two
}

void TestUserLibrary::stateSurvivesRescanOfUnchangedFile()
{
    const Tags tags{u"Song"_s, u"Singer"_s, u"Record"_s, 1999, u"Pop"_s};
    const Track file = makeTrack(m_folderA, u"/music/a/song.mp3"_s, tags);
    TrackRepository tracks(*m_db);
    const qint64 id = tracks.upsert(file);
    QVERIFY(id > 0);
    const Track before = *tracks.find(id);
    QVERIFY(FavouriteRepository(*m_db).star(m_alice, ItemKind::Track, {id}, 100).ok());
    QVERIFY(FavouriteRepository(*m_db).star(m_alice, ItemKind::Album, {before.albumId}, 100).ok());
    QVERIFY(FavouriteRepository(*m_db).star(m_alice, ItemKind::Artist, {before.artistId}, 100).ok());
    QVERIFY(RatingRepository(*m_db).set(m_alice, ItemKind::Album, before.albumId, 5).ok());
    QVERIFY(PlayRepository(*m_db).recordPlay(m_alice, id, 100).ok());
    const Result<qint64> playlist = PlaylistRepository(*m_db).create(m_alice, u"P"_s, {id}, Visibility::everything());
    QVERIFY(playlist.ok());

    // A rescan stores the same file again.
    QCOMPARE(tracks.upsert(file), id);
    const Track after = *tracks.find(id);
    QCOMPARE(after.albumId, before.albumId);
    QCOMPARE(after.artistId, before.artistId);
    const AnnotationRepository annotations(*m_db);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Track, {id}).value(id).starredAt, 100);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Track, {id}).value(id).playCount, 1);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {after.albumId}).value(after.albumId).starredAt, 100);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {after.albumId}).value(after.albumId).rating, 5);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Artist, {after.artistId}).value(after.artistId).starredAt, 100);
    QCOMPARE(PlaylistRepository(*m_db).find(*playlist, m_alice, Visibility::everything())->trackIds,
             QList<qint64>{id});
}

void TestUserLibrary::stateGoesWithItsItem()
{
    TrackRepository tracks(*m_db);
    const qint64 id = addTrack(m_folderA, u"/music/a/only.mp3"_s, {u"Only"_s, u"Solo"_s, u"Single"_s, 0, QString()});
    const qint64 keep = addTrack(m_folderA, u"/music/a/keep.mp3"_s, {u"Keep"_s, u"Other"_s, u"Kept"_s, 0, QString()});
    QVERIFY(id > 0 && keep > 0);
    const Track only = *tracks.find(id);
    FavouriteRepository favourites(*m_db);
    QVERIFY(favourites.star(m_alice, ItemKind::Track, {id, keep}, 100).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {only.albumId}, 100).ok());
    QVERIFY(favourites.star(m_alice, ItemKind::Artist, {only.artistId}, 100).ok());
    QVERIFY(RatingRepository(*m_db).set(m_alice, ItemKind::Album, only.albumId, 4).ok());
    QVERIFY(RatingRepository(*m_db).set(m_alice, ItemKind::Track, id, 4).ok());
    QVERIFY(PlayRepository(*m_db).recordPlay(m_alice, id, 100).ok());
    PlayQueue queue;
    queue.trackIds = {id, keep};
    queue.currentTrackId = id;
    QVERIFY(PlayQueueRepository(*m_db).save(m_alice, queue, Visibility::everything()).ok());

    // The file vanishes: its track goes, and with it its orphaned album and artist rows.
    QVERIFY(tracks.remove(id));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM albums WHERE id = %1"_s.arg(only.albumId)), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM favourites"_s), 1);   // only the kept track's
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM ratings"_s), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM plays"_s), 0);
    const std::optional<PlayQueue> loaded = PlayQueueRepository(*m_db).load(m_alice, Visibility::everything());
    QCOMPARE(loaded->trackIds, QList<qint64>{keep});
    QCOMPARE(loaded->currentTrackId, 0);

    // New rows that may get the old ids (SQLite reuses the highest) start with no state.
    const qint64 next = addTrack(m_folderA, u"/music/a/new.mp3"_s, {u"New"_s, u"Newcomer"_s, u"Fresh"_s, 0, QString()});
    QVERIFY(next > 0);
    const Track fresh = *tracks.find(next);
    const AnnotationRepository annotations(*m_db);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Track, {next}).value(next).starredAt, 0);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {fresh.albumId}).value(fresh.albumId).starredAt, 0);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {fresh.albumId}).value(fresh.albumId).rating, 0);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Artist, {fresh.artistId}).value(fresh.artistId).starredAt, 0);
    QVERIFY(favourites.starredAlbums(m_alice, Visibility::everything()).isEmpty());

    // A retagged file moves to another album: the old album's row goes, and its state with it.
    QVERIFY(favourites.star(m_alice, ItemKind::Album, {fresh.albumId}, 200).ok());
    Track retagged = makeTrack(m_folderA, u"/music/a/new.mp3"_s, {u"New"_s, u"Newcomer"_s, u"Renamed"_s, 0, QString()});
    QCOMPARE(tracks.upsert(retagged), next);
    QCOMPARE(annotations.forItems(m_alice, ItemKind::Album, {fresh.albumId}).value(fresh.albumId).starredAt, 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM favourites WHERE kind = 1"_s), 0);
}

QTEST_GUILESS_MAIN(TestUserLibrary)
#include "tst_user_library.moc"
