// The figures browsing reads instead of the tracks — album_folder_genres, artist_folders and
// albums.artist_key (migration 012) — stay equal to what the tracks say through every write:
// scans adding files, rescans changing their tags, a file turning into a video or changing album,
// artist or folder, removals, a folder leaving the library with its tracks, rewritten dates, an
// album row deleted under its tracks and an artist's key changed.

#include "TestCatalog.h"

#include "catalog/AlbumRepository.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

Track makeTrack(qint64 folderId, const QString &path, const QString &album, const QString &artist,
                const QString &genre = {}, int year = 0, qint64 durationMs = 1000)
{
    Track t;
    t.folderId = folderId;
    t.path = path;
    t.size = 1000;
    t.mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    t.format = u"mp3"_s;
    t.durationMs = durationMs;
    t.title = QFileInfo(path).completeBaseName();
    t.artist = artist;
    t.album = album;
    t.genre = genre;
    t.year = year;
    return t;
}

} // namespace

class TestBrowseFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scanAddsFigures();
    void rescanRecountsWhatChanged();
    void videoCountsForNoAlbum();
    void trackMovingFolder();
    void removalRecountsTheMaximum();
    void folderRemovalKeepsTheOtherFolders();
    void rewrittenDates();
    void albumDeletedUnderItsTracks();
    void artistKeyFollowsTheArtist();

private:
    // Empty when every figure equals the GROUP BY over the tracks it stands for; else both sides.
    QString mismatch() const;
    QStringList rows(const QString &sql) const;
    qint64 upsert(const Track &track) { return TrackRepository(*m_db).upsert(track); }
    qint64 albumOf(qint64 trackId) const { return TrackRepository(*m_db).find(trackId)->albumId; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_a = 0;
    qint64 m_b = 0;
};

void TestBrowseFigures::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dir->filePath(u"catalog.sqlite"_s)));
    const auto error = m_db->open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    m_a = FolderRepository(*m_db).add(u"/music/a"_s)->id;
    m_b = FolderRepository(*m_db).add(u"/music/b"_s)->id;
}

void TestBrowseFigures::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QStringList TestBrowseFigures::rows(const QString &sql) const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql))
        return {q.lastError().text()};
    QStringList result;
    while (q.next()) {
        QStringList columns;
        for (int i = 0; i < q.record().count(); ++i)
            columns << q.value(i).toString();
        result << columns.join(u" | "_s);
    }
    return result;
}

QString TestBrowseFigures::mismatch() const
{
    const QStringList albums = rows(u"SELECT album_id, folder_id, genre, track_count, duration_ms, year, added_at "
                                    "FROM album_folder_genres ORDER BY 1, 2, 3"_s);
    const QStringList albumTracks = rows(u"SELECT album_id, folder_id, genre, COUNT(*), SUM(duration_ms), MAX(year), "
                                         "MAX(added_at) FROM tracks WHERE kind = 0 AND album_id IS NOT NULL "
                                         "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"_s);
    if (albums != albumTracks) {
        return u"album_folder_genres:\n  "_s + albums.join(u"\n  "_s) + u"\ntracks:\n  "_s
            + albumTracks.join(u"\n  "_s);
    }
    const QStringList artists = rows(u"SELECT artist_id, folder_id, track_count FROM artist_folders ORDER BY 1, 2"_s);
    const QStringList artistTracks = rows(u"SELECT artist_id, folder_id, COUNT(*) FROM tracks "
                                          "WHERE kind = 0 AND artist_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"_s);
    if (artists != artistTracks) {
        return u"artist_folders:\n  "_s + artists.join(u"\n  "_s) + u"\ntracks:\n  "_s
            + artistTracks.join(u"\n  "_s);
    }
    const QStringList keys = rows(u"SELECT al.id, al.artist_key, ar.name_key FROM albums al "
                                  "JOIN artists ar ON ar.id = al.artist_id WHERE al.artist_key <> ar.name_key"_s);
    return keys.isEmpty() ? QString() : u"albums.artist_key:\n  "_s + keys.join(u"\n  "_s);
}

// Tracks added one by one and in a scanner's batch.
void TestBrowseFigures::scanAddsFigures()
{
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990, 1000)) > 0);
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1995, 2000)) > 0);
    QCOMPARE(mismatch(), QString());
    {
        WriteTransaction batch(*m_db);
        QVERIFY(upsert(makeTrack(m_a, u"/music/a/3.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Jazz"_s, 1993)) > 0);
        QVERIFY(upsert(makeTrack(m_b, u"/music/b/4.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 2001)) > 0);
        QVERIFY(upsert(makeTrack(m_b, u"/music/b/5.mp3"_s, u"Beta"_s, u"Bob"_s)) > 0);
        QVERIFY(batch.commit());
    }
    QCOMPARE(mismatch(), QString());
    QCOMPARE(rows(u"SELECT COUNT(*) FROM album_folder_genres"_s), QStringList{u"4"_s});
}

// A changed file is stored again under the same path: every tag the figures read.
void TestBrowseFigures::rescanRecountsWhatChanged()
{
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990, 1000)) > 0);
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1995, 2000)) > 0);
    const qint64 alpha = albumOf(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990)));
    QCOMPARE(mismatch(), QString());
    // Year and duration, then genre, album and artist.
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1980, 5000)) > 0);
    QCOMPARE(mismatch(), QString());
    QCOMPARE(AlbumRepository(*m_db).find(alpha, Visibility::everything())->year, 1990);
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Pop"_s, 1980, 5000)) > 0);
    QCOMPARE(mismatch(), QString());
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Gamma"_s, u"Ann"_s, u"Pop"_s, 1980, 5000)) > 0);
    QCOMPARE(mismatch(), QString());
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Gamma"_s, u"Cid"_s, u"Pop"_s, 1980, 5000)) > 0);
    QCOMPARE(mismatch(), QString());
    QCOMPARE(AlbumRepository(*m_db).find(alpha, Visibility::everything())->trackCount, 1);
}

void TestBrowseFigures::videoCountsForNoAlbum()
{
    Track clip = makeTrack(m_a, u"/music/a/clip.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 2020);
    clip.kind = MediaKind::Video;
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990)) > 0);
    const qint64 clipId = upsert(clip);
    QVERIFY(clipId > 0);
    QCOMPARE(mismatch(), QString());
    QCOMPARE(AlbumRepository(*m_db).find(albumOf(clipId), Visibility::everything())->year, 1990);
    clip.kind = MediaKind::Audio;   // the same file read as audio this time
    QVERIFY(upsert(clip) > 0);
    QCOMPARE(mismatch(), QString());
    QCOMPARE(AlbumRepository(*m_db).find(albumOf(clipId), Visibility::everything())->year, 2020);
    clip.kind = MediaKind::Video;
    QVERIFY(upsert(clip) > 0);
    QCOMPARE(mismatch(), QString());
}

void TestBrowseFigures::trackMovingFolder()
{
    const qint64 id = upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990));
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1991)) > 0);
    QVERIFY(upsert(makeTrack(m_b, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990)) == id);
    QCOMPARE(mismatch(), QString());
    QCOMPARE(AlbumRepository(*m_db).find(albumOf(id), Visibility::folders({m_b}))->trackCount, 1);
}

// The track holding an album's latest year, date and greatest genre goes: they are taken back.
void TestBrowseFigures::removalRecountsTheMaximum()
{
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 1990, 1000)) > 0);
    const qint64 latest = upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Soul"_s, 1999, 2000));
    Track guest = makeTrack(m_a, u"/music/a/3.mp3"_s, u"Alpha"_s, u"Bob"_s, u"Rock"_s, 1995, 4000);
    guest.albumArtist = u"Ann"_s;   // Bob performs on Ann's album
    const qint64 other = upsert(guest);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"UPDATE tracks SET added_at = CASE id WHEN %1 THEN 9999 ELSE id * 100 END"_s.arg(latest)));
    QCOMPARE(mismatch(), QString());
    const qint64 alpha = albumOf(latest);
    QCOMPARE(AlbumRepository(*m_db).find(alpha, Visibility::everything())->genre, u"Soul"_s);
    QVERIFY(TrackRepository(*m_db).remove(latest));
    QCOMPARE(mismatch(), QString());
    const AlbumSummary left = *AlbumRepository(*m_db).find(alpha, Visibility::everything());
    QCOMPARE(left.year, 1995);
    QCOMPARE(left.genre, u"Rock"_s);
    QCOMPARE(left.trackCount, 2);
    QCOMPARE(left.durationMs, 5000);
    QCOMPARE(left.addedAt.toSecsSinceEpoch(), other * 100);
    QVERIFY(TrackRepository(*m_db).remove(other));   // Bob's only track: Bob goes too
    QCOMPARE(mismatch(), QString());
    QCOMPARE(rows(u"SELECT COUNT(*) FROM artist_folders"_s), QStringList{u"1"_s});
}

void TestBrowseFigures::folderRemovalKeepsTheOtherFolders()
{
    const qint64 inA = upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s, 2005, 1000));
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Beta"_s, u"Bob"_s, u"Jazz"_s, 1990)) > 0);
    QVERIFY(upsert(makeTrack(m_b, u"/music/b/3.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Pop"_s, 1999, 3000)) > 0);
    const qint64 alpha = albumOf(inA);
    QVERIFY(FolderRepository(*m_db).remove(m_a));
    QCOMPARE(mismatch(), QString());
    const AlbumSummary left = *AlbumRepository(*m_db).find(alpha, Visibility::everything());
    QCOMPARE(left.trackCount, 1);
    QCOMPARE(left.year, 1999);
    QCOMPARE(left.genre, u"Pop"_s);
    QCOMPARE(left.durationMs, 3000);
    QCOMPARE(rows(u"SELECT COUNT(*) FROM album_folder_genres WHERE folder_id = %1"_s.arg(m_a)), QStringList{u"0"_s});
    QCOMPARE(rows(u"SELECT COUNT(*) FROM artist_folders WHERE folder_id = %1"_s.arg(m_a)), QStringList{u"0"_s});
}

void TestBrowseFigures::rewrittenDates()
{
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s)) > 0);
    QVERIFY(upsert(makeTrack(m_a, u"/music/a/2.mp3"_s, u"Alpha"_s, u"Ann"_s)) > 0);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"UPDATE tracks SET added_at = 1000 + id"_s));
    QCOMPARE(mismatch(), QString());
    QVERIFY(q.exec(u"UPDATE tracks SET added_at = 5 WHERE path = '/music/a/2.mp3'"_s));
    QCOMPARE(mismatch(), QString());
}

// Not something the catalog does itself (an album goes only with its last track), but the
// foreign key allows it: the album's tracks lose it, and with it their figures.
void TestBrowseFigures::albumDeletedUnderItsTracks()
{
    const qint64 id = upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s));
    QVERIFY(upsert(makeTrack(m_b, u"/music/b/2.mp3"_s, u"Alpha"_s, u"Ann"_s, u"Rock"_s)) > 0);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"DELETE FROM albums WHERE id = %1"_s.arg(albumOf(id))));
    QCOMPARE(mismatch(), QString());
    QCOMPARE(rows(u"SELECT COUNT(*) FROM album_folder_genres"_s), QStringList{u"0"_s});
}

void TestBrowseFigures::artistKeyFollowsTheArtist()
{
    const qint64 id = upsert(makeTrack(m_a, u"/music/a/1.mp3"_s, u"Alpha"_s, u"Ann"_s));
    QCOMPARE(mismatch(), QString());
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"UPDATE artists SET name = 'Anne', name_key = 'anne'"_s));
    QCOMPARE(mismatch(), QString());
    QVERIFY(q.exec(u"INSERT INTO artists (name, name_key) VALUES ('Zed', 'zed')"_s));
    const qint64 zed = q.lastInsertId().toLongLong();
    QVERIFY(q.exec(u"UPDATE albums SET artist_id = %1 WHERE id = %2"_s.arg(zed).arg(albumOf(id))));
    QCOMPARE(mismatch(), QString());
}

QTEST_GUILESS_MAIN(TestBrowseFigures)
#include "tst_browse_figures.moc"
