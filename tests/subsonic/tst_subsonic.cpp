// The OpenSubsonic API over HTTP against the real server and a generated library: the envelope
// in XML (the default) and JSON, `.view` and form POST, the spec's errors, browsing by tags and
// by directories, search paging, album lists, and the bytes of stream, download and covers.

#include "MediaFixtures.h"
#include "activity/ActivityRegistry.h"
#include "SubsonicAnswer.h"
#include "subsonic/SubsonicNode.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include <QDir>
#include <QImage>
#include <QTemporaryFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestSubsonic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pingInBothFormats();
    void viewSuffixAndFormPost();
    void extensionsWithoutCredentials();
    void errorsInTheAskedFormat_data();
    void errorsInTheAskedFormat();
    void singleElementListsStayLists();
    void controlCharactersNeverBreakXml();
    void artistsArtistAlbumSong();
    void directoriesAndIndexes();
    void genresAndFolders();
    void search3EmptyQueryPagesEverything();
    void search3FindsByText();
    void search3TextIsNeverSyntax_data();
    void search3TextIsNeverSyntax();
    void albumLists_data();
    void albumLists();
    void streamOriginalBytes();
    void streamRangeAndDownload();
    void streamTranscodedToMaxBitRate();
    void estimatedLengthHolds();
    void streamTimeOffset();
    void streamsShowTheClientsName();
    void coverArtSizesAndValidators();
    void lyricsBySongId();
    void scanStatusAndUser();

private:
    TestHttpResponse get(const QString &method, const QString &query = {});
    SubsonicXml xml(const QString &method, const QString &query = {});
    SubsonicJson json(const QString &method, const QString &query = {});
    QString songId(const QString &title);

    TestServer m_server;
    QStringList m_songIds;   // every song, from search3
};

TestHttpResponse TestSubsonic::get(const QString &method, const QString &query)
{
    TestHttpClient client(m_server.port());
    const QString target = u"/rest/"_s + method + u"?c=tst&v=1.16.1"_s + (query.isEmpty() ? QString() : u"&"_s + query);
    return client.get(QUrl(target).toEncoded());
}

SubsonicXml TestSubsonic::xml(const QString &method, const QString &query)
{
    const TestHttpResponse r = get(method, query);
    return r.status == 200 ? SubsonicXml::parse(r.body) : SubsonicXml{};
}

SubsonicJson TestSubsonic::json(const QString &method, const QString &query)
{
    const TestHttpResponse r = get(method, u"f=json"_s + (query.isEmpty() ? QString() : u"&"_s + query));
    return r.status == 200 ? SubsonicJson::parse(r.body) : SubsonicJson{};
}

QString TestSubsonic::songId(const QString &title)
{
    const SubsonicJson j = json(u"search3"_s, u"query=&songCount=500&artistCount=0&albumCount=0"_s);
    for (const QJsonValue &v : j.response[u"searchResult3"_s][u"song"_s].toArray())
        if (v[u"title"_s].toString() == title)
            return v[u"id"_s].toString();
    return {};
}

void TestSubsonic::initTestCase()
{
    const QString lib = m_server.libraryDir();
    QDir().mkpath(lib + u"/ann/alpha"_s);
    QDir().mkpath(lib + u"/ann/beta"_s);
    QDir().mkpath(lib + u"/solo"_s);
    auto audio = [](const QString &path, const QString &title, const QString &artist, const QString &album,
                    const QString &track, const QString &year, const QString &genre) {
        return makeAudio(path, 6, {{u"title"_s, title}, {u"artist"_s, artist}, {u"album_artist"_s, artist},
                                   {u"album"_s, album}, {u"track"_s, track}, {u"date"_s, year}, {u"genre"_s, genre}});
    };
    QCOMPARE(audio(lib + u"/ann/alpha/1.flac"_s, u"First Light"_s, u"Ann"_s, u"Alpha"_s, u"1"_s, u"2001"_s, u"Rock"_s), QString());
    QCOMPARE(audio(lib + u"/ann/alpha/2.mp3"_s, u"Second Wind"_s, u"Ann"_s, u"Alpha"_s, u"2"_s, u"2001"_s, u"Rock"_s), QString());
    QCOMPARE(makeAudio(lib + u"/ann/beta/2.flac"_s, 6, {{u"title"_s, u"Sung"_s}, {u"artist"_s, u"Ann"_s}, {u"album_artist"_s, u"Ann"_s},
                                                     {u"album"_s, u"Beta"_s}, {u"track"_s, u"2"_s}, {u"date"_s, u"2010"_s},
                                                     {u"genre"_s, u"Jazz"_s},
                                                     {u"lyrics"_s, u"[00:01.00]Hello\n[00:02.50]World"_s}}),
             QString());
    QCOMPARE(audio(lib + u"/ann/beta/1.ogg"_s, u"Third Rail"_s, u"Ann"_s, u"Beta"_s, u"1"_s, u"2010"_s, u"Jazz"_s), QString());
    QCOMPARE(audio(lib + u"/solo/1.mp3"_s, u"Lonely"_s, u"The Zed"_s, u"Only"_s, u"1"_s, u"1990"_s, u"Folk"_s), QString());
    runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s, u"color=red:s=200x200"_s, u"-frames:v"_s,
                             u"1"_s, lib + u"/solo/cover.png"_s});
    QVERIFY(QFile::exists(lib + u"/solo/cover.png"_s));
    TestServerOptions options;
    options.scanFirst = true;
    options.transcoding = true;
    options.activity = true;
    options.artwork = true;
    QCOMPARE(m_server.start(options), QString());
    const SubsonicJson all = json(u"search3"_s, u"query=&songCount=500"_s);
    for (const QJsonValue &v : all.response[u"searchResult3"_s][u"song"_s].toArray())
        m_songIds << v[u"id"_s].toString();
    QCOMPARE(m_songIds.size(), 5);
}

void TestSubsonic::pingInBothFormats()
{
    const TestHttpResponse r = get(u"ping"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/xml"));
    const SubsonicXml x = SubsonicXml::parse(r.body);
    QVERIFY2(x.parsed, r.body.constData());
    QCOMPARE(x.status(), u"ok"_s);
    QCOMPARE(x.root.attribute(u"version"_s), u"1.16.1"_s);
    QCOMPARE(x.root.attribute(u"type"_s), u"cairn"_s);
    QCOMPARE(x.root.attribute(u"openSubsonic"_s), u"true"_s);
    QVERIFY(!x.root.attribute(u"serverVersion"_s).isEmpty());

    const SubsonicJson j = json(u"ping"_s);
    QVERIFY(j.parsed);
    QCOMPARE(j.status(), u"ok"_s);
    QCOMPARE(j.response[u"openSubsonic"_s], QJsonValue(true));
    QCOMPARE(j.response[u"type"_s].toString(), u"cairn"_s);
}

void TestSubsonic::viewSuffixAndFormPost()
{
    QCOMPARE(xml(u"getLicense.view"_s).first(u"license"_s).attribute(u"valid"_s), u"true"_s);
    TestHttpClient client(m_server.port());
    const QByteArray body = "f=json&c=form+client&id=" + m_songIds.first().toUtf8();
    client.send(requestBytes("POST", "/rest/getSong.view", {"Content-Type: application/x-www-form-urlencoded",
                                                            "Content-Length: " + QByteArray::number(body.size())}, body));
    const TestHttpResponse r = client.read();
    QCOMPARE(r.status, 200);
    const SubsonicJson j = SubsonicJson::parse(r.body);
    QCOMPARE(j.status(), u"ok"_s);
    QCOMPARE(j.response[u"song"_s][u"id"_s].toString(), m_songIds.first());
}

void TestSubsonic::extensionsWithoutCredentials()
{
    const SubsonicJson j = json(u"getOpenSubsonicExtensions"_s);
    QCOMPARE(j.status(), u"ok"_s);
    QStringList names;
    for (const QJsonValue &v : j.response[u"openSubsonicExtensions"_s].toArray()) {
        names << v[u"name"_s].toString();
        QVERIFY(v[u"versions"_s].isArray());
        QCOMPARE(v[u"versions"_s][0].toInt(), 1);
    }
    QVERIFY(names.contains(u"formPost"_s));
    QVERIFY(names.contains(u"transcodeOffset"_s));
    QVERIFY(names.contains(u"songLyrics"_s));
}

void TestSubsonic::errorsInTheAskedFormat_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown method") << u"getPodcasts"_s << QString() << 0;
    QTest::newRow("missing id") << u"getAlbum"_s << QString() << 10;
    QTest::newRow("malformed id") << u"getAlbum"_s << u"id=al-x"_s << 10;
    QTest::newRow("song id for an album") << u"getAlbum"_s << u"id=tr-1"_s << 10;
    QTest::newRow("unknown album") << u"getAlbum"_s << u"id=al-987654"_s << 70;
    QTest::newRow("unknown song") << u"getSong"_s << u"id=tr-987654"_s << 70;
    QTest::newRow("unknown artist") << u"getArtist"_s << u"id=ar-987654"_s << 70;
    QTest::newRow("list without type") << u"getAlbumList2"_s << QString() << 10;
    QTest::newRow("unknown list type") << u"getAlbumList2"_s << u"type=loudest"_s << 10;
    QTest::newRow("byGenre without genre") << u"getAlbumList2"_s << u"type=byGenre"_s << 10;
    QTest::newRow("byYear without toYear") << u"getAlbumList2"_s << u"type=byYear&fromYear=1990"_s << 10;
    QTest::newRow("lyrics of nothing") << u"getLyricsBySongId"_s << QString() << 10;
    QTest::newRow("star without accounts") << u"star"_s << u"id=tr-1"_s << 0;
    QTest::newRow("size not a number") << u"getAlbumList2"_s << u"type=newest&size=ten"_s << 10;
    QTest::newRow("negative song offset") << u"search3"_s << u"query=a&songOffset=-1"_s << 10;
    QTest::newRow("search2 without query") << u"search2"_s << QString() << 10;
    QTest::newRow("stream without id") << u"stream"_s << QString() << 10;
    QTest::newRow("stream unknown format") << u"stream"_s << u"id=tr-1&format=xyz"_s << 10;
    QTest::newRow("stream unknown song") << u"stream"_s << u"id=tr-987654"_s << 70;
    QTest::newRow("cover of nothing") << u"getCoverArt"_s << u"id=al-987654"_s << 70;
    QTest::newRow("bad folder") << u"getArtists"_s << u"musicFolderId=x"_s << 10;
}

void TestSubsonic::errorsInTheAskedFormat()
{
    QFETCH(QString, method);
    QFETCH(QString, query);
    QFETCH(int, code);
    const SubsonicXml x = xml(method, query);
    QVERIFY(x.parsed);
    QCOMPARE(x.status(), u"failed"_s);
    QCOMPARE(x.errorCode(), code);
    QVERIFY(!x.first(u"error"_s).attribute(u"message"_s).isEmpty());
    const SubsonicJson j = json(method, query);
    QVERIFY(j.parsed);
    QCOMPARE(j.status(), u"failed"_s);
    QCOMPARE(j.errorCode(), code);
}

void TestSubsonic::singleElementListsStayLists()
{
    const SubsonicJson j = json(u"getArtists"_s);
    const QJsonArray indexes = j.response[u"artists"_s][u"index"_s].toArray();
    QCOMPARE(indexes.size(), 2);   // "A" (Ann) and "Z" (The Zed: the article is ignored)
    QCOMPARE(indexes[0][u"name"_s].toString(), u"A"_s);
    QCOMPARE(indexes[1][u"name"_s].toString(), u"Z"_s);
    QVERIFY(indexes[1][u"artist"_s].isArray());
    QCOMPARE(indexes[1][u"artist"_s].toArray().size(), 1);
    QVERIFY(indexes[1][u"artist"_s][0][u"id"_s].isString());
    QCOMPARE(j.response[u"artists"_s][u"ignoredArticles"_s].toString(), u"The El La Los Las Le Les"_s);

    const SubsonicJson genres = json(u"getGenres"_s);
    QVERIFY(genres.response[u"genres"_s][u"genre"_s].isArray());
    // No favourites yet: an empty list, not a missing member.
    const SubsonicJson empty = json(u"search3"_s, u"query=nothing-matches-this"_s);
    QVERIFY(empty.response[u"searchResult3"_s][u"song"_s].isArray());
    QCOMPARE(empty.response[u"searchResult3"_s][u"song"_s].toArray().size(), 0);
}

void TestSubsonic::controlCharactersNeverBreakXml()
{
    subsonic::Node song(u"song"_s);
    song.set(u"title"_s, u"Bell\u0007 <&> \u00e9t\u00e9 \U0001F3B5"_s).setText(u"line\u001b one\nline two"_s);
    const SubsonicXml x = SubsonicXml::parse(subsonic::Node(u"subsonic-response"_s).add(song).toXml());
    QVERIFY(x.parsed);
    QCOMPARE(x.first(u"song"_s).attribute(u"title"_s), u"Bell <&> \u00e9t\u00e9 \U0001F3B5"_s);
    QCOMPARE(x.first(u"song"_s).text(), u"line one\nline two"_s);
    // JSON keeps them, escaped.
    QVERIFY(song.toJson().contains("\\u0007"));
}

void TestSubsonic::artistsArtistAlbumSong()
{
    const SubsonicJson artists = json(u"getArtists"_s);
    const QJsonObject ann = artists.response[u"artists"_s][u"index"_s][0][u"artist"_s][0].toObject();
    QCOMPARE(ann[u"name"_s].toString(), u"Ann"_s);
    QCOMPARE(ann[u"albumCount"_s].toInt(), 2);
    QVERIFY(ann[u"id"_s].toString().startsWith(u"ar-"_s));

    const SubsonicJson artist = json(u"getArtist"_s, u"id="_s + ann[u"id"_s].toString());
    const QJsonArray albums = artist.response[u"artist"_s][u"album"_s].toArray();
    QCOMPARE(albums.size(), 2);
    QCOMPARE(albums[0][u"name"_s].toString(), u"Alpha"_s);   // by year: 2001 before 2010
    QCOMPARE(albums[0][u"songCount"_s].toInt(), 2);
    QCOMPARE(albums[0][u"year"_s].toInt(), 2001);
    QCOMPARE(albums[0][u"genre"_s].toString(), u"Rock"_s);
    QVERIFY(albums[0][u"duration"_s].toInt() >= 11);

    const SubsonicJson album = json(u"getAlbum"_s, u"id="_s + albums[0][u"id"_s].toString());
    const QJsonArray songs = album.response[u"album"_s][u"song"_s].toArray();
    QCOMPARE(songs.size(), 2);
    QCOMPARE(songs[0][u"title"_s].toString(), u"First Light"_s);
    QCOMPARE(songs[0][u"track"_s].toInt(), 1);
    QCOMPARE(songs[0][u"suffix"_s].toString(), u"flac"_s);
    QCOMPARE(songs[0][u"contentType"_s].toString(), u"audio/flac"_s);
    QCOMPARE(songs[1][u"suffix"_s].toString(), u"mp3"_s);
    QCOMPARE(songs[0][u"albumId"_s].toString(), albums[0][u"id"_s].toString());
    QCOMPARE(songs[0][u"artistId"_s].toString(), ann[u"id"_s].toString());
    QVERIFY(!songs[0][u"path"_s].toString().startsWith(u'/'));   // never the real location
    QVERIFY(!songs[0][u"path"_s].toString().contains(m_server.libraryDir()));

    const SubsonicXml song = xml(u"getSong"_s, u"id="_s + songs[1][u"id"_s].toString());
    QCOMPARE(song.first(u"song"_s).attribute(u"title"_s), u"Second Wind"_s);
    QCOMPARE(song.first(u"song"_s).attribute(u"isDir"_s), u"false"_s);

    const SubsonicJson info = json(u"getArtistInfo2"_s, u"id="_s + ann[u"id"_s].toString());
    QCOMPARE(info.status(), u"ok"_s);
    QVERIFY(info.response.contains(u"artistInfo2"_s));
    QCOMPARE(json(u"getAlbumInfo2"_s, u"id="_s + albums[0][u"id"_s].toString()).status(), u"ok"_s);
}

void TestSubsonic::directoriesAndIndexes()
{
    const SubsonicXml indexes = xml(u"getIndexes"_s);
    QCOMPARE(indexes.status(), u"ok"_s);
    const QList<QDomElement> artists = indexes.all(u"artist"_s);
    QCOMPARE(artists.size(), 2);
    const QString annId = artists.first().attribute(u"id"_s);
    const SubsonicXml dir = xml(u"getMusicDirectory"_s, u"id="_s + annId);
    QCOMPARE(dir.first(u"directory"_s).attribute(u"name"_s), u"Ann"_s);
    const QList<QDomElement> albums = dir.all(u"child"_s);
    QCOMPARE(albums.size(), 2);
    QCOMPARE(albums.first().attribute(u"isDir"_s), u"true"_s);
    const SubsonicXml albumDir = xml(u"getMusicDirectory"_s, u"id="_s + albums.first().attribute(u"id"_s));
    const QList<QDomElement> songs = albumDir.all(u"child"_s);
    QCOMPARE(songs.size(), 2);
    QCOMPARE(songs.first().attribute(u"isDir"_s), u"false"_s);
    QCOMPARE(albumDir.first(u"directory"_s).attribute(u"parent"_s), annId);

    // Nothing changed since: clients that remember the date get no artists again.
    const QString since = indexes.first(u"indexes"_s).attribute(u"lastModified"_s);
    QVERIFY(since.toLongLong() > 0);
    QCOMPARE(xml(u"getIndexes"_s, u"ifModifiedSince="_s + since).all(u"artist"_s).size(), 0);
}

void TestSubsonic::genresAndFolders()
{
    const SubsonicXml genres = xml(u"getGenres"_s);
    QStringList names;
    for (const QDomElement &g : genres.all(u"genre"_s))
        names << g.text();
    QCOMPARE(names, (QStringList{u"Folk"_s, u"Jazz"_s, u"Rock"_s}));
    QCOMPARE(genres.all(u"genre"_s).at(1).attribute(u"songCount"_s), u"2"_s);   // Jazz

    const SubsonicJson folders = json(u"getMusicFolders"_s);
    const QJsonArray list = folders.response[u"musicFolders"_s][u"musicFolder"_s].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0][u"id"_s].toInteger(), m_server.libraryFolderId());
    const QString folder = QString::number(m_server.libraryFolderId());
    QCOMPARE(json(u"search3"_s, u"query=&musicFolderId="_s + folder).response[u"searchResult3"_s][u"song"_s].toArray().size(), 5);
    QCOMPARE(json(u"search3"_s, u"query=&musicFolderId=987654"_s).response[u"searchResult3"_s][u"song"_s].toArray().size(), 0);
}

void TestSubsonic::search3EmptyQueryPagesEverything()
{
    for (const QString &empty : {u"query="_s, u"query=%22%22"_s}) {
        QSet<QString> seen;
        for (int offset = 0; offset < 10; offset += 3) {
            const SubsonicJson page = json(u"search3"_s, empty + u"&songCount=3&artistCount=0&albumCount=0&songOffset="_s
                                                             + QString::number(offset));
            const QJsonArray songs = page.response[u"searchResult3"_s][u"song"_s].toArray();
            for (const QJsonValue &s : songs)
                QVERIFY2(!seen.contains(s[u"id"_s].toString()), "a song appeared twice");
            for (const QJsonValue &s : songs)
                seen.insert(s[u"id"_s].toString());
            QCOMPARE(page.response[u"searchResult3"_s][u"artist"_s].toArray().size(), 0);
        }
        QCOMPARE(seen.size(), 5);
    }
    const SubsonicJson everything = json(u"search3"_s, u"query=&artistCount=10&albumCount=10"_s);
    QCOMPARE(everything.response[u"searchResult3"_s][u"album"_s].toArray().size(), 3);
    QCOMPARE(everything.response[u"searchResult3"_s][u"artist"_s].toArray().size(), 2);
}

void TestSubsonic::search3FindsByText()
{
    const SubsonicJson j = json(u"search3"_s, u"query=wind"_s);
    const QJsonArray songs = j.response[u"searchResult3"_s][u"song"_s].toArray();
    QCOMPARE(songs.size(), 1);
    QCOMPARE(songs[0][u"title"_s].toString(), u"Second Wind"_s);
    const SubsonicXml x = xml(u"search2"_s, u"query=zed"_s);
    QCOMPARE(x.all(u"artist"_s).size(), 1);
    QCOMPARE(x.all(u"album"_s).size(), 1);
    QCOMPARE(x.all(u"album"_s).first().attribute(u"isDir"_s), u"true"_s);
}

// Quotes, stars and operators typed in a client's search box are text to the full-text index:
// always an answer, never an error.
void TestSubsonic::search3TextIsNeverSyntax_data()
{
    QTest::addColumn<QString>("query");   // percent-encoded
    QTest::addColumn<int>("songs");
    QTest::newRow("quoted") << u"%22wind%22"_s << 1;
    QTest::newRow("lone quote") << u"%22"_s << 0;          // no word: LIKE as before, none has one
    QTest::newRow("quote before") << u"%22wind"_s << 1;
    QTest::newRow("star after") << u"win*"_s << 1;
    QTest::newRow("star inside") << u"w*nd"_s << 0;
    QTest::newRow("minus") << u"-wind"_s << 1;
    QTest::newRow("OR") << u"wind%20OR%20light"_s << 0;
    QTest::newRow("NOT") << u"NOT%20wind"_s << 0;
    QTest::newRow("NEAR(") << u"NEAR(wind"_s << 0;
    QTest::newRow("caret") << u"%5Ewind"_s << 1;
    QTest::newRow("colon") << u"title%3Awind"_s << 0;
    QTest::newRow("diacritics") << u"W%C3%8CND"_s << 1;
    QTest::newRow("NUL") << u"wi%00nd"_s << 0;
    QTest::newRow("control characters") << u"%01%1Fwind%7F"_s << 1;
    QTest::newRow("1000 characters") << QString(1000, u'x') << 0;
}

void TestSubsonic::search3TextIsNeverSyntax()
{
    QFETCH(QString, query);
    QFETCH(int, songs);
    const TestHttpResponse r = get(u"search3"_s, u"f=json&songCount=50&query="_s + query);
    QCOMPARE(r.status, 200);
    const SubsonicJson j = SubsonicJson::parse(r.body);
    QCOMPARE(j.response[u"status"_s].toString(), u"ok"_s);
    QCOMPARE(j.response[u"searchResult3"_s][u"song"_s].toArray().size(), songs);
}

void TestSubsonic::albumLists_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("albums");
    QTest::newRow("alphabeticalByName") << u"type=alphabeticalByName"_s << QStringList{u"Alpha"_s, u"Beta"_s, u"Only"_s};
    QTest::newRow("alphabeticalByArtist") << u"type=alphabeticalByArtist"_s << QStringList{u"Alpha"_s, u"Beta"_s, u"Only"_s};
    QTest::newRow("byGenre") << u"type=byGenre&genre=Jazz"_s << QStringList{u"Beta"_s};
    QTest::newRow("byYear descending") << u"type=byYear&fromYear=2015&toYear=1995"_s << QStringList{u"Beta"_s, u"Alpha"_s};
    QTest::newRow("byYear ascending") << u"type=byYear&fromYear=1985&toYear=2005"_s << QStringList{u"Only"_s, u"Alpha"_s};
    QTest::newRow("paged") << u"type=alphabeticalByName&size=1&offset=1"_s << QStringList{u"Beta"_s};
}

void TestSubsonic::albumLists()
{
    QFETCH(QString, query);
    QFETCH(QStringList, albums);
    QStringList names;
    for (const QJsonValue &a : json(u"getAlbumList2"_s, query).response[u"albumList2"_s][u"album"_s].toArray())
        names << a[u"name"_s].toString();
    QCOMPARE(names, albums);
    names.clear();
    for (const QDomElement &a : xml(u"getAlbumList"_s, query).all(u"album"_s))
        names << a.attribute(u"title"_s);
    QCOMPARE(names, albums);
}

void TestSubsonic::streamOriginalBytes()
{
    const QString id = songId(u"First Light"_s);
    const TestHttpResponse r = get(u"stream"_s, u"id="_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("audio/flac"));
    QCOMPARE(r.body, readFile(m_server.libraryPath(u"ann/alpha/1.flac"_s)));
    const TestHttpResponse raw = get(u"stream"_s, u"format=raw&maxBitRate=64&id="_s + id);
    QCOMPARE(raw.body, r.body);   // raw is the file whatever the limit
}

void TestSubsonic::streamRangeAndDownload()
{
    const QString id = songId(u"Second Wind"_s);
    const QByteArray file = readFile(m_server.libraryPath(u"ann/alpha/2.mp3"_s));
    TestHttpClient client(m_server.port());
    const TestHttpResponse part = client.get("/rest/stream.view?c=tst&id=" + id.toUtf8(), {"Range: bytes=100-199"});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, file.mid(100, 100));
    const TestHttpResponse download = get(u"download"_s, u"id="_s + id);
    QCOMPARE(download.status, 200);
    QVERIFY(download.header("Content-Disposition").startsWith("attachment"));
    QCOMPARE(download.body, file);
}

namespace {

// ffprobe's view of a media body: format name and overall bit rate in kbit/s.
QPair<QString, int> probe(const QByteArray &body)
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    file.write(body);
    file.flush();
    const QByteArray out = runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s, u"format=format_name,bit_rate"_s,
                                                     u"-of"_s, u"default=nw=1"_s, file.fileName()});
    QString name;
    int kbps = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("format_name="))
            name = QString::fromUtf8(line.mid(12));
        if (line.startsWith("bit_rate="))
            kbps = int(line.mid(9).toLongLong() / 1000);
    }
    return {name, kbps};
}

} // namespace

void TestSubsonic::streamTranscodedToMaxBitRate()
{
    const QString flac = songId(u"First Light"_s);
    // No format, a limit below the file's bitrate (a FLAC sine is ~110 kbit/s): MP3 within it.
    const TestHttpResponse capped = get(u"stream"_s, u"maxBitRate=64&id="_s + flac);
    QCOMPARE(capped.status, 200);
    QCOMPARE(capped.header("Content-Type"), QByteArray("audio/mpeg"));
    const auto [name, kbps] = probe(capped.body);
    QCOMPARE(name, u"mp3"_s);
    QVERIFY2(kbps >= 60 && kbps <= 68, qPrintable(QString::number(kbps)));
    // Asked for MP3 at 128: near 128 kbit/s.
    const TestHttpResponse mp3At128 = get(u"stream"_s, u"format=mp3&maxBitRate=128&id="_s + flac);
    const int at128 = probe(mp3At128.body).second;
    QVERIFY2(at128 >= 120 && at128 <= 136, qPrintable(QString::number(at128)));
    // Asked format and limit.
    TestHttpClient client(m_server.port());
    TestHttpClient::ReadOptions chunked;
    chunked.framing = TestHttpClient::Framing::Any;   // Ogg has no length known in advance
    const TestHttpResponse opus = client.request("GET", "/rest/stream?format=opus&maxBitRate=96&id=" + flac.toUtf8(), {}, chunked);
    QCOMPARE(opus.status, 200);
    QVERIFY(opus.header("Content-Type").startsWith("audio/ogg"));
    QCOMPARE(probe(opus.body).first, u"ogg"_s);
    // Already an MP3 within the limit: the file itself.
    const QString mp3 = songId(u"Second Wind"_s);
    const TestHttpResponse same = get(u"stream"_s, u"format=mp3&maxBitRate=320&id="_s + mp3);
    QCOMPARE(same.body, readFile(m_server.libraryPath(u"ann/alpha/2.mp3"_s)));
}

void TestSubsonic::estimatedLengthHolds()
{
    // MP3 transcodes announce their exact length up front (padded), so ExoPlayer can seek.
    const QString flac = songId(u"First Light"_s);
    const TestHttpResponse r = get(u"stream"_s, u"format=mp3&maxBitRate=96&estimateContentLength=true&id="_s + flac);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.header("Content-Length").isEmpty());
    QCOMPARE(r.header("Content-Length").toLongLong(), qint64(r.body.size()));
    QVERIFY(r.complete);
    QCOMPARE(r.header("Accept-Ranges"), QByteArray("bytes"));
}

void TestSubsonic::streamTimeOffset()
{
    const QString flac = songId(u"First Light"_s);
    const TestHttpResponse whole = get(u"stream"_s, u"format=mp3&id="_s + flac);
    const TestHttpResponse late = get(u"stream"_s, u"format=mp3&timeOffset=4&id="_s + flac);
    QCOMPARE(late.status, 200);
    QVERIFY(!late.body.isEmpty());
    QVERIFY2(late.body.size() < whole.body.size() / 2, "the offset transcode starts later");
    const SubsonicXml past = SubsonicXml::parse(get(u"stream"_s, u"format=mp3&timeOffset=600&id="_s + flac).body);
    QCOMPARE(past.errorCode(), 10);
}

void TestSubsonic::streamsShowTheClientsName()
{
    const QString flac = songId(u"First Light"_s);
    TestHttpClient client(m_server.port(), 4096);
    TestHttpClient::ReadOptions slow;
    slow.framing = TestHttpClient::Framing::Any;
    slow.maxBody = 1;   // start the stream and keep it open
    const TestHttpResponse r = client.request("GET", "/rest/stream?c=Symfonium&format=mp3&id=" + flac.toUtf8(), {}, slow);
    QCOMPARE(r.status, 200);
    QTRY_VERIFY(!m_server.activity()->snapshot().isEmpty());
    QCOMPARE(m_server.activity()->snapshot().first().info.player, u"Symfonium"_s);
    client.abort();
    QTRY_VERIFY(m_server.activity()->snapshot().isEmpty());
}

void TestSubsonic::coverArtSizesAndValidators()
{
    const SubsonicJson only = json(u"getAlbumList2"_s, u"type=byGenre&genre=Folk"_s);
    const QString cover = only.response[u"albumList2"_s][u"album"_s][0][u"coverArt"_s].toString();
    QVERIFY(cover.startsWith(u"al-"_s));
    const TestHttpResponse big = get(u"getCoverArt"_s, u"id="_s + cover);
    QCOMPARE(big.status, 200);
    QVERIFY(big.header("Content-Type").startsWith("image/"));
    QVERIFY(!big.header("ETag").isEmpty());
    const TestHttpResponse small = get(u"getCoverArt"_s, u"size=32&id="_s + cover);
    QCOMPARE(small.status, 200);
    QImage image;
    QVERIFY(image.loadFromData(small.body));
    QVERIFY(qMax(image.width(), image.height()) <= 32);
    TestHttpClient client(m_server.port());
    const TestHttpResponse again = client.get(QUrl(u"/rest/getCoverArt?c=tst&size=32&id="_s + cover).toEncoded(),
                                              {"If-None-Match: " + small.header("ETag")});
    QCOMPARE(again.status, 304);
}

void TestSubsonic::lyricsBySongId()
{
    const SubsonicJson sung = json(u"getLyricsBySongId"_s, u"id="_s + songId(u"Sung"_s));
    const QJsonArray lyrics = sung.response[u"lyricsList"_s][u"structuredLyrics"_s].toArray();
    QCOMPARE(lyrics.size(), 1);
    QCOMPARE(lyrics[0][u"synced"_s], QJsonValue(true));
    QCOMPARE(lyrics[0][u"displayTitle"_s].toString(), u"Sung"_s);
    const QJsonArray lines = lyrics[0][u"line"_s].toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0][u"start"_s].toInteger(), 1000);
    QCOMPARE(lines[0][u"value"_s].toString(), u"Hello"_s);
    QCOMPARE(lines[1][u"start"_s].toInteger(), 2500);
    const SubsonicXml x = xml(u"getLyricsBySongId"_s, u"id="_s + songId(u"Sung"_s));
    QCOMPARE(x.all(u"line"_s).first().text(), u"Hello"_s);
    // A song without lyrics: an empty list; no such song: 70.
    const SubsonicJson none = json(u"getLyricsBySongId"_s, u"id="_s + songId(u"Lonely"_s));
    QCOMPARE(none.status(), u"ok"_s);
    QCOMPARE(none.response[u"lyricsList"_s][u"structuredLyrics"_s].toArray().size(), 0);
    QCOMPARE(json(u"getLyricsBySongId"_s, u"id=tr-987654"_s).errorCode(), 70);
}

void TestSubsonic::scanStatusAndUser()
{
    const SubsonicXml status = xml(u"getScanStatus"_s);
    QCOMPARE(status.first(u"scanStatus"_s).attribute(u"count"_s), u"5"_s);
    const SubsonicJson user = json(u"getUser"_s, u"username=local"_s);
    QCOMPARE(user.response[u"user"_s][u"adminRole"_s], QJsonValue(true));
    QVERIFY(user.response[u"user"_s][u"folder"_s].isArray());
    QCOMPARE(json(u"getUser"_s).errorCode(), 10);
}

QTEST_GUILESS_MAIN(TestSubsonic)
#include "tst_subsonic.moc"
