// Browsing over HTTP: albums (paging, sorts, filters), an album's tracks, artists, genres,
// videos and grouped search, each within the caller's folder grants; and the administrators'
// library folder writes. Real server, real scan, real users (AuthServer: root, alice on
// "shared", bob on "private").

#include "AuthServer.h"
#include "MediaFixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestBrowseHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void albumsPagedAndSorted();
    void albumFilters();
    void namePagesFollowNext();
    void albumWithTracksInOrder();
    void artistsAndTheirAlbums();
    void genresAndVideos();
    void groupedSearch();
    void searchTextIsNeverSyntax_data();
    void searchTextIsNeverSyntax();
    void grantsLimitEverything();
    void badQueries_data();
    void badQueries();
    void foldersAddedAndRemoved();
    void folderWritesRefused_data();
    void folderWritesRefused();

private:
    QJsonObject getJson(const QByteArray &target, const QByteArray &token, int expectedStatus = 200);
    static QStringList field(const QJsonArray &items, const QString &name);

    AuthServer m_server;
    QByteArray m_root, m_alice, m_bob;
};

namespace {

QJsonObject bodyOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

void TestBrowseHttp::initTestCase()
{
    const QString shared = m_server.sharedDir();
    const QString priv = m_server.privateDir();
    const auto audio = [](const QString &path, const QString &title, const QString &artist, const QString &album,
                          const QString &extra = {}) {
        Tags tags{{u"title"_s, title}, {u"artist"_s, artist}, {u"album"_s, album}};
        for (const QString &pair : extra.split(u';', Qt::SkipEmptyParts))
            tags.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        return makeAudio(path, 1, tags);
    };
    QVERIFY(QDir().mkpath(shared + u"/Zed"_s));
    QCOMPARE(audio(shared + u"/Zed/2.mp3"_s, u"Second"_s, u"Zoë Ash"_s, u"Árbol"_s, u"track=2;date=2001;genre=Jazz"_s), QString());
    QCOMPARE(audio(shared + u"/Zed/1.mp3"_s, u"First"_s, u"Zoë Ash"_s, u"Árbol"_s, u"track=1;date=2001;genre=Jazz"_s), QString());
    QCOMPARE(audio(shared + u"/Zed/d2.mp3"_s, u"Disc Two"_s, u"Zoë Ash"_s, u"Árbol"_s, u"track=1;disc=2;date=2001;genre=Jazz"_s), QString());
    QCOMPARE(audio(shared + u"/b.mp3"_s, u"<img src=x onerror=alert(1)>"_s, u"Bea"_s, u"Bright"_s, u"date=1999;genre=Rock"_s), QString());
    QCOMPARE(audio(shared + u"/c.mp3"_s, u"Calm"_s, u"Bea"_s, u"Calm Waters"_s, u"date=2010;genre=Rock"_s), QString());
    QCOMPARE(makeVideo(shared + u"/clip.mp4"_s, 1), QString());
    QCOMPARE(audio(priv + u"/p.flac"_s, u"Hidden"_s, u"Private Pat"_s, u"Secret Album"_s, u"genre=Ambient"_s), QString());
    QCOMPARE(m_server.start(), QString());
    m_root = bearer(m_server.tokenFor(m_server.rootId));
    m_alice = bearer(m_server.tokenFor(m_server.aliceId));
    m_bob = bearer(m_server.tokenFor(m_server.bobId));
}

QJsonObject TestBrowseHttp::getJson(const QByteArray &target, const QByteArray &token, int expectedStatus)
{
    const RawResponse r = request(m_server.port(), "GET", target, {token});
    if (r.status != expectedStatus)
        qWarning() << target << r.status << r.body;
    return r.status == expectedStatus ? bodyOf(r) : QJsonObject{{u"unexpected status"_s, r.status}};
}

QStringList TestBrowseHttp::field(const QJsonArray &items, const QString &name)
{
    QStringList values;
    for (const QJsonValue &item : items)
        values << item.toObject().value(name).toVariant().toString();
    return values;
}

void TestBrowseHttp::albumsPagedAndSorted()
{
    QJsonObject page = getJson("/api/albums", m_root);
    QCOMPARE(page.value(u"total"_s).toInt(), 4);   // music only: the video is not an album
    page = getJson("/api/albums?q=&genre=Jazz", m_root);
    QCOMPARE(field(page.value(u"items"_s).toArray(), u"title"_s), QStringList{u"Árbol"_s});
    const QJsonObject arbol = page.value(u"items"_s).toArray().at(0).toObject();
    QCOMPARE(arbol.value(u"artist"_s).toString(), u"Zoë Ash"_s);
    QCOMPARE(arbol.value(u"trackCount"_s).toInt(), 3);
    QCOMPARE(arbol.value(u"year"_s).toInt(), 2001);
    QVERIFY(arbol.value(u"duration"_s).toDouble() > 2.5);
    QVERIFY(!arbol.value(u"addedAt"_s).toString().isEmpty());

    const QStringList byYear = field(getJson("/api/albums?sort=year&genre=Rock", m_root).value(u"items"_s).toArray(), u"title"_s);
    QCOMPARE(byYear, (QStringList{u"Calm Waters"_s, u"Bright"_s}));
    const QStringList byName = field(getJson("/api/albums?sort=name&genre=Rock", m_root).value(u"items"_s).toArray(), u"title"_s);
    QCOMPARE(byName, (QStringList{u"Bright"_s, u"Calm Waters"_s}));

    page = getJson("/api/albums?sort=name&genre=Rock&offset=1&limit=1", m_root);
    QCOMPARE(page.value(u"total"_s).toInt(), 2);
    QCOMPARE(page.value(u"offset"_s).toInt(), 1);
    QCOMPARE(field(page.value(u"items"_s).toArray(), u"title"_s), QStringList{u"Calm Waters"_s});
    for (const QByteArray sort : {"artist", "added", "played", "random"})
        QCOMPARE(getJson("/api/albums?sort=" + sort, m_root).value(u"total"_s).toInt(), 4);
}

// Following `next` from page to page (limit 1) lists what one page lists, for albums (with a
// filter too) and artists; the last page says there is none after it.
void TestBrowseHttp::namePagesFollowNext()
{
    const auto followed = [this](const QByteArray &first, const QString &name) {
        QStringList names;
        QByteArray target = first;
        for (int pages = 0; pages < 20 && !target.isEmpty(); ++pages) {
            const QJsonObject page = getJson(target, m_root);
            if (!page.contains(u"next"_s))
                return QStringList{u"no next in "_s + QString::fromLatin1(target)};
            names += field(page.value(u"items"_s).toArray(), name);
            const QString next = page.value(u"next"_s).toString();
            target = next.isEmpty() ? QByteArray()
                                    : first.left(first.indexOf("&offset")) + "&after=" + QUrl::toPercentEncoding(next);
        }
        if (!target.isEmpty())
            names << u"(no last page)"_s;
        return names;
    };
    const auto all = [this](const QByteArray &target, const QString &name) {
        return field(getJson(target, m_root).value(u"items"_s).toArray(), name);
    };
    QCOMPARE(all("/api/albums?limit=500", u"title"_s).size(), 4);
    QCOMPARE(followed("/api/albums?limit=1&offset=0", u"title"_s), all("/api/albums?limit=500", u"title"_s));
    QCOMPARE(followed("/api/albums?sort=name&genre=Rock&limit=1&offset=0", u"title"_s),
             (QStringList{u"Bright"_s, u"Calm Waters"_s}));
    QVERIFY(all("/api/artists?limit=500", u"name"_s).size() >= 3);
    QCOMPARE(followed("/api/artists?limit=1&offset=0", u"name"_s), all("/api/artists?limit=500", u"name"_s));
    QCOMPARE(followed("/api/artists?limit=2&q=bea&offset=0", u"name"_s), QStringList{u"Bea"_s});
    // Orders other than by name page by offset only: no `next`.
    QVERIFY(!getJson("/api/albums?sort=year", m_root).contains(u"next"_s));
}

void TestBrowseHttp::albumFilters()
{
    const QJsonArray artists = getJson("/api/artists?q=bea", m_root).value(u"items"_s).toArray();
    QCOMPARE(artists.size(), 1);
    const QByteArray beaId = QByteArray::number(artists.at(0).toObject().value(u"id"_s).toInteger());
    const QStringList titles = field(getJson("/api/albums?artist=" + beaId, m_root).value(u"items"_s).toArray(), u"title"_s);
    QCOMPARE(titles, (QStringList{u"Bright"_s, u"Calm Waters"_s}));
    QCOMPARE(field(getJson("/api/albums?q=%C3%81RBOL", m_root).value(u"items"_s).toArray(), u"title"_s),
             QStringList{u"Árbol"_s});
}

void TestBrowseHttp::albumWithTracksInOrder()
{
    const QJsonArray items = getJson("/api/albums?genre=Jazz", m_root).value(u"items"_s).toArray();
    const QByteArray id = QByteArray::number(items.at(0).toObject().value(u"id"_s).toInteger());
    const QJsonObject album = getJson("/api/albums/" + id, m_root);
    QCOMPARE(album.value(u"title"_s).toString(), u"Árbol"_s);
    QCOMPARE(field(album.value(u"tracks"_s).toArray(), u"title"_s),
             (QStringList{u"First"_s, u"Second"_s, u"Disc Two"_s}));
    QCOMPARE(getJson("/api/albums/99999", m_root, 404).value(u"error"_s).toString(), u"no such album"_s);
}

void TestBrowseHttp::artistsAndTheirAlbums()
{
    const QJsonObject page = getJson("/api/artists", m_root);
    QCOMPARE(field(page.value(u"items"_s).toArray(), u"name"_s).first(), u"Bea"_s);   // by name
    QVERIFY(field(page.value(u"items"_s).toArray(), u"name"_s).contains(u"Zoë Ash"_s));
    const QJsonObject bea = page.value(u"items"_s).toArray().at(0).toObject();
    QCOMPARE(bea.value(u"albumCount"_s).toInt(), 2);
    QCOMPARE(bea.value(u"trackCount"_s).toInt(), 2);
    const QJsonObject artist = getJson("/api/artists/" + QByteArray::number(bea.value(u"id"_s).toInteger()), m_root);
    QCOMPARE(field(artist.value(u"albums"_s).toArray(), u"title"_s), (QStringList{u"Bright"_s, u"Calm Waters"_s}));
    QCOMPARE(getJson("/api/artists/99999", m_root, 404).value(u"error"_s).toString(), u"no such artist"_s);
}

void TestBrowseHttp::genresAndVideos()
{
    const QJsonArray genres = getJson("/api/genres", m_root).value(u"items"_s).toArray();
    QCOMPARE(field(genres, u"name"_s), (QStringList{u"Ambient"_s, u"Jazz"_s, u"Rock"_s}));
    QCOMPARE(genres.at(2).toObject().value(u"albumCount"_s).toInt(), 2);
    const QJsonObject videos = getJson("/api/videos", m_root);
    QCOMPARE(videos.value(u"total"_s).toInt(), 1);
    QCOMPARE(videos.value(u"items"_s).toArray().at(0).toObject().value(u"kind"_s).toString(), u"video"_s);
}

void TestBrowseHttp::groupedSearch()
{
    QJsonObject found = getJson("/api/search?q=zo%C3%AB", m_root);
    QCOMPARE(field(found.value(u"artists"_s).toArray(), u"name"_s), QStringList{u"Zoë Ash"_s});
    QCOMPARE(field(found.value(u"albums"_s).toArray(), u"title"_s), QStringList{u"Árbol"_s});
    QCOMPARE(found.value(u"tracks"_s).toArray().size(), 3);
    found = getJson("/api/search?q=zo%C3%AB&limit=1", m_root);
    QCOMPARE(found.value(u"tracks"_s).toArray().size(), 1);
    // The tag is data: it comes back exactly as written, for the page to show as text.
    found = getJson("/api/search?q=onerror", m_root);
    QCOMPARE(field(found.value(u"tracks"_s).toArray(), u"title"_s), QStringList{u"<img src=x onerror=alert(1)>"_s});
    found = getJson("/api/search?q=", m_root);
    QVERIFY(found.value(u"artists"_s).toArray().isEmpty() && found.value(u"tracks"_s).toArray().isEmpty());
    // Without its diacritics, as a prefix: the same finds.
    found = getJson("/api/search?q=ZOE%20as", m_root);
    QCOMPARE(field(found.value(u"artists"_s).toArray(), u"name"_s), QStringList{u"Zoë Ash"_s});
    QCOMPARE(found.value(u"tracks"_s).toArray().size(), 3);
    found = getJson("/api/search?q=arb", m_root);
    QCOMPARE(field(found.value(u"albums"_s).toArray(), u"title"_s), QStringList{u"Árbol"_s});
    // Tracks by relevance: the title equal to the text first.
    found = getJson("/api/search?q=calm", m_root);
    QCOMPARE(field(found.value(u"tracks"_s).toArray(), u"title"_s), QStringList{u"Calm"_s});
    const QJsonObject tracks = getJson("/api/tracks?q=second%20zoe", m_root);
    QCOMPARE(tracks.value(u"total"_s).toInt(), 1);
    QCOMPARE(field(tracks.value(u"items"_s).toArray(), u"title"_s), QStringList{u"Second"_s});
}

// What users type that the full-text index would read as its syntax is plain text: every
// endpoint that searches answers 200, whatever the characters.
void TestBrowseHttp::searchTextIsNeverSyntax_data()
{
    QTest::addColumn<QByteArray>("q");   // percent-encoded
    QTest::newRow("quote") << "%22"_ba;
    QTest::newRow("lone quote before") << "%22zo"_ba;
    QTest::newRow("star") << "*"_ba;
    QTest::newRow("star after") << "zo*"_ba;
    QTest::newRow("minus") << "-zoe"_ba;
    QTest::newRow("OR") << "zoe%20OR%20bea"_ba;
    QTest::newRow("NOT alone") << "NOT"_ba;
    QTest::newRow("NEAR(") << "NEAR(zoe%20bea"_ba;
    QTest::newRow("caret") << "%5Ezoe"_ba;
    QTest::newRow("colon") << "title%3Azoe"_ba;
    QTest::newRow("braces") << "%7Btitle%7D%3A%20x"_ba;
    QTest::newRow("parentheses") << "((("_ba;
    QTest::newRow("percent and underscore") << "%25_"_ba;
    QTest::newRow("NUL") << "zo%00e"_ba;
    QTest::newRow("control characters") << "%01%1F%7F"_ba;
    QTest::newRow("CJK") << "%E6%9D%B1%E4%BA%AC"_ba;
    QTest::newRow("200 characters") << QByteArray(200, 'x');
    QTest::newRow("100 words") << QByteArray("a%20").repeated(50);
}

void TestBrowseHttp::searchTextIsNeverSyntax()
{
    QFETCH(QByteArray, q);
    for (const QByteArray path : {"/api/search?q=", "/api/tracks?q=", "/api/albums?q=", "/api/artists?q=", "/api/videos?q="}) {
        const RawResponse r = request(m_server.port(), "GET", path + q, {m_alice});
        const QByteArray what = QByteArray(path) + q + " answered " + QByteArray::number(r.status);
        QVERIFY2(r.status == 200, what.constData());
    }
}

void TestBrowseHttp::grantsLimitEverything()
{
    // alice sees "shared" only, bob "private" only.
    QCOMPARE(getJson("/api/albums", m_alice).value(u"total"_s).toInt(), 3);
    QCOMPARE(field(getJson("/api/albums", m_bob).value(u"items"_s).toArray(), u"title"_s), QStringList{u"Secret Album"_s});
    const QByteArray secret = QByteArray::number(
        getJson("/api/albums", m_bob).value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toInteger());
    QCOMPARE(getJson("/api/albums/" + secret, m_alice, 404).value(u"error"_s).toString(), u"no such album"_s);
    QVERIFY(!field(getJson("/api/artists", m_alice).value(u"items"_s).toArray(), u"name"_s).contains(u"Private Pat"_s));
    QCOMPARE(field(getJson("/api/genres", m_alice).value(u"items"_s).toArray(), u"name"_s), (QStringList{u"Jazz"_s, u"Rock"_s}));
    QJsonObject found = getJson("/api/search?q=hidden", m_alice);
    QVERIFY(found.value(u"tracks"_s).toArray().isEmpty());
    found = getJson("/api/search?q=hidden", m_bob);
    QCOMPARE(found.value(u"tracks"_s).toArray().size(), 1);
    QCOMPARE(getJson("/api/videos", m_bob).value(u"total"_s).toInt(), 0);
    QCOMPARE(request(m_server.port(), "GET", "/api/albums", {}).status, 401);
}

void TestBrowseHttp::badQueries_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("bad sort") << "/api/albums?sort=size"_ba << 400 << u"'sort' must be one of: name, artist, year, added, played, random"_s;
    QTest::newRow("artist sort") << "/api/artists?sort=year"_ba << 400 << u"'sort' must be one of: name"_s;
    QTest::newRow("limit 0") << "/api/albums?limit=0"_ba << 400 << u"'limit' must be an integer from 1 to 500"_s;
    QTest::newRow("limit text") << "/api/artists?limit=ten"_ba << 400 << u"'limit'"_s;
    QTest::newRow("negative offset") << "/api/videos?offset=-1"_ba << 400 << u"'offset'"_s;
    QTest::newRow("search limit") << "/api/search?q=a&limit=51"_ba << 400 << u"from 1 to 50"_s;
    QTest::newRow("album id") << "/api/albums/x1"_ba << 400 << u"album id must be a positive integer"_s;
    QTest::newRow("artist id") << "/api/artists/0"_ba << 400 << u"artist id must be a positive integer"_s;
    QTest::newRow("artist filter") << "/api/albums?artist=-3"_ba << 400 << u"artist id must be a positive integer"_s;
    QTest::newRow("long q") << "/api/search?q="_ba + QByteArray(201, 'a') << 400 << u"'q' is longer than 200 characters"_s;
    QTest::newRow("made-up cursor") << "/api/albums?after=xyz"_ba << 400 << u"'after' is not a cursor"_s;
    QTest::newRow("artist cursor for albums") << "/api/albums?after=WyJhIiw1XQ"_ba << 400 << u"'after' is not a cursor"_s;
    QTest::newRow("album cursor for artists") << "/api/artists?after=WyJhIiwiYiIsNV0"_ba << 400 << u"'after' is not a cursor"_s;
    QTest::newRow("cursor and offset") << "/api/albums?after=WyJhIiwiYiIsNV0&offset=0"_ba << 400 << u"exclude each other"_s;
    QTest::newRow("cursor by year") << "/api/albums?sort=year&after=WyJhIiwiYiIsNV0"_ba << 400 << u"by name only"_s;
}

void TestBrowseHttp::badQueries()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, errorPart);
    const RawResponse r = request(m_server.port(), "GET", target, {m_root});
    QCOMPARE(r.status, status);
    const QString error = bodyOf(r).value(u"error"_s).toString();
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestBrowseHttp::foldersAddedAndRemoved()
{
    QTemporaryDir outside;
    QCOMPARE(makeAudio(outside.filePath(u"new.mp3"_s), 1, {{u"title"_s, u"Newcomer"_s}}), QString());
    const QByteArray body = QJsonDocument(QJsonObject{{u"path"_s, outside.path()}}).toJson(QJsonDocument::Compact);
    RawResponse r = request(m_server.port(), "POST", "/api/folders", {m_root}, body);
    QCOMPARE(r.status, 201);
    const qint64 id = bodyOf(r).value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(bodyOf(r).value(u"path"_s).toString(), QDir::cleanPath(outside.path()));
    QVERIFY(field(getJson("/api/folders", m_root).value(u"items"_s).toArray(), u"path"_s).contains(QDir::cleanPath(outside.path())));
    // The same folder again, or one inside it: the files would be catalogued twice.
    QCOMPARE(request(m_server.port(), "POST", "/api/folders", {m_root}, body).status, 409);
    QVERIFY(QDir(outside.path()).mkdir(u"inner"_s));
    r = request(m_server.port(), "POST", "/api/folders", {m_root},
                QJsonDocument(QJsonObject{{u"path"_s, outside.filePath(u"inner"_s)}}).toJson());
    QCOMPARE(r.status, 409);
    QVERIFY(bodyOf(r).value(u"error"_s).toString().contains(u"overlaps"_s));

    QCOMPARE(request(m_server.port(), "DELETE", "/api/folders/" + QByteArray::number(id), {m_root}).status, 204);
    QVERIFY(!field(getJson("/api/folders", m_root).value(u"items"_s).toArray(), u"path"_s).contains(QDir::cleanPath(outside.path())));
    QCOMPARE(request(m_server.port(), "DELETE", "/api/folders/" + QByteArray::number(id), {m_root}).status, 404);
}

void TestBrowseHttp::folderWritesRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("asAlice");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("not admin") << "POST"_ba << "/api/folders"_ba << R"({"path":"/tmp"})"_ba << true << 403 << QString();
    QTest::newRow("not admin delete") << "DELETE"_ba << "/api/folders/1"_ba << QByteArray() << true << 403 << QString();
    QTest::newRow("no body") << "POST"_ba << "/api/folders"_ba << ""_ba << false << 400 << u"{\"path\""_s;
    QTest::newRow("not json") << "POST"_ba << "/api/folders"_ba << "path=/tmp"_ba << false << 400 << u"{\"path\""_s;
    QTest::newRow("path not text") << "POST"_ba << "/api/folders"_ba << R"({"path":42})"_ba << false << 400 << u"{\"path\""_s;
    QTest::newRow("relative") << "POST"_ba << "/api/folders"_ba << R"({"path":"music"})"_ba << false << 400 << u"absolute"_s;
    QTest::newRow("missing") << "POST"_ba << "/api/folders"_ba << R"({"path":"/no/such/dir/here"})"_ba << false << 400
                             << u"no such directory on the server: /no/such/dir/here"_s;
    QTest::newRow("a file") << "POST"_ba << "/api/folders"_ba << R"({"path":"/etc/hostname"})"_ba << false << 400
                            << u"no such directory"_s;
    QTest::newRow("around a library folder") << "POST"_ba << "/api/folders"_ba << R"({"path":"/"})"_ba << false << 409
                                             << u"overlaps"_s;
    QTest::newRow("bad id") << "DELETE"_ba << "/api/folders/abc"_ba << QByteArray() << false << 400
                            << u"folder id must be a positive integer"_s;
}

void TestBrowseHttp::folderWritesRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(bool, asAlice);
    QFETCH(int, status);
    QFETCH(QString, errorPart);
    const int foldersBefore = getJson("/api/folders", m_root).value(u"items"_s).toArray().size();
    const RawResponse r = request(m_server.port(), method, target, {asAlice ? m_alice : m_root}, body);
    QCOMPARE(r.status, status);
    const QString error = bodyOf(r).value(u"error"_s).toString();
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QCOMPARE(getJson("/api/folders", m_root).value(u"items"_s).toArray().size(), foldersBefore);
}

QTEST_GUILESS_MAIN(TestBrowseHttp)
#include "tst_browse_http.moc"
