// OpenSubsonic with accounts: every credential mode and its refusals (10, 40, 43, 44, 50), the
// memo that spares Argon2id on repeated requests, throttling shared with the web log-in, folder
// grants on every kind of id, and the per-user state (favourites, ratings, plays, album lists,
// playlists, play queue) kept apart between users. Real server and users (AuthServer: root,
// alice on "shared", bob on "private").

#include "AuthServer.h"
#include "MediaFixtures.h"
#include "SubsonicAnswer.h"
#include "TestHttpClient.h"

#include "auth/AppPasswordStore.h"
#include "auth/SubsonicAuthenticator.h"
#include "auth/UserAdministration.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestSubsonicAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void credentialModes_data();
    void credentialModes();
    void administratorsOnly();
    void disabledUserRefusedAtOnce();
    void repeatedRequestsSpareArgon2();
    void throttledLikeTheWebLogIn();
    void grantsLimitEveryId();
    void favouritesRatingsAndPlaysPerUser();
    void sameStateAsTheWebApp();
    void perUserAlbumLists();
    void playlistsAndPlayQueue();
    void badStateInput_data();
    void badStateInput();

private:
    SubsonicJson call(const QString &method, const QString &credentials, const QString &query = {},
                      const QList<QByteArray> &headers = {});
    SubsonicJson alice(const QString &method, const QString &query = {}) { return call(method, m_aliceKey, query); }
    SubsonicJson bob(const QString &method, const QString &query = {}) { return call(method, m_bobKey, query); }
    QString songOf(const QString &credentials, const QString &title);

    AuthServer m_server;
    QString m_aliceSecret, m_bobSecret, m_rootSecret;
    QString m_aliceKey, m_bobKey, m_rootKey;   // "apiKey=…"
};

SubsonicJson TestSubsonicAuth::call(const QString &method, const QString &credentials, const QString &query,
                                    const QList<QByteArray> &headers)
{
    TestHttpClient client(m_server.port());
    QString target = u"/rest/"_s + method + u"?f=json&c=tst&v=1.16.1"_s;
    if (!credentials.isEmpty())
        target += u'&' + credentials;
    if (!query.isEmpty())
        target += u'&' + query;
    const TestHttpResponse r = client.get(QUrl(target).toEncoded(), headers);
    return r.status == 200 ? SubsonicJson::parse(r.body) : SubsonicJson{};
}

QString TestSubsonicAuth::songOf(const QString &credentials, const QString &title)
{
    const SubsonicJson all = call(u"search3"_s, credentials, u"query=&songCount=500"_s);
    for (const QJsonValue &s : all.response[u"searchResult3"_s][u"song"_s].toArray())
        if (s[u"title"_s].toString() == title)
            return s[u"id"_s].toString();
    return {};
}

namespace {

QString tokenAuth(const QString &user, const QString &secret, const QString &salt)
{
    const QByteArray t = QCryptographicHash::hash((secret + salt).toUtf8(), QCryptographicHash::Md5).toHex();
    return u"u=%1&t=%2&s=%3"_s.arg(user, QString::fromLatin1(t), salt);
}

} // namespace

void TestSubsonicAuth::initTestCase()
{
    auto audio = [](const QString &path, const QString &title, const QString &album, const QString &year) {
        return makeAudio(path, 3, {{u"title"_s, title}, {u"artist"_s, u"Art"_s}, {u"album_artist"_s, u"Art"_s},
                                   {u"album"_s, album}, {u"date"_s, year}});
    };
    QCOMPARE(audio(m_server.sharedDir() + u"/one.mp3"_s, u"One"_s, u"Shared A"_s, u"2001"_s), QString());
    QCOMPARE(audio(m_server.sharedDir() + u"/two.mp3"_s, u"Two"_s, u"Shared B"_s, u"2002"_s), QString());
    QCOMPARE(audio(m_server.sharedDir() + u"/three.mp3"_s, u"Three"_s, u"Shared C"_s, u"2003"_s), QString());
    QCOMPARE(audio(m_server.privateDir() + u"/hidden.mp3"_s, u"Hidden"_s, u"Private"_s, u"1999"_s), QString());
    QCOMPARE(m_server.start(), QString());
    QVERIFY(m_server.subsonicAuth() && m_server.appPasswords());
    auto make = [this](qint64 user) {
        const auto created = m_server.appPasswords()->create(user, u"tests"_s);
        return created ? created->secret : QString();
    };
    m_aliceSecret = make(m_server.aliceId);
    m_bobSecret = make(m_server.bobId);
    m_rootSecret = make(m_server.rootId);
    QVERIFY(!m_aliceSecret.isEmpty() && !m_bobSecret.isEmpty() && !m_rootSecret.isEmpty());
    m_aliceKey = u"apiKey="_s + m_aliceSecret;
    m_bobKey = u"apiKey="_s + m_bobSecret;
    m_rootKey = u"apiKey="_s + m_rootSecret;
}

void TestSubsonicAuth::credentialModes_data()
{
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<int>("code");   // -1 = ok
    const QString alice = m_aliceSecret;
    QTest::newRow("account password") << u"u=alice&p="_s + kAlicePassword << -1;
    QTest::newRow("account password, enc:HEX") << u"u=alice&p=enc:"_s + QString::fromLatin1(kAlicePassword.toUtf8().toHex()) << -1;
    QTest::newRow("app password as p") << u"u=alice&p="_s + alice << -1;
    QTest::newRow("token of an app password") << tokenAuth(u"alice"_s, alice, u"c0ffee12"_s) << -1;
    QTest::newRow("token, user name in other case") << tokenAuth(u"ALICE"_s, alice, u"salt9"_s) << -1;
    QTest::newRow("apiKey") << u"apiKey="_s + alice << -1;
    QTest::newRow("nothing") << QString() << 10;
    QTest::newRow("user alone") << u"u=alice"_s << 10;
    QTest::newRow("token without salt") << u"u=alice&t=0123456789abcdef0123456789abcdef"_s << 10;
    QTest::newRow("wrong password") << u"u=alice&p=nope"_s << 40;
    QTest::newRow("bad enc:HEX") << u"u=alice&p=enc:zz"_s << 40;
    QTest::newRow("unknown user") << u"u=nobody&p="_s + kAlicePassword << 40;
    QTest::newRow("token of the account password") << tokenAuth(u"alice"_s, kAlicePassword, u"abc123"_s) << 40;
    QTest::newRow("token with another salt") << tokenAuth(u"alice"_s, alice, u"one"_s).replace(u"s=one"_s, u"s=two"_s) << 40;
    QTest::newRow("someone else's app password") << u"u=alice&p="_s + m_bobSecret << 40;
    QTest::newRow("apiKey and u") << u"u=alice&apiKey="_s + alice << 43;
    QTest::newRow("p and t") << u"u=alice&p=x&t=y&s=z"_s << 43;
    QTest::newRow("bad apiKey") << u"apiKey=not-a-key"_s << 44;
}

void TestSubsonicAuth::credentialModes()
{
    QFETCH(QString, credentials);
    QFETCH(int, code);
    // Failures from an address of each row's own, so no row is throttled by the others.
    const QByteArray from = "X-Forwarded-For: 10.1." + QByteArray::number(qHash(QByteArray(QTest::currentDataTag())) % 250) + ".1";
    const SubsonicJson j = call(u"ping"_s, credentials, {}, {from});
    QVERIFY(j.parsed);
    if (code < 0) {
        QCOMPARE(j.status(), u"ok"_s);
    } else {
        QCOMPARE(j.status(), u"failed"_s);
        QCOMPARE(j.errorCode(), code);
    }
    // The same answer in XML.
    TestHttpClient client(m_server.port());
    const TestHttpResponse r = client.get(QUrl(u"/rest/ping.view?c=tst&"_s + credentials).toEncoded(), {from});
    const SubsonicXml x = SubsonicXml::parse(r.body);
    QVERIFY(x.parsed);
    QCOMPARE(x.errorCode(), code);
}

void TestSubsonicAuth::administratorsOnly()
{
    QCOMPARE(alice(u"startScan"_s).errorCode(), 50);
    QCOMPARE(alice(u"getScanStatus"_s).errorCode(), 50);
    QCOMPARE(alice(u"getUser"_s, u"username=bob"_s).errorCode(), 50);
    QCOMPARE(alice(u"getUser"_s, u"username=alice"_s).response[u"user"_s][u"adminRole"_s], QJsonValue(false));
    QCOMPARE(call(u"getScanStatus"_s, m_rootKey).status(), u"ok"_s);
    QCOMPARE(call(u"getUser"_s, m_rootKey, u"username=bob"_s).response[u"user"_s][u"folder"_s].toArray(),
             QJsonArray({m_server.privateFolderId}));
    // Extensions answer anyone, and say what works here.
    const SubsonicJson extensions = call(u"getOpenSubsonicExtensions"_s, QString());
    QCOMPARE(extensions.status(), u"ok"_s);
    QStringList names;
    for (const QJsonValue &e : extensions.response[u"openSubsonicExtensions"_s].toArray())
        names << e[u"name"_s].toString();
    QVERIFY(names.contains(u"apiKeyAuthentication"_s));
    QVERIFY(!names.contains(u"transcodeOffset"_s));   // this server has no transcoding
}

void TestSubsonicAuth::disabledUserRefusedAtOnce()
{
    UserChanges c;
    c.name = u"carol"_s;
    c.password = u"carol-Pass-1"_s;
    c.folderIds = QList<qint64>{m_server.sharedFolderId};
    const qint64 carol = m_server.addUser(c);
    QVERIFY(carol > 0);
    const QString key = u"apiKey="_s + m_server.appPasswords()->create(carol, u"p"_s)->secret;
    QCOMPARE(call(u"ping"_s, key).status(), u"ok"_s);
    QCOMPARE(call(u"ping"_s, u"u=carol&p=carol-Pass-1"_s).status(), u"ok"_s);   // remembered now
    UserChanges off;
    off.enabled = false;
    QVERIFY(m_server.users().update(carol, off).ok());
    QCOMPARE(call(u"ping"_s, key, {}, {"X-Forwarded-For: 10.2.2.2"}).errorCode(), 40);
    QCOMPARE(call(u"ping"_s, u"u=carol&p=carol-Pass-1"_s, {}, {"X-Forwarded-For: 10.2.2.2"}).errorCode(), 40);
}

void TestSubsonicAuth::repeatedRequestsSpareArgon2()
{
    const QString credentials = u"u=alice&p="_s + kAlicePassword;
    QCOMPARE(alice(u"ping"_s).status(), u"ok"_s);
    call(u"ping"_s, credentials);
    const quint64 before = m_server.subsonicAuth()->passwordVerifications();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(call(u"getLicense"_s, credentials).status(), u"ok"_s);
    QCOMPARE(m_server.subsonicAuth()->passwordVerifications(), before);
}

void TestSubsonicAuth::throttledLikeTheWebLogIn()
{
    const QByteArray from = "X-Forwarded-For: 10.3.3.3";
    for (int i = 0; i < 6; ++i)
        QCOMPARE(call(u"ping"_s, u"u=alice&p=wrong"_s, {}, {from}).errorCode(), 40);
    TestHttpClient client(m_server.port());
    const TestHttpResponse r = client.get(QUrl(u"/rest/ping?f=json&c=tst&u=alice&p="_s + kAlicePassword).toEncoded(), {from});
    QCOMPARE(SubsonicJson::parse(r.body).errorCode(), 40);   // even the right password, for now
    QVERIFY(r.header("Retry-After").toInt() > 0);
    const RawResponse login = request(m_server.port(), "POST", "/api/auth/login", {from},
                                      R"({"name":"alice","password":")" + kAlicePassword.toUtf8() + "\"}");
    QCOMPARE(login.status, 429);
}

void TestSubsonicAuth::grantsLimitEveryId()
{
    const QString hidden = songOf(m_bobKey, u"Hidden"_s);
    QVERIFY(!hidden.isEmpty());
    QVERIFY(songOf(m_aliceKey, u"Hidden"_s).isEmpty());
    QCOMPARE(songOf(m_aliceKey, u"One"_s).isEmpty(), false);
    const SubsonicJson song = bob(u"getSong"_s, u"id="_s + hidden);
    const QString album = song.response[u"song"_s][u"albumId"_s].toString();
    for (const auto &[method, query] : QList<std::pair<QString, QString>>{
             {u"getSong"_s, u"id="_s + hidden}, {u"stream"_s, u"id="_s + hidden}, {u"download"_s, u"id="_s + hidden},
             {u"getAlbum"_s, u"id="_s + album}, {u"getMusicDirectory"_s, u"id="_s + album},
             {u"getLyricsBySongId"_s, u"id="_s + hidden}, {u"star"_s, u"id="_s + hidden},
             {u"setRating"_s, u"rating=3&id="_s + hidden}, {u"scrobble"_s, u"id="_s + hidden}}) {
        QCOMPARE(alice(method, query).errorCode(), 70);
    }
    QCOMPARE(alice(u"search3"_s, u"query=&musicFolderId="_s + QString::number(m_server.privateFolderId))
                 .response[u"searchResult3"_s][u"song"_s].toArray().size(), 0);
    QCOMPARE(alice(u"getMusicFolders"_s).response[u"musicFolders"_s][u"musicFolder"_s].toArray().size(), 1);
    QCOMPARE(call(u"getMusicFolders"_s, m_rootKey).response[u"musicFolders"_s][u"musicFolder"_s].toArray().size(), 2);
}

void TestSubsonicAuth::favouritesRatingsAndPlaysPerUser()
{
    const QString one = songOf(m_aliceKey, u"One"_s);
    const SubsonicJson song = alice(u"getSong"_s, u"id="_s + one);
    const QString album = song.response[u"song"_s][u"albumId"_s].toString();
    const QString artist = song.response[u"song"_s][u"artistId"_s].toString();
    QCOMPARE(alice(u"star"_s, u"id=%1&albumId=%2&artistId=%3"_s.arg(one, album, artist)).status(), u"ok"_s);
    const QJsonObject starred = alice(u"getStarred2"_s).response[u"starred2"_s].toObject();
    QCOMPARE(starred[u"song"_s].toArray().size(), 1);
    QCOMPARE(starred[u"album"_s].toArray().size(), 1);
    QCOMPARE(starred[u"artist"_s].toArray().size(), 1);
    QVERIFY(!starred[u"song"_s][0][u"starred"_s].toString().isEmpty());
    QCOMPARE(alice(u"getStarred"_s).response[u"starred"_s][u"album"_s][0][u"isDir"_s], QJsonValue(true));
    // Star a directory id (al-…) given as `id`, as folder-browsing clients do.
    QCOMPARE(alice(u"unstar"_s, u"id="_s + album).status(), u"ok"_s);
    QCOMPARE(alice(u"getStarred2"_s).response[u"starred2"_s][u"album"_s].toArray().size(), 0);

    QCOMPARE(alice(u"setRating"_s, u"rating=5&id="_s + one).status(), u"ok"_s);
    QCOMPARE(alice(u"scrobble"_s, u"id="_s + one).status(), u"ok"_s);
    QCOMPARE(alice(u"scrobble"_s, u"submission=true&time=1700000000000&id="_s + one).status(), u"ok"_s);
    const QJsonObject mine = alice(u"getSong"_s, u"id="_s + one).response[u"song"_s].toObject();
    QCOMPARE(mine[u"userRating"_s].toInt(), 5);
    QCOMPARE(mine[u"playCount"_s].toInt(), 2);
    QVERIFY(mine.contains(u"starred"_s));
    QVERIFY(mine.contains(u"played"_s));
    // Root sees the same song with none of alice's state.
    const QJsonObject roots = call(u"getSong"_s, m_rootKey, u"id="_s + one).response[u"song"_s].toObject();
    QVERIFY(!roots.contains(u"userRating"_s));
    QVERIFY(!roots.contains(u"starred"_s));
    QCOMPARE(roots[u"playCount"_s].toInt(), 0);
    QCOMPARE(call(u"getStarred2"_s, m_rootKey).response[u"starred2"_s][u"song"_s].toArray().size(), 0);

    // Now playing: alice's report is seen by root; bob cannot see the track (not his folder).
    QCOMPARE(alice(u"scrobble"_s, u"submission=false&id="_s + one).status(), u"ok"_s);
    const QJsonArray playing = call(u"getNowPlaying"_s, m_rootKey).response[u"nowPlaying"_s][u"entry"_s].toArray();
    QCOMPARE(playing.size(), 1);
    QCOMPARE(playing[0][u"username"_s].toString(), u"alice"_s);
    QCOMPARE(playing[0][u"playerName"_s].toString(), u"tst"_s);
    QCOMPARE(playing[0][u"id"_s].toString(), one);
    QCOMPARE(bob(u"getNowPlaying"_s).response[u"nowPlaying"_s][u"entry"_s].toArray().size(), 0);
}

void TestSubsonicAuth::sameStateAsTheWebApp()
{
    const QString two = songOf(m_aliceKey, u"Two"_s);
    const QByteArray trackId = two.mid(3).toUtf8();   // "tr-12" → "12"
    const QByteArray token = bearer(m_server.tokenFor(m_server.aliceId));
    const auto webFavourites = [&] {
        QList<qint64> ids;
        const RawResponse r = request(m_server.port(), "GET", "/api/favourites", {token});
        for (const QJsonValue &t : QJsonDocument::fromJson(r.body)[u"tracks"_s].toArray())
            ids << t[u"id"_s].toInteger();
        return ids;
    };
    // A star from a phone app shows in the web app...
    QCOMPARE(alice(u"star"_s, u"id="_s + two).status(), u"ok"_s);
    QVERIFY(webFavourites().contains(trackId.toLongLong()));
    // ...and a rating from the web app in the phone app.
    const RawResponse web = request(m_server.port(), "PUT", "/api/ratings/tracks/" + trackId, {token}, R"({"rating":2})");
    QCOMPARE(web.status, 204);
    QCOMPARE(alice(u"getSong"_s, u"id="_s + two).response[u"song"_s][u"userRating"_s].toInt(), 2);
    QCOMPARE(alice(u"unstar"_s, u"id="_s + two).status(), u"ok"_s);
    QVERIFY(!webFavourites().contains(trackId.toLongLong()));
}

void TestSubsonicAuth::perUserAlbumLists()
{
    const QString two = songOf(m_aliceKey, u"Two"_s);
    const QString three = songOf(m_aliceKey, u"Three"_s);
    const QString albumThree = alice(u"getSong"_s, u"id="_s + three).response[u"song"_s][u"albumId"_s].toString();
    QCOMPARE(alice(u"scrobble"_s, u"id=%1&id=%1&id=%1&id=%2"_s.arg(three, two)).status(), u"ok"_s);
    QCOMPARE(alice(u"setRating"_s, u"rating=4&id="_s + albumThree).status(), u"ok"_s);
    QCOMPARE(alice(u"star"_s, u"albumId="_s + albumThree).status(), u"ok"_s);
    auto names = [this](const QString &type) {
        QStringList list;
        for (const QJsonValue &a : alice(u"getAlbumList2"_s, u"type="_s + type).response[u"albumList2"_s][u"album"_s].toArray())
            list << a[u"name"_s].toString();
        return list;
    };
    QCOMPARE(names(u"highest"_s).first(), u"Shared C"_s);
    QCOMPARE(names(u"frequent"_s).first(), u"Shared C"_s);   // three plays of Three, two of One
    QCOMPARE(names(u"starred"_s), QStringList{u"Shared C"_s});
    QVERIFY(names(u"recent"_s).contains(u"Shared B"_s));
    QVERIFY(!names(u"recent"_s).contains(u"Private"_s));
    QCOMPARE(bob(u"getAlbumList2"_s, u"type=starred"_s).response[u"albumList2"_s][u"album"_s].toArray().size(), 0);
}

void TestSubsonicAuth::playlistsAndPlayQueue()
{
    const QString one = songOf(m_aliceKey, u"One"_s);
    const QString two = songOf(m_aliceKey, u"Two"_s);
    const SubsonicJson created = alice(u"createPlaylist"_s, u"name=Mix&songId=%1&songId=%2&songId=%1"_s.arg(one, two));
    const QString id = created.response[u"playlist"_s][u"id"_s].toString();
    QVERIFY(id.startsWith(u"pl-"_s));
    QCOMPARE(created.response[u"playlist"_s][u"songCount"_s].toInt(), 3);
    QCOMPARE(created.response[u"playlist"_s][u"owner"_s].toString(), u"alice"_s);
    // Private: bob does not see it; public: he reads it but cannot change it.
    QCOMPARE(bob(u"getPlaylist"_s, u"id="_s + id).errorCode(), 70);
    QCOMPARE(alice(u"updatePlaylist"_s, u"public=true&songIndexToRemove=2&playlistId="_s + id).status(), u"ok"_s);
    const QJsonArray entries = bob(u"getPlaylist"_s, u"id="_s + id).response[u"playlist"_s][u"entry"_s].toArray();
    QCOMPARE(entries.size(), 0);   // public, but none of its songs are in bob's folders
    QCOMPARE(bob(u"updatePlaylist"_s, u"name=Mine&playlistId="_s + id).errorCode(), 50);
    QCOMPARE(bob(u"deletePlaylist"_s, u"id="_s + id).errorCode(), 50);
    QJsonArray mine = alice(u"getPlaylist"_s, u"id="_s + id).response[u"playlist"_s][u"entry"_s].toArray();
    QCOMPARE(mine.size(), 2);
    QCOMPARE(mine[0][u"id"_s].toString(), one);
    QCOMPARE(mine[1][u"id"_s].toString(), two);
    // createPlaylist with playlistId replaces the songs.
    QCOMPARE(alice(u"createPlaylist"_s, u"playlistId=%1&songId=%2"_s.arg(id, two)).response[u"playlist"_s][u"songCount"_s].toInt(), 1);
    QVERIFY(alice(u"getPlaylists"_s).response[u"playlists"_s][u"playlist"_s].isArray());
    QCOMPARE(alice(u"deletePlaylist"_s, u"id="_s + id).status(), u"ok"_s);
    QCOMPARE(alice(u"getPlaylist"_s, u"id="_s + id).errorCode(), 70);

    QCOMPARE(alice(u"getPlayQueue"_s).response.contains(u"playQueue"_s), false);
    QCOMPARE(alice(u"savePlayQueue"_s, u"id=%1&id=%2&current=%2&position=12345"_s.arg(one, two)).status(), u"ok"_s);
    const QJsonObject queue = alice(u"getPlayQueue"_s).response[u"playQueue"_s].toObject();
    QCOMPARE(queue[u"entry"_s].toArray().size(), 2);
    QCOMPARE(queue[u"current"_s].toString(), two);
    QCOMPARE(queue[u"position"_s].toInteger(), 12345);
    QCOMPARE(queue[u"changedBy"_s].toString(), u"tst"_s);
    QCOMPARE(bob(u"getPlayQueue"_s).response.contains(u"playQueue"_s), false);
}

void TestSubsonicAuth::badStateInput_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("code");
    QTest::newRow("star nothing") << u"star"_s << QString() << 10;
    QTest::newRow("star a malformed id") << u"star"_s << u"id=tr-"_s << 10;
    QTest::newRow("star an unknown album") << u"star"_s << u"albumId=al-987654"_s << 70;
    QTest::newRow("rating 9") << u"setRating"_s << u"rating=9&id=SONG"_s << 10;
    QTest::newRow("rating missing") << u"setRating"_s << u"id=SONG"_s << 10;
    QTest::newRow("scrobble a bad time") << u"scrobble"_s << u"id=SONG&time=yesterday"_s << 10;
    QTest::newRow("scrobble nothing") << u"scrobble"_s << QString() << 10;
    QTest::newRow("playlist without a name") << u"createPlaylist"_s << QString() << 10;
    QTest::newRow("playlist with a blank name") << u"createPlaylist"_s << u"name=%20%20"_s << 10;
    QTest::newRow("playlist of an unknown song") << u"createPlaylist"_s << u"name=x&songId=tr-987654"_s << 70;
    QTest::newRow("unknown playlist") << u"getPlaylist"_s << u"id=pl-987654"_s << 70;
    QTest::newRow("a song id as playlist") << u"deletePlaylist"_s << u"id=tr-1"_s << 10;
    QTest::newRow("queue with a bad position") << u"savePlayQueue"_s << u"id=SONG&position=-5"_s << 10;
}

void TestSubsonicAuth::badStateInput()
{
    QFETCH(QString, method);
    QFETCH(QString, query);
    QFETCH(int, code);
    QString q = query;
    const SubsonicJson j = alice(method, q.replace(u"SONG"_s, songOf(m_aliceKey, u"One"_s)));
    QCOMPARE(j.status(), u"failed"_s);
    QCOMPARE(j.errorCode(), code);
}

QTEST_GUILESS_MAIN(TestSubsonicAuth)
#include "tst_subsonic_auth.moc"
