// The browse lists against a plain reference: every page of albums, artists and songs, in every
// order and with every filter, equals what one GROUP BY over the visible tracks gives — for
// administrators and for users who see only some folders of a library whose albums span folders,
// mix audio and video, and carry several genres and years.

#include "TestCatalog.h"

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/Database.h"
#include "catalog/FavouriteRepository.h"
#include "catalog/FolderRepository.h"
#include "catalog/PlayRepository.h"
#include "catalog/RatingRepository.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

// A deterministic pseudo-random sequence, so a failure can be replayed.
class Sequence
{
public:
    int next(int bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((m_state >> 33) % quint64(bound));
    }

private:
    quint64 m_state = 42;
};

QString describe(const AlbumSummary &a)
{
    return u"%1 '%2' artist %3 '%4' year %5 genre '%6' tracks %7 duration %8 added %9 plays %10"_s.arg(a.id)
        .arg(a.title)
        .arg(a.artistId)
        .arg(a.artistName)
        .arg(a.year)
        .arg(a.genre)
        .arg(a.trackCount)
        .arg(a.durationMs)
        .arg(a.addedAt.toSecsSinceEpoch())
        .arg(a.plays);
}

QString describe(const ArtistSummary &a)
{
    return u"%1 '%2' albums %3 tracks %4"_s.arg(a.id).arg(a.name).arg(a.albumCount).arg(a.trackCount);
}

QString describe(const Track &t)
{
    return u"%1 '%2' album %3 '%4' by '%5' artist %6 '%7' folder %8"_s.arg(t.id)
        .arg(t.title)
        .arg(t.albumId)
        .arg(t.albumTitle)
        .arg(t.albumArtistName)
        .arg(t.artistId)
        .arg(t.artistName)
        .arg(t.folderId);
}

template<typename T>
QStringList describeAll(const QList<T> &items)
{
    QStringList lines;
    for (const T &item : items)
        lines << describe(item);
    return lines;
}

QString folderCondition(const Visibility &visibility, const QString &column)
{
    if (visibility.unrestricted)
        return u"1"_s;
    QStringList ids;
    for (const qint64 id : visibility.folderIds)
        ids << QString::number(id);
    return ids.isEmpty() ? u"0"_s : column + u" IN ("_s + ids.join(u", "_s) + u')';
}

const QString kLibraryOrder = u"aa.name_key, al.title_key, t.disc_no, t.track_no, t.title, t.id"_s;

QString quoted(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', u"''"_s) + u'\'';
}

// `LIKE …` matching the folded text anywhere, its wildcards taken literally.
QString likeAnywhere(const QString &text)
{
    QString escaped = text.trimmed().toCaseFolded();
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u"LIKE "_s + quoted(u'%' + escaped + u'%') + u" ESCAPE '\\'"_s;
}


// The words of `text` as a search compares them: case-folded, without diacritics, runs of letters
// and digits.
QStringList plainWords(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toCaseFolded();
    QStringList words;
    QString word;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber()) {
            word += c;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

// What a search finds: every word of the query begins a word of the text.
bool matchesWords(const QString &text, const QString &query)
{
    const QStringList words = plainWords(text);
    for (const QString &wanted : plainWords(query)) {
        if (std::none_of(words.cbegin(), words.cend(), [&](const QString &w) { return w.startsWith(wanted); }))
            return false;
    }
    return true;
}

// `column IN (…)` of the rows `select` (id, text) returns whose text matches `query` by word; a
// query without a letter or digit matches `likeColumn` anywhere, as before the index.
QString searchCondition(QSqlDatabase db, const QString &column, const QString &select, const QString &likeColumn,
                        const QString &query)
{
    if (plainWords(query).isEmpty())
        return likeColumn + u' ' + likeAnywhere(query);
    QSqlQuery q(db);
    q.exec(select);
    QStringList ids{u"0"_s};
    while (q.next()) {
        if (matchesWords(q.value(1).toString(), query))
            ids << q.value(0).toString();
    }
    return column + u" IN ("_s + ids.join(u", "_s) + u')';
}

} // namespace

class TestBrowseLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void albums_data();
    void albums();
    void albumsFound();
    void genres();
    void artists_data();
    void artists();
    void artistsFound();
    void songs_data();
    void songs();
    void trackLists_data();
    void trackLists();

private:
    void addLibrary();
    void addUserState();
    QList<Visibility> visibilities() const;

    QList<AlbumSummary> referenceAlbums(const AlbumQuery &query, const Visibility &visibility) const;
    QList<ArtistSummary> referenceArtists(const ArtistQuery &query, const Visibility &visibility) const;
    QList<qint64> referenceSongs(const QString &where, const QString &join, const QString &order) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QList<qint64> m_folders;
    qint64 m_alice = 0;
    QList<qint64> m_albumIds;
    QList<qint64> m_artistIds;
};

void TestBrowseLists::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dir->filePath(u"catalog.sqlite"_s)));
    const auto error = m_db->open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    for (const QString &path : {u"/music/a"_s, u"/music/b"_s, u"/music/c"_s}) {
        const auto folder = FolderRepository(*m_db).add(path);
        QVERIFY(folder);
        m_folders << folder->id;
    }
    addLibrary();
    addUserState();
}

void TestBrowseLists::cleanupTestCase()
{
    m_db.reset();
    m_dir.reset();
}

// Albums named alike by different artists, albums spread over two or three folders, compilations
// (the performer is not the album artist), videos filed under music albums and a video-only
// album, tracks without genre or year, and "added" dates that tie.
void TestBrowseLists::addLibrary()
{
    const QStringList artists{u"Ann"_s, u"bob"_s, u"Émile"_s, u"Zoë"_s, u"Cid"_s, u"ann"_s, u"Various"_s};
    const QStringList titles{u"Alpha"_s, u"alpha"_s, u"Beta"_s, u"Été"_s, u"Gamma"_s, u"Delta"_s, u"Omega"_s};
    const QStringList genres{u"Rock"_s, u"Jazz"_s, u"Pop"_s, QString()};
    Sequence random;
    TrackRepository tracks(*m_db);
    WriteTransaction batch(*m_db);
    for (int i = 0; i < 160; ++i) {
        const int folder = random.next(3);
        Track t;
        t.folderId = m_folders[folder];
        t.kind = random.next(9) == 0 ? MediaKind::Video : MediaKind::Audio;
        t.path = u"/music/%1/%2.mp3"_s.arg(QChar(u'a' + folder)).arg(i);
        t.size = 1000;
        t.mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        t.format = u"mp3"_s;
        t.durationMs = 1000 + random.next(5) * 1000;
        t.title = u"Song %1"_s.arg(random.next(40));
        t.albumArtist = artists[random.next(artists.size())];
        t.artist = random.next(3) == 0 ? artists[random.next(artists.size())] : t.albumArtist;
        t.album = titles[random.next(titles.size())] + (random.next(4) == 0 ? u" II"_s : QString());
        t.genre = genres[random.next(genres.size())];
        t.year = random.next(5) == 0 ? 0 : 1990 + random.next(8);
        t.trackNumber = random.next(12);
        t.discNumber = random.next(3);
        QVERIFY(tracks.upsert(t) > 0);
    }
    Track video;
    video.folderId = m_folders[0];
    video.kind = MediaKind::Video;
    video.path = u"/music/a/clips/only.mkv"_s;
    video.album = u"Clips"_s;
    video.artist = u"Vic"_s;
    QVERIFY(tracks.upsert(video) > 0);
    QSqlQuery q(m_db->connection());
    // Dates the tests choose, some equal, so orders by date need their tie-breakers.
    QVERIFY2(q.exec(u"UPDATE tracks SET added_at = 1700000000 + (id * 7919) % 23 * 3600"_s),
             qPrintable(q.lastError().text()));
    QVERIFY(batch.commit());

    QVERIFY(q.exec(u"SELECT id FROM albums ORDER BY id"_s));
    while (q.next())
        m_albumIds << q.value(0).toLongLong();
    QVERIFY(q.exec(u"SELECT id FROM artists ORDER BY id"_s));
    while (q.next())
        m_artistIds << q.value(0).toLongLong();
    QVERIFY(m_albumIds.size() > 20);
    // The cases the lists must get right are really there.
    const auto some = [&](const QString &sql) { return q.exec(sql) && q.next() && q.value(0).toInt() > 0; };
    QVERIFY(some(u"SELECT COUNT(*) FROM (SELECT album_id FROM tracks WHERE kind = 0 GROUP BY album_id "
                  "HAVING COUNT(DISTINCT folder_id) > 1) AS shared"_s));
    QVERIFY(some(u"SELECT COUNT(*) FROM (SELECT album_id FROM tracks GROUP BY album_id "
                  "HAVING COUNT(DISTINCT kind) > 1) AS mixed"_s));
    QVERIFY(some(u"SELECT COUNT(*) FROM tracks t JOIN albums al ON al.id = t.album_id "
                  "WHERE t.artist_id <> al.artist_id"_s));
    QVERIFY(some(u"SELECT COUNT(*) FROM (SELECT title_key FROM albums GROUP BY title_key HAVING COUNT(*) > 1) AS shared_titles"_s));
}

// Alice's favourites, ratings and plays; everyone's finished streams (including a video's).
void TestBrowseLists::addUserState()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"INSERT INTO users (name, password_hash) VALUES ('alice', 'x')"_s));
    m_alice = q.lastInsertId().toLongLong();
    QList<qint64> trackIds;
    QVERIFY(q.exec(u"SELECT id FROM tracks ORDER BY id"_s));
    while (q.next())
        trackIds << q.value(0).toLongLong();

    Sequence random;
    FavouriteRepository favourites(*m_db);
    RatingRepository ratings(*m_db);
    PlayRepository plays(*m_db);
    for (int i = 0; i < m_albumIds.size(); i += 2) {
        QVERIFY(favourites.star(m_alice, ItemKind::Album, {m_albumIds[i]}, 1000 + random.next(5)).ok());
        QVERIFY(ratings.set(m_alice, ItemKind::Album, m_albumIds[i], 1 + random.next(5)).ok());
    }
    for (int i = 0; i < m_artistIds.size(); i += 2)
        QVERIFY(favourites.star(m_alice, ItemKind::Artist, {m_artistIds[i]}, 1000 + random.next(5)).ok());
    for (int i = 0; i < trackIds.size(); i += 3) {
        QVERIFY(favourites.star(m_alice, ItemKind::Track, {trackIds[i]}, 1000 + random.next(5)).ok());
        for (int n = random.next(3); n >= 0; --n)
            QVERIFY(plays.recordPlay(m_alice, trackIds[i], 2000 + random.next(50)).ok());
    }
    q.prepare(u"INSERT INTO stream_history (track_id, kind, started_at, ended_at, ending) "
              "VALUES (?, 'direct', 1, 2, 'finished')"_s);
    for (int i = 0; i < 300; ++i) {
        q.addBindValue(trackIds[random.next(int(trackIds.size()))]);
        QVERIFY(q.exec());
    }
}

QList<Visibility> TestBrowseLists::visibilities() const
{
    return {Visibility::everything(),
            Visibility::folders({m_folders[0]}),
            Visibility::folders({m_folders[1], m_folders[2]}),
            Visibility::folders({m_folders[2], m_folders[0], 987654}),   // an unknown folder besides
            Visibility()};                                                // nothing at all
}

// The ORDER BY of the reference album list, over the plain GROUP BY's aggregates.
QString referenceAlbumOrder(const AlbumQuery &query)
{
    const QString byName = u"al.title_key, ar.name_key, al.id"_s;
    if (query.fromYear || query.toYear) {
        const bool descending = query.fromYear && query.toYear && *query.fromYear > *query.toYear;
        return (descending ? u"MAX(t.year) DESC, "_s : u"MAX(t.year), "_s) + byName;
    }
    switch (query.order) {
    case AlbumOrder::Name: return byName;
    case AlbumOrder::Artist: return u"ar.name_key, MAX(t.year), al.title_key, al.id"_s;
    case AlbumOrder::Year: return u"MAX(t.year) DESC, ar.name_key, al.title_key, al.id"_s;
    case AlbumOrder::RecentlyAdded: return u"MAX(t.added_at) DESC, al.id DESC"_s;
    case AlbumOrder::MostPlayed: return u"plays DESC, al.title_key, al.id"_s;
    case AlbumOrder::Random: return u"al.id"_s;   // compared as a set
    case AlbumOrder::HighestRated: return u"MAX(r.rating) DESC, "_s + byName;
    case AlbumOrder::FrequentlyPlayed: return u"SUM(pl.play_count) DESC, "_s + byName;
    case AlbumOrder::RecentlyPlayed: return u"MAX(pl.last_played_at) DESC, "_s + byName;
    case AlbumOrder::RecentlyStarred: return u"MAX(f.starred_at) DESC, "_s + byName;
    }
    return byName;
}

// "JOIN favourites f …" of `kind` for `userId`; a LEFT JOIN unless only favourites count.
QString favouritesJoin(int kind, const QString &item, qint64 userId, bool only)
{
    return u"%1 JOIN favourites f ON f.user_id = %2 AND f.kind = %3 AND f.item_id = %4 "_s
        .arg(only ? u""_s : u"LEFT"_s)
        .arg(userId)
        .arg(kind)
        .arg(item);
}

// One GROUP BY over the visible music tracks: the definition of an album list.
QList<AlbumSummary> TestBrowseLists::referenceAlbums(const AlbumQuery &query, const Visibility &visibility) const
{
    QStringList where{u"t.kind = 0"_s, folderCondition(visibility, u"t.folder_id"_s)};
    QStringList having;
    QString joins;
    if (!query.genre.isEmpty())
        where << u"t.genre = "_s + quoted(query.genre);
    if (query.artistId > 0)
        where << u"al.artist_id = %1"_s.arg(query.artistId);
    if (!query.search.isEmpty())
        where << u"(%1 OR %2)"_s.arg(
            searchCondition(m_db->connection(), u"al.id"_s,
                            u"SELECT al.id, al.title_key || ' ' || ar.name_key FROM albums al "
                            "JOIN artists ar ON ar.id = al.artist_id"_s, u"al.title_key"_s, query.search),
            plainWords(query.search).isEmpty() ? u"ar.name_key "_s + likeAnywhere(query.search) : u"0"_s);
    const bool byYear = query.fromYear || query.toYear;
    const AlbumOrder order = query.order;
    if (query.starredOnly || (!byYear && order == AlbumOrder::RecentlyStarred))
        joins += favouritesJoin(1, u"al.id"_s, query.userId, query.starredOnly);
    if (!byYear && order == AlbumOrder::HighestRated)
        joins += u"LEFT JOIN ratings r ON r.user_id = %1 AND r.kind = 1 AND r.item_id = al.id "_s.arg(query.userId);
    if (!byYear && (order == AlbumOrder::FrequentlyPlayed || order == AlbumOrder::RecentlyPlayed)) {
        joins += u"LEFT JOIN plays pl ON pl.user_id = %1 AND pl.track_id = t.id "_s.arg(query.userId);
        having << u"COUNT(pl.track_id) > 0"_s;
    }
    if (query.fromYear || query.toYear) {
        const int from = query.fromYear.value_or(0);
        const int to = query.toYear.value_or(9999);
        having << u"MAX(t.year) BETWEEN %1 AND %2"_s.arg(qMin(from, to)).arg(qMax(from, to));
    }
    const QString sql = u"SELECT al.id, al.title, al.artist_id, ar.name, MAX(t.year), MAX(t.genre), COUNT(t.id), "
                        "SUM(t.duration_ms), MAX(t.added_at), (SELECT COUNT(*) FROM stream_history h "
                        "JOIN tracks p ON p.id = h.track_id WHERE p.album_id = al.id) AS plays "
                        "FROM albums al JOIN artists ar ON ar.id = al.artist_id JOIN tracks t ON t.album_id = al.id "_s
        + joins + u"WHERE "_s + where.join(u" AND "_s) + u" GROUP BY al.id "_s
        + (having.isEmpty() ? QString() : u"HAVING "_s + having.join(u" AND "_s)) + u" ORDER BY "_s
        + referenceAlbumOrder(query);
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql))
        qWarning() << "reference albums:" << q.lastError().text() << sql;
    QList<AlbumSummary> albums;
    while (q.next()) {
        AlbumSummary a;
        a.id = q.value(0).toLongLong();
        a.title = q.value(1).toString();
        a.artistId = q.value(2).toLongLong();
        a.artistName = q.value(3).toString();
        a.year = q.value(4).toInt();
        a.genre = q.value(5).toString();
        a.trackCount = q.value(6).toInt();
        a.durationMs = q.value(7).toLongLong();
        a.addedAt = QDateTime::fromSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
        a.plays = q.value(9).toLongLong();
        albums << a;
    }
    return albums;
}

// Every artist credited on a visible music track, as performer or as its album's artist.
QList<ArtistSummary> TestBrowseLists::referenceArtists(const ArtistQuery &query, const Visibility &visibility) const
{
    const QString visible = u"t.kind = 0 AND "_s + folderCondition(visibility, u"t.folder_id"_s);
    QString sql = u"SELECT ar.id, ar.name, (SELECT COUNT(DISTINCT al.id) FROM albums al "
                  "JOIN tracks t ON t.album_id = al.id WHERE al.artist_id = ar.id AND %1) AS albums, "
                  "(SELECT COUNT(*) FROM tracks t WHERE t.artist_id = ar.id AND %1) AS performed "
                  "FROM artists ar "_s.arg(visible);
    if (query.starredOnly || query.order == ArtistOrder::RecentlyStarred)
        sql += favouritesJoin(2, u"ar.id"_s, query.userId, query.starredOnly);
    sql += u"WHERE (albums > 0 OR performed > 0) "_s;
    if (!query.search.isEmpty())
        sql += u"AND "_s + searchCondition(m_db->connection(), u"ar.id"_s, u"SELECT id, name_key FROM artists"_s,
                                           u"ar.name_key"_s, query.search);
    sql += query.order == ArtistOrder::RecentlyStarred ? u" ORDER BY f.starred_at DESC, ar.name_key, ar.id"_s
                                                       : u" ORDER BY ar.name_key, ar.id"_s;
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql))
        qWarning() << "reference artists:" << q.lastError().text() << sql;
    QList<ArtistSummary> artists;
    while (q.next())
        artists << ArtistSummary{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                                 q.value(3).toInt()};
    return artists;
}

QList<qint64> TestBrowseLists::referenceSongs(const QString &where, const QString &join, const QString &order) const
{
    QSqlQuery q(m_db->connection());
    const QString sql = u"SELECT t.id FROM tracks t LEFT JOIN albums al ON al.id = t.album_id "
                        "LEFT JOIN artists aa ON aa.id = al.artist_id "_s
        + join + u" WHERE "_s + where + u" ORDER BY "_s + order;
    if (!q.exec(sql))
        qWarning() << "reference songs:" << q.lastError().text() << sql;
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

void TestBrowseLists::albums_data()
{
    QTest::addColumn<AlbumQuery>("query");
    const auto row = [](const char *name, auto change) {
        AlbumQuery query;
        query.limit = 7;
        change(query);
        QTest::newRow(name) << query;
    };
    const std::pair<const char *, AlbumOrder> orders[]{
        {"name", AlbumOrder::Name}, {"artist", AlbumOrder::Artist}, {"year", AlbumOrder::Year},
        {"added", AlbumOrder::RecentlyAdded}, {"most played", AlbumOrder::MostPlayed}, {"random", AlbumOrder::Random},
        {"highest rated", AlbumOrder::HighestRated}, {"frequently played", AlbumOrder::FrequentlyPlayed},
        {"recently played", AlbumOrder::RecentlyPlayed}, {"recently starred", AlbumOrder::RecentlyStarred}};
    for (const auto &[name, order] : orders) {
        const AlbumOrder o = order;
        const char *const label = name;   // clang before 16 cannot capture a structured binding
        row(label, [&](AlbumQuery &q) { q.order = o; });
        const auto named = [&](const char *more) { return QByteArray(label).append(more); };
        row(named(" of alice").constData(), [&](AlbumQuery &q) { q.order = o; q.userId = 1; });
        row(named(", Jazz").constData(), [&](AlbumQuery &q) { q.order = o; q.userId = 1; q.genre = u"Jazz"_s; });
        row(named(", starred").constData(), [&](AlbumQuery &q) { q.order = o; q.userId = 1; q.starredOnly = true; });
        row(named(", search").constData(), [&](AlbumQuery &q) { q.order = o; q.search = u"a"_s; });
    }
    row("by an artist", [](AlbumQuery &q) { q.artistId = 1; });
    row("search by artist name", [](AlbumQuery &q) { q.search = u"émile"_s; });
    row("search with a wildcard", [](AlbumQuery &q) { q.search = u"%"_s; });
    row("years ascending", [](AlbumQuery &q) { q.fromYear = 1991; q.toYear = 1995; });
    row("years descending", [](AlbumQuery &q) { q.fromYear = 1996; q.toYear = 1990; });
    row("from a year", [](AlbumQuery &q) { q.fromYear = 1994; });
    row("to a year, Rock", [](AlbumQuery &q) { q.toYear = 1993; q.genre = u"Rock"_s; });
    row("years, starred", [](AlbumQuery &q) {
        q.fromYear = 1990;
        q.toYear = 1997;
        q.userId = 1;
        q.starredOnly = true;
    });
    row("unknown genre", [](AlbumQuery &q) { q.genre = u"Polka"_s; });
}

void TestBrowseLists::albums()
{
    QFETCH(AlbumQuery, query);
    if (query.userId)
        query.userId = m_alice;
    const bool random = query.order == AlbumOrder::Random && !query.fromYear && !query.toYear;
    if (random)
        query.limit = 1000;   // one page: each page is drawn anew
    const AlbumRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        const QList<AlbumSummary> expected = referenceAlbums(query, visibility);
        QList<AlbumSummary> paged;
        for (AlbumQuery page = query; page.offset <= expected.size(); page.offset += page.limit) {
            const Page<AlbumSummary> got = repository.list(page, visibility);
            QCOMPARE(got.total, expected.size());
            paged += got.items;
            AlbumQuery uncountedPage = page;   // the same page, uncounted
            uncountedPage.withTotal = false;
            const Page<AlbumSummary> uncounted = repository.list(uncountedPage, visibility);
            QCOMPARE(uncounted.total, -1);
            if (!random)
                QCOMPARE(describeAll(uncounted.items), describeAll(got.items));
        }
        QStringList got = describeAll(paged);
        QStringList want = describeAll(expected);
        if (random) {
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
        }
        QCOMPARE(got, want);
    }
}

void TestBrowseLists::albumsFound()
{
    const AlbumRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        QHash<qint64, AlbumSummary> listed;
        for (const AlbumSummary &a : referenceAlbums(AlbumQuery(), visibility))
            listed.insert(a.id, a);
        for (const qint64 id : m_albumIds) {
            const std::optional<AlbumSummary> found = repository.find(id, visibility);
            QCOMPARE(found.has_value(), listed.contains(id));
            if (found)
                QCOMPARE(describe(*found), describe(listed[id]));
        }
    }
}

void TestBrowseLists::genres()
{
    for (const Visibility &visibility : visibilities()) {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"SELECT t.genre, COUNT(DISTINCT t.album_id), COUNT(t.id) FROM tracks t WHERE t.kind = 0 AND "_s
                       + folderCondition(visibility, u"t.folder_id"_s)
                       + u" AND t.genre <> '' GROUP BY t.genre ORDER BY t.genre COLLATE NOCASE"_s));
        const auto line = [](const QString &name, int albums, int tracks) {
            return u"%1: %2 albums, %3 tracks"_s.arg(name).arg(albums).arg(tracks);
        };
        QStringList expected;
        while (q.next())
            expected << line(q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt());
        QStringList got;
        for (const GenreSummary &g : AlbumRepository(*m_db).genres(visibility))
            got << line(g.name, g.albumCount, g.trackCount);
        QCOMPARE(got, expected);
    }
}

void TestBrowseLists::artists_data()
{
    QTest::addColumn<ArtistQuery>("query");
    const auto row = [](const char *name, ArtistOrder order, const QString &search, bool starredOnly) {
        ArtistQuery query;
        query.limit = 3;
        query.order = order;
        query.search = search;
        query.userId = 1;
        query.starredOnly = starredOnly;
        QTest::newRow(name) << query;
    };
    row("by name", ArtistOrder::Name, {}, false);
    row("recently starred", ArtistOrder::RecentlyStarred, {}, false);
    row("starred only", ArtistOrder::Name, {}, true);
    row("recently starred only", ArtistOrder::RecentlyStarred, {}, true);
    row("search", ArtistOrder::Name, u"AN"_s, false);
    row("search with accents", ArtistOrder::Name, u"émi"_s, false);
    row("search nothing", ArtistOrder::Name, u"xyz"_s, false);
}

void TestBrowseLists::artists()
{
    QFETCH(ArtistQuery, query);
    query.userId = m_alice;
    const ArtistRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        const QList<ArtistSummary> expected = referenceArtists(query, visibility);
        QList<ArtistSummary> paged;
        for (ArtistQuery page = query; page.offset <= expected.size(); page.offset += page.limit) {
            const Page<ArtistSummary> got = repository.list(page, visibility);
            QCOMPARE(got.total, expected.size());
            paged += got.items;
            ArtistQuery uncountedPage = page;   // the same page, uncounted
            uncountedPage.withTotal = false;
            const Page<ArtistSummary> uncounted = repository.list(uncountedPage, visibility);
            QCOMPARE(uncounted.total, -1);
            QCOMPARE(describeAll(uncounted.items), describeAll(got.items));
        }
        QCOMPARE(describeAll(paged), describeAll(expected));
    }
}

void TestBrowseLists::artistsFound()
{
    const ArtistRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        QHash<qint64, ArtistSummary> listed;
        for (const ArtistSummary &a : referenceArtists(ArtistQuery(), visibility))
            listed.insert(a.id, a);
        for (const qint64 id : m_artistIds) {
            const std::optional<ArtistSummary> found = repository.find(id, visibility);
            QCOMPARE(found.has_value(), listed.contains(id));
            if (found)
                QCOMPARE(describe(*found), describe(listed[id]));
        }
    }
}

void TestBrowseLists::songs_data()
{
    QTest::addColumn<SongQuery>("query");
    const auto row = [](const char *name, auto change) {
        SongQuery query;
        query.limit = 9;
        query.userId = 1;
        change(query);
        QTest::newRow(name) << query;
    };
    row("library order", [](SongQuery &) {});
    row("library order, Rock", [](SongQuery &q) { q.genre = u"Rock"_s; });
    row("library order, years", [](SongQuery &q) { q.fromYear = 1995; q.toYear = 1992; });
    row("random", [](SongQuery &q) { q.order = SongOrder::Random; });
    row("recently starred", [](SongQuery &q) { q.order = SongOrder::RecentlyStarred; });
    row("starred only", [](SongQuery &q) { q.starredOnly = true; });
    row("recently starred only, Jazz", [](SongQuery &q) {
        q.order = SongOrder::RecentlyStarred;
        q.starredOnly = true;
        q.genre = u"Jazz"_s;
    });
    // A client's sync: every song once, page after page, in id order.
    row("by id", [](SongQuery &q) { q.order = SongOrder::Id; });
    row("by id, all at once", [](SongQuery &q) { q.order = SongOrder::Id; q.limit = 1000; });
    row("by id, search", [](SongQuery &q) { q.order = SongOrder::Id; q.search = u"SONG 1"_s; });
    row("library order, search", [](SongQuery &q) { q.search = u"émile"_s; });
    row("library order, search with a wildcard", [](SongQuery &q) { q.search = u"_"_s; });
}

void TestBrowseLists::songs()
{
    QFETCH(SongQuery, query);
    query.userId = m_alice;
    if (query.order == SongOrder::Random)
        query.limit = 1000;   // one page: each page is drawn anew
    const TrackRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        QStringList where{u"t.kind = 0"_s, folderCondition(visibility, u"t.folder_id"_s)};
        if (!query.genre.isEmpty())
            where << u"t.genre = "_s + quoted(query.genre);
        if (query.fromYear && query.toYear) {
            where << u"t.year BETWEEN %1 AND %2"_s.arg(qMin(*query.fromYear, *query.toYear))
                         .arg(qMax(*query.fromYear, *query.toYear));
        }
        if (!query.search.isEmpty()) {
            where << searchCondition(m_db->connection(), u"t.id"_s, u"SELECT id, search FROM tracks"_s,
                                     u"t.search"_s, query.search);
        }
        QString join;
        if (query.starredOnly || query.order == SongOrder::RecentlyStarred)
            join = favouritesJoin(0, u"t.id"_s, m_alice, query.starredOnly);
        QString order = kLibraryOrder;
        if (query.order == SongOrder::RecentlyStarred)
            order = u"f.starred_at DESC, "_s + kLibraryOrder;
        else if (query.order == SongOrder::Random || query.order == SongOrder::Id)
            order = u"t.id"_s;
        const QList<qint64> expected = referenceSongs(where.join(u" AND "_s), join, order);
        QList<qint64> paged;
        for (SongQuery page = query; page.offset <= expected.size(); page.offset += page.limit) {
            for (const Track &t : repository.songs(page, visibility))
                paged << t.id;
        }
        // A search lists by relevance (tst_catalog checks that order): compared as a set, each
        // match once over all pages.
        const bool ranked = !plainWords(query.search).isEmpty();
        if (query.order == SongOrder::Random || ranked)
            std::sort(paged.begin(), paged.end());
        QList<qint64> wanted = expected;
        if (ranked)
            std::sort(wanted.begin(), wanted.end());
        QCOMPARE(paged, wanted);
    }
}

void TestBrowseLists::trackLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<MediaKind>>("kind");
    QTest::newRow("everything") << QString() << std::optional<MediaKind>();
    QTest::newRow("audio") << QString() << std::optional(MediaKind::Audio);
    QTest::newRow("video") << QString() << std::optional(MediaKind::Video);
    QTest::newRow("text") << u"SONG 1"_s << std::optional<MediaKind>();
    QTest::newRow("text, audio") << u"émile"_s << std::optional(MediaKind::Audio);
}

void TestBrowseLists::trackLists()
{
    QFETCH(QString, text);
    QFETCH(std::optional<MediaKind>, kind);
    const TrackRepository repository(*m_db);
    for (const Visibility &visibility : visibilities()) {
        QStringList where{folderCondition(visibility, u"t.folder_id"_s)};
        if (kind)
            where << u"t.kind = %1"_s.arg(*kind == MediaKind::Video ? 1 : 0);
        if (!text.isEmpty()) {
            where << searchCondition(m_db->connection(), u"t.id"_s, u"SELECT id, search FROM tracks"_s,
                                     u"t.search"_s, text);
        }
        const QList<qint64> expected = referenceSongs(where.join(u" AND "_s), {}, kLibraryOrder);
        QList<Track> paged;
        for (qint64 offset = 0; offset <= expected.size(); offset += 11) {
            const TrackPage page = repository.list(offset, 11, text, visibility, kind);
            QCOMPARE(page.total, expected.size());
            paged += page.items;
        }
        QList<qint64> ids;
        for (const Track &t : std::as_const(paged)) {
            ids << t.id;
            const std::optional<Track> alone = repository.find(t.id, visibility);
            QVERIFY(alone);
            QCOMPARE(describe(t), describe(*alone));
        }
        QList<qint64> wanted = expected;
        if (!plainWords(text).isEmpty()) {   // by relevance: as a set
            std::sort(ids.begin(), ids.end());
            std::sort(wanted.begin(), wanted.end());
        }
        QCOMPARE(ids, wanted);
    }
}

QTEST_GUILESS_MAIN(TestBrowseLists)
#include "tst_browse_lists.moc"
