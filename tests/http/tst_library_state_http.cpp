// Each user's library state over the JSON API: favourites, ratings, plays, playlists and the saved
// play queue, and that state in the browse answers (tracks, albums, artists, search) and the
// per-user album orders. Real server, real scan, real users (AuthServer: root sees everything,
// alice only "shared", bob only "private"); every write is the caller's own, within their grants.

#include "AuthServer.h"
#include "MediaFixtures.h"
#include "catalog/Database.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestLibraryStateHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void favouritesStarredListedAndUnstarred();
    void stateIsPerUser();
    void stateInBrowseAnswers();
    void ratingsSetAndCleared();
    void badRatings_data();
    void badRatings();
    void playsCounted();
    void badPlays_data();
    void badPlays();
    void albumOrdersOfTheCaller();
    void hiddenItemsAreNotFound_data();
    void hiddenItemsAreNotFound();
    void badItemPaths_data();
    void badItemPaths();
    void playlistLifecycle();
    void playlistTracksReplacedAndRemoved();
    void badPlaylistInput_data();
    void badPlaylistInput();
    void otherUsersPlaylists();
    void playQueueSavedAndRead();
    void badPlayQueues_data();
    void badPlayQueues();

private:
    RawResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                     const QByteArray &body = {});
    QJsonObject getJson(const QByteArray &target, const QByteArray &token);
    QByteArray tokenOf(const QString &who) const;
    static QByteArray id(qint64 value) { return QByteArray::number(value); }

    AuthServer m_server;
    QByteArray m_root, m_alice, m_bob;
    qint64 m_alpha = 0, m_beta = 0, m_gamma = 0, m_hidden = 0;
    qint64 m_sharedAlbum = 0, m_otherAlbum = 0, m_secretAlbum = 0;
    qint64 m_sam = 0, m_pat = 0;
};

namespace {

QJsonObject bodyOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray jsonArray(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<qint64> ids(const QJsonArray &items)
{
    QList<qint64> values;
    for (const QJsonValue &item : items)
        values << item.toObject().value(u"id"_s).toInteger();
    return values;
}

QJsonObject itemWithId(const QJsonArray &items, qint64 id)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"id"_s).toInteger() == id)
            return item.toObject();
    }
    return {};
}

} // namespace

void TestLibraryStateHttp::initTestCase()
{
    const QString shared = m_server.sharedDir();
    const auto audio = [](const QString &path, const QString &title, const QString &artist, const QString &album,
                          const QString &track) {
        return makeAudio(path, 2,
                         {{u"title"_s, title}, {u"artist"_s, artist}, {u"album"_s, album}, {u"track"_s, track}});
    };
    QVERIFY(QDir().mkpath(shared + u"/A"_s));
    QCOMPARE(audio(shared + u"/A/1.mp3"_s, u"Alpha"_s, u"Sam"_s, u"Shared Album"_s, u"1"_s), QString());
    QCOMPARE(audio(shared + u"/A/2.mp3"_s, u"Beta"_s, u"Sam"_s, u"Shared Album"_s, u"2"_s), QString());
    QCOMPARE(audio(shared + u"/g.mp3"_s, u"<img src=x onerror=alert(1)>"_s, u"Gil"_s, u"Other Album"_s, u"1"_s),
             QString());
    QCOMPARE(audio(m_server.privateDir() + u"/p.mp3"_s, u"Hidden"_s, u"Pat"_s, u"Secret Album"_s, u"1"_s), QString());
    QCOMPARE(m_server.start(), QString());
    m_root = bearer(m_server.tokenFor(m_server.rootId));
    m_alice = bearer(m_server.tokenFor(m_server.aliceId));
    m_bob = bearer(m_server.tokenFor(m_server.bobId));
    m_alpha = m_server.trackIdFor(u"1.mp3"_s);
    m_beta = m_server.trackIdFor(u"2.mp3"_s);
    m_gamma = m_server.trackIdFor(u"g.mp3"_s);
    m_hidden = m_server.trackIdFor(u"p.mp3"_s);
    QVERIFY(m_alpha > 0 && m_beta > 0 && m_gamma > 0 && m_hidden > 0);
    const QJsonObject alpha = getJson("/api/tracks/" + id(m_alpha), m_root);
    m_sharedAlbum = alpha.value(u"albumId"_s).toInteger();
    m_sam = alpha.value(u"artistId"_s).toInteger();
    m_otherAlbum = getJson("/api/tracks/" + id(m_gamma), m_root).value(u"albumId"_s).toInteger();
    const QJsonObject hidden = getJson("/api/tracks/" + id(m_hidden), m_root);
    m_secretAlbum = hidden.value(u"albumId"_s).toInteger();
    m_pat = hidden.value(u"artistId"_s).toInteger();
    QVERIFY(m_sharedAlbum > 0 && m_otherAlbum > 0 && m_secretAlbum > 0 && m_sam > 0 && m_pat > 0);
}

// Every test starts from nobody's state. Plays have no API to forget them, so the fixture
// empties the catalog's user-state tables itself.
void TestLibraryStateHttp::init()
{
    QSqlQuery q(m_server.database().connection());
    for (const QString &table : {u"favourites"_s, u"ratings"_s, u"plays"_s, u"playlists"_s, u"play_queues"_s})
        QVERIFY2(q.exec(u"DELETE FROM "_s + table), qPrintable(table));
}

RawResponse TestLibraryStateHttp::call(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                                       const QByteArray &body)
{
    return request(m_server.port(), method, target, {token}, body);
}

QJsonObject TestLibraryStateHttp::getJson(const QByteArray &target, const QByteArray &token)
{
    const RawResponse r = call("GET", target, token);
    if (r.status != 200)
        qWarning() << target << r.status << r.body;
    return r.status == 200 ? bodyOf(r) : QJsonObject{{u"unexpected status"_s, r.status}};
}

QByteArray TestLibraryStateHttp::tokenOf(const QString &who) const
{
    return who == u"root"_s ? m_root : who == u"alice"_s ? m_alice : m_bob;
}

void TestLibraryStateHttp::favouritesStarredListedAndUnstarred()
{
    const QJsonObject empty = getJson("/api/favourites", m_alice);
    QVERIFY(empty.value(u"tracks"_s).toArray().isEmpty() && empty.value(u"albums"_s).toArray().isEmpty()
            && empty.value(u"artists"_s).toArray().isEmpty());

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(call("PUT", "/api/favourites/tracks/" + id(m_alpha), m_alice).status, 204);
    QCOMPARE(call("PUT", "/api/favourites/tracks/" + id(m_alpha), m_alice).status, 204);   // again: no change
    QCOMPARE(call("PUT", "/api/favourites/albums/" + id(m_sharedAlbum), m_alice).status, 204);
    QCOMPARE(call("PUT", "/api/favourites/artists/" + id(m_sam), m_alice).status, 204);

    const QJsonObject starred = getJson("/api/favourites", m_alice);
    QCOMPARE(ids(starred.value(u"tracks"_s).toArray()), QList<qint64>{m_alpha});
    QCOMPARE(ids(starred.value(u"albums"_s).toArray()), QList<qint64>{m_sharedAlbum});
    QCOMPARE(ids(starred.value(u"artists"_s).toArray()), QList<qint64>{m_sam});
    // The browse shapes, with the state.
    const QJsonObject track = starred.value(u"tracks"_s).toArray().at(0).toObject();
    QCOMPARE(track.value(u"title"_s).toString(), u"Alpha"_s);
    QCOMPARE(track.value(u"albumId"_s).toInteger(), m_sharedAlbum);
    QVERIFY(track.value(u"favourite"_s).toBool());
    const QDateTime at = QDateTime::fromString(track.value(u"starredAt"_s).toString(), Qt::ISODate);
    QVERIFY2(at.isValid() && at.toSecsSinceEpoch() >= before, qPrintable(track.value(u"starredAt"_s).toString()));
    const QJsonObject album = starred.value(u"albums"_s).toArray().at(0).toObject();
    QCOMPARE(album.value(u"title"_s).toString(), u"Shared Album"_s);
    QCOMPARE(album.value(u"trackCount"_s).toInt(), 2);
    QVERIFY(album.value(u"favourite"_s).toBool());
    QCOMPARE(starred.value(u"artists"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"Sam"_s);

    QCOMPARE(call("DELETE", "/api/favourites/tracks/" + id(m_alpha), m_alice).status, 204);
    QCOMPARE(call("DELETE", "/api/favourites/tracks/" + id(m_alpha), m_alice).status, 204);   // not starred: fine
    QVERIFY(getJson("/api/favourites", m_alice).value(u"tracks"_s).toArray().isEmpty());
    const QJsonObject unstarred = getJson("/api/tracks/" + id(m_alpha), m_alice);
    QCOMPARE(unstarred.value(u"favourite"_s).toBool(true), false);
    QVERIFY(unstarred.value(u"starredAt"_s).isNull());
    QCOMPARE(call("HEAD", "/api/favourites", m_alice).status, 200);
    QCOMPARE(call("GET", "/api/favourites", {}).status, 401);
}

void TestLibraryStateHttp::stateIsPerUser()
{
    QCOMPARE(call("PUT", "/api/favourites/tracks/" + id(m_alpha), m_alice).status, 204);
    QCOMPARE(call("PUT", "/api/ratings/tracks/" + id(m_alpha), m_alice, R"({"rating":5})").status, 204);
    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice).status, 204);

    // root sees every track, but not alice's state of it.
    const QJsonObject forRoot = getJson("/api/tracks/" + id(m_alpha), m_root);
    QCOMPARE(forRoot.value(u"favourite"_s).toBool(true), false);
    QCOMPARE(forRoot.value(u"rating"_s).toInt(-1), 0);
    QCOMPARE(forRoot.value(u"playCount"_s).toInt(-1), 0);
    QVERIFY(forRoot.value(u"lastPlayedAt"_s).isNull());
    QVERIFY(getJson("/api/favourites", m_root).value(u"tracks"_s).toArray().isEmpty());

    const QJsonObject forAlice = getJson("/api/tracks/" + id(m_alpha), m_alice);
    QVERIFY(forAlice.value(u"favourite"_s).toBool());
    QCOMPARE(forAlice.value(u"rating"_s).toInt(), 5);
    QCOMPARE(forAlice.value(u"playCount"_s).toInt(), 1);
    QVERIFY(!forAlice.value(u"lastPlayedAt"_s).toString().isEmpty());
}

void TestLibraryStateHttp::stateInBrowseAnswers()
{
    QCOMPARE(call("PUT", "/api/favourites/tracks/" + id(m_beta), m_alice).status, 204);
    QCOMPARE(call("PUT", "/api/favourites/albums/" + id(m_sharedAlbum), m_alice).status, 204);
    QCOMPARE(call("PUT", "/api/ratings/albums/" + id(m_sharedAlbum), m_alice, R"({"rating":3})").status, 204);
    QCOMPARE(call("PUT", "/api/ratings/artists/" + id(m_sam), m_alice, R"({"rating":2})").status, 204);
    QCOMPARE(call("PUT", "/api/favourites/artists/" + id(m_sam), m_alice).status, 204);
    QCOMPARE(call("POST", "/api/tracks/" + id(m_beta) + "/played", m_alice).status, 204);

    const auto checkAlbum = [&](const QJsonObject &album, const char *where) {
        QVERIFY2(album.value(u"favourite"_s).toBool(), where);
        QVERIFY2(album.value(u"rating"_s).toInt() == 3, where);
        QVERIFY2(album.value(u"playCount"_s).toInt() == 1, where);   // summed over its tracks
    };
    const auto checkBeta = [&](const QJsonObject &track, const char *where) {
        QVERIFY2(track.value(u"favourite"_s).toBool(), where);
        QVERIFY2(track.value(u"playCount"_s).toInt() == 1, where);
    };
    const auto checkSam = [&](const QJsonObject &artist, const char *where) {
        QVERIFY2(artist.value(u"favourite"_s).toBool(), where);
        QVERIFY2(artist.value(u"rating"_s).toInt() == 2, where);
    };
    checkAlbum(itemWithId(getJson("/api/albums", m_alice).value(u"items"_s).toArray(), m_sharedAlbum), "album list");
    const QJsonObject album = getJson("/api/albums/" + id(m_sharedAlbum), m_alice);
    checkAlbum(album, "album");
    checkBeta(itemWithId(album.value(u"tracks"_s).toArray(), m_beta), "album tracks");
    const QJsonObject alpha = itemWithId(album.value(u"tracks"_s).toArray(), m_alpha);
    QCOMPARE(alpha.value(u"favourite"_s).toBool(true), false);
    QCOMPARE(alpha.value(u"playCount"_s).toInt(-1), 0);
    checkBeta(itemWithId(getJson("/api/tracks", m_alice).value(u"items"_s).toArray(), m_beta), "track list");
    checkBeta(getJson("/api/tracks/" + id(m_beta), m_alice), "track");
    checkSam(itemWithId(getJson("/api/artists", m_alice).value(u"items"_s).toArray(), m_sam), "artist list");
    const QJsonObject sam = getJson("/api/artists/" + id(m_sam), m_alice);
    checkSam(sam, "artist");
    checkAlbum(itemWithId(sam.value(u"albums"_s).toArray(), m_sharedAlbum), "artist's albums");
    const QJsonObject found = getJson("/api/search?q=beta", m_alice);
    checkBeta(itemWithId(found.value(u"tracks"_s).toArray(), m_beta), "search");
    const QJsonObject foundAlbum = getJson("/api/search?q=shared", m_alice);
    checkAlbum(itemWithId(foundAlbum.value(u"albums"_s).toArray(), m_sharedAlbum), "search albums");
    checkSam(itemWithId(getJson("/api/search?q=sam", m_alice).value(u"artists"_s).toArray(), m_sam), "search artists");
    // Every item of every answer has the fields, set or not.
    for (const QJsonValue &t : getJson("/api/tracks", m_alice).value(u"items"_s).toArray()) {
        for (const QString &field : {u"favourite"_s, u"starredAt"_s, u"rating"_s, u"playCount"_s, u"lastPlayedAt"_s})
            QVERIFY2(t.toObject().contains(field), qPrintable(field));
    }
}

void TestLibraryStateHttp::ratingsSetAndCleared()
{
    QCOMPARE(call("PUT", "/api/ratings/tracks/" + id(m_alpha), m_alice, R"({"rating":4})").status, 204);
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_alice).value(u"rating"_s).toInt(), 4);
    QCOMPARE(call("PUT", "/api/ratings/tracks/" + id(m_alpha), m_alice, R"({"rating":1})").status, 204);
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_alice).value(u"rating"_s).toInt(), 1);
    QCOMPARE(call("PUT", "/api/ratings/tracks/" + id(m_alpha), m_alice, R"({"rating":0})").status, 204);
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_alice).value(u"rating"_s).toInt(-1), 0);
    QCOMPARE(call("PUT", "/api/ratings/albums/" + id(m_otherAlbum), m_alice, R"({"rating":5.0})").status, 204);
    QCOMPARE(getJson("/api/albums/" + id(m_otherAlbum), m_alice).value(u"rating"_s).toInt(), 5);
    QCOMPARE(call("PUT", "/api/ratings/albums/" + id(m_otherAlbum), m_alice, R"({"rating":0})").status, 204);
}

void TestLibraryStateHttp::badRatings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("six") << R"({"rating":6})"_ba;
    QTest::newRow("negative") << R"({"rating":-1})"_ba;
    QTest::newRow("fraction") << R"({"rating":2.5})"_ba;
    QTest::newRow("text") << R"({"rating":"3"})"_ba;
    QTest::newRow("missing") << R"({})"_ba;
    QTest::newRow("null") << R"({"rating":null})"_ba;
}

void TestLibraryStateHttp::badRatings()
{
    QFETCH(QByteArray, body);
    const RawResponse r = call("PUT", "/api/ratings/tracks/" + id(m_alpha), m_alice, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(bodyOf(r).value(u"error"_s).toString(), u"'rating' must be 0 (none) to 5"_s);
    QCOMPARE(bodyOf(r).value(u"allowed"_s).toArray(),
             QJsonArray({u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}));
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_alice).value(u"rating"_s).toInt(-1), 0);
}

void TestLibraryStateHttp::playsCounted()
{
    const qint64 hourAgo = QDateTime::currentSecsSinceEpoch() - 3600;
    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice, json({{u"at"_s, hourAgo}})).status, 204);
    QJsonObject track = getJson("/api/tracks/" + id(m_alpha), m_alice);
    QCOMPARE(track.value(u"playCount"_s).toInt(), 1);
    QCOMPARE(QDateTime::fromString(track.value(u"lastPlayedAt"_s).toString(), Qt::ISODate).toSecsSinceEpoch(), hourAgo);

    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice).status, 204);   // now, no body
    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice, "{}").status, 204);
    // A play made offline earlier counts, but the last play stays the latest.
    const QByteArray earlier = json({{u"at"_s, hourAgo - 60}});
    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice, earlier).status, 204);
    track = getJson("/api/tracks/" + id(m_alpha), m_alice);
    QCOMPARE(track.value(u"playCount"_s).toInt(), 4);
    QVERIFY(QDateTime::fromString(track.value(u"lastPlayedAt"_s).toString(), Qt::ISODate).toSecsSinceEpoch() > hourAgo);
    QCOMPARE(call("POST", "/api/tracks/" + id(m_beta) + "/played", m_alice).status, 204);
    QCOMPARE(getJson("/api/albums/" + id(m_sharedAlbum), m_alice).value(u"playCount"_s).toInt(), 5);
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_root).value(u"playCount"_s).toInt(), 0);
}

void TestLibraryStateHttp::badPlays_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("not json") << "at=1"_ba << u"the body must be a JSON object"_s;
    QTest::newRow("array") << "[]"_ba << u"the body must be a JSON object"_s;
    QTest::newRow("negative") << R"({"at":-5})"_ba << u"'at' must be a time in unix seconds"_s;
    QTest::newRow("text") << R"({"at":"yesterday"})"_ba << u"'at'"_s;
    QTest::newRow("future") << json({{u"at"_s, QDateTime::currentSecsSinceEpoch() + 86400}}) << u"not in the future"_s;
}

void TestLibraryStateHttp::badPlays()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorPart);
    const RawResponse r = call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(bodyOf(r).value(u"error"_s).toString().contains(errorPart), r.body.constData());
    QCOMPARE(getJson("/api/tracks/" + id(m_alpha), m_alice).value(u"playCount"_s).toInt(-1), 0);
}

void TestLibraryStateHttp::albumOrdersOfTheCaller()
{
    // Names: "Other Album" < "Shared Album". Each per-user order puts Shared first for alice.
    QCOMPARE(call("PUT", "/api/ratings/albums/" + id(m_sharedAlbum), m_alice, R"({"rating":4})").status, 204);
    QCOMPARE(call("PUT", "/api/favourites/albums/" + id(m_sharedAlbum), m_alice).status, 204);
    QCOMPARE(call("POST", "/api/tracks/" + id(m_alpha) + "/played", m_alice).status, 204);
    const auto order = [&](const QByteArray &sort, const QByteArray &token) {
        return ids(getJson("/api/albums?sort=" + sort, token).value(u"items"_s).toArray());
    };
    QCOMPARE(order("name", m_alice), (QList<qint64>{m_otherAlbum, m_sharedAlbum}));
    QCOMPARE(order("rating", m_alice), (QList<qint64>{m_sharedAlbum, m_otherAlbum}));
    QCOMPARE(order("starred", m_alice), (QList<qint64>{m_sharedAlbum, m_otherAlbum}));
    QCOMPARE(order("frequent", m_alice), QList<qint64>{m_sharedAlbum});   // never played: left out
    QCOMPARE(order("recent", m_alice), QList<qint64>{m_sharedAlbum});
    // The orders read the caller's state only: root rated and played nothing.
    QCOMPARE(order("frequent", m_root), QList<qint64>{});
    QCOMPARE(getJson("/api/albums?sort=recent", m_root).value(u"total"_s).toInt(), 0);
    QCOMPARE(order("rating", m_root).first(), m_otherAlbum);   // unrated: by name
    const RawResponse bad = call("GET", "/api/albums?sort=loved", m_alice);
    QCOMPARE(bad.status, 400);
    QVERIFY(bodyOf(bad).value(u"allowed"_s).toArray().contains(u"frequent"_s));
}

void TestLibraryStateHttp::hiddenItemsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");   // HIDDEN_TRACK, SECRET_ALBUM, PAT are replaced
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("star track") << "PUT"_ba << "/api/favourites/tracks/HIDDEN_TRACK"_ba << QByteArray();
    QTest::newRow("unstar track") << "DELETE"_ba << "/api/favourites/tracks/HIDDEN_TRACK"_ba << QByteArray();
    QTest::newRow("star album") << "PUT"_ba << "/api/favourites/albums/SECRET_ALBUM"_ba << QByteArray();
    QTest::newRow("star artist") << "PUT"_ba << "/api/favourites/artists/PAT"_ba << QByteArray();
    QTest::newRow("star unknown") << "PUT"_ba << "/api/favourites/tracks/987654"_ba << QByteArray();
    QTest::newRow("rate track") << "PUT"_ba << "/api/ratings/tracks/HIDDEN_TRACK"_ba << R"({"rating":3})"_ba;
    QTest::newRow("rate album") << "PUT"_ba << "/api/ratings/albums/SECRET_ALBUM"_ba << R"({"rating":3})"_ba;
    QTest::newRow("rate artist") << "PUT"_ba << "/api/ratings/artists/PAT"_ba << R"({"rating":3})"_ba;
    QTest::newRow("rate unknown") << "PUT"_ba << "/api/ratings/albums/987654"_ba << R"({"rating":3})"_ba;
    QTest::newRow("play") << "POST"_ba << "/api/tracks/HIDDEN_TRACK/played"_ba << QByteArray();
    QTest::newRow("play unknown") << "POST"_ba << "/api/tracks/987654/played"_ba << QByteArray();
    QTest::newRow("playlist with it") << "POST"_ba << "/api/playlists"_ba
                                      << R"({"name":"x","trackIds":[HIDDEN_TRACK]})"_ba;
    QTest::newRow("queue with it") << "PUT"_ba << "/api/queue"_ba << R"({"trackIds":[HIDDEN_TRACK]})"_ba;
}

void TestLibraryStateHttp::hiddenItemsAreNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    const auto fill = [&](QByteArray text) {
        return text.replace("HIDDEN_TRACK", id(m_hidden))
            .replace("SECRET_ALBUM", id(m_secretAlbum))
            .replace("PAT", id(m_pat));
    };
    const RawResponse r = call(method, fill(target), m_alice, fill(body));
    QCOMPARE(r.status, 404);
    QVERIFY2(bodyOf(r).value(u"error"_s).toString().startsWith(u"no such "_s), r.body.constData());
    // Nothing was written for anyone.
    QVERIFY(getJson("/api/favourites", m_bob).value(u"tracks"_s).toArray().isEmpty());
    QCOMPARE(getJson("/api/tracks/" + id(m_hidden), m_bob).value(u"playCount"_s).toInt(-1), 0);
    QVERIFY(getJson("/api/playlists", m_alice).value(u"items"_s).toArray().isEmpty());
    QVERIFY(getJson("/api/queue", m_alice).value(u"trackIds"_s).toArray().isEmpty());
}

void TestLibraryStateHttp::badItemPaths_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown kind") << "PUT"_ba << "/api/favourites/songs/1"_ba
                                  << u"the kind must be one of: tracks, albums, artists"_s;
    QTest::newRow("unknown kind, unstar") << "DELETE"_ba << "/api/favourites/playlists/1"_ba
                                          << u"the kind must be one of: tracks, albums, artists"_s;
    QTest::newRow("rating kind") << "PUT"_ba << "/api/ratings/track/1"_ba
                                 << u"the kind must be one of: tracks, albums, artists"_s;
    QTest::newRow("zero id") << "PUT"_ba << "/api/favourites/tracks/0"_ba << u"track id must be a positive integer"_s;
    QTest::newRow("text id") << "DELETE"_ba << "/api/favourites/albums/abc"_ba
                             << u"album id must be a positive integer"_s;
    QTest::newRow("negative id") << "PUT"_ba << "/api/ratings/artists/-2"_ba
                                 << u"artist id must be a positive integer"_s;
    QTest::newRow("play id") << "POST"_ba << "/api/tracks/1x/played"_ba << u"track id must be a positive integer"_s;
    QTest::newRow("playlist id") << "GET"_ba << "/api/playlists/first"_ba
                                 << u"playlist id must be a positive integer"_s;
    QTest::newRow("playlist id, delete") << "DELETE"_ba << "/api/playlists/0"_ba
                                         << u"playlist id must be a positive integer"_s;
}

void TestLibraryStateHttp::badItemPaths()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QString, error);
    const RawResponse r = call(method, target, m_alice, method == "PUT" ? R"({"rating":1})"_ba : QByteArray());
    QCOMPARE(r.status, 400);
    QCOMPARE(bodyOf(r).value(u"error"_s).toString(), error);
    if (error.startsWith(u"the kind"_s))
        QCOMPARE(bodyOf(r).value(u"allowed"_s).toArray(), QJsonArray({u"tracks"_s, u"albums"_s, u"artists"_s}));
}

void TestLibraryStateHttp::playlistLifecycle()
{
    QVERIFY(getJson("/api/playlists", m_alice).value(u"items"_s).toArray().isEmpty());
    const QJsonArray trackIds{m_beta, m_alpha, m_beta};
    RawResponse r = call("POST", "/api/playlists", m_alice,
                         json({{u"name"_s, u"  Road trip  "_s}, {u"trackIds"_s, trackIds}}));
    QCOMPARE(r.status, 201);
    QJsonObject playlist = bodyOf(r);
    const QByteArray pid = id(playlist.value(u"id"_s).toInteger());
    QCOMPARE(playlist.value(u"name"_s).toString(), u"Road trip"_s);
    QCOMPARE(playlist.value(u"public"_s).toBool(true), false);
    QCOMPARE(playlist.value(u"owner"_s).toString(), u"alice"_s);
    QVERIFY(playlist.value(u"own"_s).toBool());
    QCOMPARE(playlist.value(u"trackCount"_s).toInt(), 3);
    QVERIFY(playlist.value(u"duration"_s).toDouble() > 5.0);
    QVERIFY(!playlist.value(u"createdAt"_s).toString().isEmpty());
    QCOMPARE(ids(playlist.value(u"tracks"_s).toArray()), (QList<qint64>{m_beta, m_alpha, m_beta}));   // duplicates kept
    QVERIFY(playlist.value(u"tracks"_s).toArray().at(0).toObject().contains(u"favourite"_s));

    const QJsonArray listed = getJson("/api/playlists", m_alice).value(u"items"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"trackCount"_s).toInt(), 3);
    QVERIFY(!listed.at(0).toObject().contains(u"tracks"_s));

    r = call("PATCH", "/api/playlists/" + pid, m_alice,
             json({{u"name"_s, u"Road trip <b>2</b>"_s}, {u"comment"_s, u"for the car"_s}, {u"public"_s, true}}));
    QCOMPARE(r.status, 200);
    playlist = getJson("/api/playlists/" + pid, m_alice);
    QCOMPARE(playlist.value(u"name"_s).toString(), u"Road trip <b>2</b>"_s);
    QCOMPARE(playlist.value(u"comment"_s).toString(), u"for the car"_s);
    QVERIFY(playlist.value(u"public"_s).toBool());
    QCOMPARE(ids(playlist.value(u"tracks"_s).toArray()), (QList<qint64>{m_beta, m_alpha, m_beta}));

    // A public playlist and a comment straight away.
    r = call("POST", "/api/playlists", m_alice,
             json({{u"name"_s, u"Empty"_s}, {u"public"_s, true}, {u"comment"_s, u"c"_s}}));
    QCOMPARE(r.status, 201);
    QVERIFY(bodyOf(r).value(u"public"_s).toBool());
    QCOMPARE(bodyOf(r).value(u"comment"_s).toString(), u"c"_s);
    QCOMPARE(bodyOf(r).value(u"trackCount"_s).toInt(), 0);
    QCOMPARE(getJson("/api/playlists", m_alice).value(u"items"_s).toArray().size(), 2);

    QCOMPARE(call("DELETE", "/api/playlists/" + pid, m_alice).status, 204);
    QCOMPARE(call("GET", "/api/playlists/" + pid, m_alice).status, 404);
    QCOMPARE(call("DELETE", "/api/playlists/" + pid, m_alice).status, 404);
    QCOMPARE(call("PATCH", "/api/playlists/" + pid, m_alice, R"({"name":"x"})").status, 404);
    QCOMPARE(getJson("/api/playlists", m_alice).value(u"items"_s).toArray().size(), 1);
}

void TestLibraryStateHttp::playlistTracksReplacedAndRemoved()
{
    RawResponse r = call("POST", "/api/playlists", m_alice,
                         json({{u"name"_s, u"Mix"_s}, {u"trackIds"_s, QJsonArray{m_alpha}}}));
    QCOMPARE(r.status, 201);
    const QByteArray pid = id(bodyOf(r).value(u"id"_s).toInteger());
    r = call("PATCH", "/api/playlists/" + pid, m_alice, json({{u"append"_s, QJsonArray{m_beta, m_gamma, m_alpha}}}));
    QCOMPARE(r.status, 200);
    QCOMPARE(ids(bodyOf(r).value(u"tracks"_s).toArray()), (QList<qint64>{m_alpha, m_beta, m_gamma, m_alpha}));
    // Removals are positions in the list as read, applied before appends.
    r = call("PATCH", "/api/playlists/" + pid, m_alice,
             json({{u"remove"_s, QJsonArray{0, 2}}, {u"append"_s, QJsonArray{m_gamma}}}));
    QCOMPARE(r.status, 200);
    QCOMPARE(ids(bodyOf(r).value(u"tracks"_s).toArray()), (QList<qint64>{m_beta, m_alpha, m_gamma}));
    // A new order (the web app's move up/down).
    r = call("PUT", "/api/playlists/" + pid + "/tracks", m_alice, jsonArray(QJsonArray{m_gamma, m_beta, m_alpha}));
    QCOMPARE(r.status, 200);
    QCOMPARE(ids(bodyOf(r).value(u"tracks"_s).toArray()), (QList<qint64>{m_gamma, m_beta, m_alpha}));
    QCOMPARE(ids(getJson("/api/playlists/" + pid, m_alice).value(u"tracks"_s).toArray()),
             (QList<qint64>{m_gamma, m_beta, m_alpha}));
    r = call("PUT", "/api/playlists/" + pid + "/tracks", m_alice, "[]");
    QCOMPARE(r.status, 200);
    QCOMPARE(bodyOf(r).value(u"trackCount"_s).toInt(), 0);

    r = call("PATCH", "/api/playlists/" + pid, m_alice, json({{u"remove"_s, QJsonArray{0}}}));
    QCOMPARE(r.status, 400);
    QCOMPARE(bodyOf(r).value(u"error"_s).toString(), u"the playlist has no entry at index 0"_s);
    r = call("PUT", "/api/playlists/" + pid + "/tracks", m_alice, jsonArray(QJsonArray{m_hidden}));
    QCOMPARE(r.status, 404);
}

void TestLibraryStateHttp::badPlaylistInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");   // PID: a playlist of alice's
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("no body") << "POST"_ba << "/api/playlists"_ba << ""_ba << u"the body must be a JSON object"_s;
    QTest::newRow("bad json") << "POST"_ba << "/api/playlists"_ba << R"({"name":)"_ba
                              << u"the body must be a JSON object"_s;
    QTest::newRow("no name") << "POST"_ba << "/api/playlists"_ba << R"({"trackIds":[]})"_ba
                             << u"a playlist needs a name"_s;
    QTest::newRow("blank name") << "POST"_ba << "/api/playlists"_ba << R"({"name":"  "})"_ba
                                << u"a playlist needs a name"_s;
    QTest::newRow("name number") << "POST"_ba << "/api/playlists"_ba << R"({"name":5})"_ba
                                 << u"'name' must be a string"_s;
    QTest::newRow("long name") << "POST"_ba << "/api/playlists"_ba << "{\"name\":\"" + QByteArray(201, 'n') + "\"}"
                               << u"'name' is longer than 200 characters"_s;
    QTest::newRow("ids not array") << "POST"_ba << "/api/playlists"_ba << R"({"name":"a","trackIds":"1,2"})"_ba
                                   << u"'trackIds' must be an array of ids"_s;
    QTest::newRow("id zero") << "POST"_ba << "/api/playlists"_ba << R"({"name":"a","trackIds":[0]})"_ba
                             << u"'trackIds'"_s;
    QTest::newRow("id text") << "POST"_ba << "/api/playlists"_ba << R"({"name":"a","trackIds":["1"]})"_ba
                             << u"'trackIds'"_s;
    QTest::newRow("public text") << "POST"_ba << "/api/playlists"_ba << R"({"name":"a","public":"yes"})"_ba
                                 << u"'public' must be true or false"_s;
    QTest::newRow("unknown field") << "POST"_ba << "/api/playlists"_ba << R"({"name":"a","tracks":[1]})"_ba
                                   << u"unknown field 'tracks'"_s;
    QTest::newRow("patch blank name") << "PATCH"_ba << "/api/playlists/PID"_ba << R"({"name":""})"_ba
                                      << u"a playlist needs a name"_s;
    QTest::newRow("patch remove text") << "PATCH"_ba << "/api/playlists/PID"_ba << R"({"remove":["0"]})"_ba
                                       << u"'remove'"_s;
    QTest::newRow("patch remove negative") << "PATCH"_ba << "/api/playlists/PID"_ba << R"({"remove":[-1]})"_ba
                                           << u"'remove'"_s;
    QTest::newRow("patch append") << "PATCH"_ba << "/api/playlists/PID"_ba << R"({"append":[1.5]})"_ba << u"'append'"_s;
    QTest::newRow("patch not object") << "PATCH"_ba << "/api/playlists/PID"_ba << "[1]"_ba
                                      << u"the body must be a JSON object"_s;
    QTest::newRow("patch unknown") << "PATCH"_ba << "/api/playlists/PID"_ba << R"({"trackIds":[1]})"_ba
                                   << u"unknown field"_s;
    QTest::newRow("tracks object") << "PUT"_ba << "/api/playlists/PID/tracks"_ba << R"({"trackIds":[1]})"_ba
                                   << u"the body must be a JSON array"_s;
    QTest::newRow("tracks bad id") << "PUT"_ba << "/api/playlists/PID/tracks"_ba << R"([1,"x"])"_ba
                                   << u"the body must be a JSON array of track ids"_s;
    QTest::newRow("tracks id") << "PUT"_ba << "/api/playlists/x/tracks"_ba << "[]"_ba
                               << u"playlist id must be a positive integer"_s;
}

void TestLibraryStateHttp::badPlaylistInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, errorPart);
    RawResponse r = call("POST", "/api/playlists", m_alice,
                         json({{u"name"_s, u"Keep"_s}, {u"trackIds"_s, QJsonArray{m_alpha}}}));
    QCOMPARE(r.status, 201);
    const QByteArray pid = id(bodyOf(r).value(u"id"_s).toInteger());
    r = call(method, target.replace("PID", pid), m_alice, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(bodyOf(r).value(u"error"_s).toString().contains(errorPart), r.body.constData());
    // Nothing changed.
    const QJsonArray listed = getJson("/api/playlists", m_alice).value(u"items"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"name"_s).toString(), u"Keep"_s);
    QCOMPARE(listed.at(0).toObject().value(u"trackCount"_s).toInt(), 1);
}

void TestLibraryStateHttp::otherUsersPlaylists()
{
    RawResponse r = call("POST", "/api/playlists", m_bob,
                         json({{u"name"_s, u"Bob private"_s}, {u"trackIds"_s, QJsonArray{m_hidden}}}));
    QCOMPARE(r.status, 201);
    const QByteArray priv = id(bodyOf(r).value(u"id"_s).toInteger());
    r = call("POST", "/api/playlists", m_bob,
             json({{u"name"_s, u"Bob public"_s}, {u"trackIds"_s, QJsonArray{m_hidden}}, {u"public"_s, true}}));
    QCOMPARE(r.status, 201);
    const QByteArray pub = id(bodyOf(r).value(u"id"_s).toInteger());

    // alice lists bob's public playlist only, and reads it without the tracks she may not see.
    const QJsonArray listed = getJson("/api/playlists", m_alice).value(u"items"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"name"_s).toString(), u"Bob public"_s);
    QCOMPARE(listed.at(0).toObject().value(u"owner"_s).toString(), u"bob"_s);
    QCOMPARE(listed.at(0).toObject().value(u"own"_s).toBool(true), false);
    QCOMPARE(listed.at(0).toObject().value(u"trackCount"_s).toInt(), 0);
    const QJsonObject read = getJson("/api/playlists/" + pub, m_alice);
    QCOMPARE(read.value(u"name"_s).toString(), u"Bob public"_s);
    QVERIFY(read.value(u"tracks"_s).toArray().isEmpty());
    // root sees everything, so bob's track too.
    QCOMPARE(ids(getJson("/api/playlists/" + pub, m_root).value(u"tracks"_s).toArray()), QList<qint64>{m_hidden});

    // Private: does not exist for alice.
    QCOMPARE(call("GET", "/api/playlists/" + priv, m_alice).status, 404);
    QCOMPARE(call("PATCH", "/api/playlists/" + priv, m_alice, R"({"name":"mine"})").status, 404);
    QCOMPARE(call("PUT", "/api/playlists/" + priv + "/tracks", m_alice, "[]").status, 404);
    QCOMPARE(call("DELETE", "/api/playlists/" + priv, m_alice).status, 404);
    // Public: readable, not writable.
    QCOMPARE(call("PATCH", "/api/playlists/" + pub, m_alice, R"({"name":"mine"})").status, 403);
    r = call("PATCH", "/api/playlists/" + pub, m_alice, json({{u"append"_s, QJsonArray{m_alpha}}}));
    QCOMPARE(r.status, 403);
    QCOMPARE(bodyOf(r).value(u"error"_s).toString(), u"only its owner may change a playlist"_s);
    QCOMPARE(call("PUT", "/api/playlists/" + pub + "/tracks", m_alice, jsonArray(QJsonArray{m_alpha})).status, 403);
    QCOMPARE(call("DELETE", "/api/playlists/" + pub, m_alice).status, 403);
    QCOMPARE(call("DELETE", "/api/playlists/" + pub, m_root).status, 403);   // not even an administrator's

    const QJsonObject mine = getJson("/api/playlists/" + pub, m_bob);
    QCOMPARE(mine.value(u"name"_s).toString(), u"Bob public"_s);
    QCOMPARE(ids(mine.value(u"tracks"_s).toArray()), QList<qint64>{m_hidden});
    QCOMPARE(call("DELETE", "/api/playlists/" + priv, m_bob).status, 204);
    QCOMPARE(call("DELETE", "/api/playlists/" + pub, m_bob).status, 204);
}

void TestLibraryStateHttp::playQueueSavedAndRead()
{
    QJsonObject queue = getJson("/api/queue", m_alice);
    QVERIFY(queue.value(u"trackIds"_s).toArray().isEmpty());
    QVERIFY(queue.value(u"tracks"_s).toArray().isEmpty());
    QCOMPARE(queue.value(u"currentTrackId"_s).toInteger(-1), 0);

    const QByteArray saved = json({{u"trackIds"_s, QJsonArray{m_beta, m_alpha, m_beta}}, {u"currentTrackId"_s, m_alpha},
                                   {u"positionMs"_s, 1500}});
    QCOMPARE(call("PUT", "/api/queue", m_alice, saved).status, 204);
    queue = getJson("/api/queue", m_alice);
    QCOMPARE(queue.value(u"trackIds"_s).toArray(), (QJsonArray{m_beta, m_alpha, m_beta}));
    QCOMPARE(ids(queue.value(u"tracks"_s).toArray()), (QList<qint64>{m_beta, m_alpha, m_beta}));
    QCOMPARE(queue.value(u"tracks"_s).toArray().at(1).toObject().value(u"title"_s).toString(), u"Alpha"_s);
    QCOMPARE(queue.value(u"currentTrackId"_s).toInteger(), m_alpha);
    QCOMPARE(queue.value(u"positionMs"_s).toInteger(), 1500);
    QCOMPARE(queue.value(u"changedBy"_s).toString(), u"web"_s);
    QVERIFY(!queue.value(u"changedAt"_s).toString().isEmpty());
    // Each user has their own.
    QVERIFY(getJson("/api/queue", m_bob).value(u"trackIds"_s).toArray().isEmpty());

    // Without a current track, the first one is.
    QCOMPARE(call("PUT", "/api/queue", m_alice, json({{u"trackIds"_s, QJsonArray{m_gamma}}})).status, 204);
    queue = getJson("/api/queue", m_alice);
    QCOMPARE(queue.value(u"currentTrackId"_s).toInteger(), m_gamma);
    QCOMPARE(queue.value(u"positionMs"_s).toInteger(-1), 0);
    QCOMPARE(call("PUT", "/api/queue", m_alice, R"({"trackIds":[]})").status, 204);
    QVERIFY(getJson("/api/queue", m_alice).value(u"trackIds"_s).toArray().isEmpty());
    QCOMPARE(call("HEAD", "/api/queue", m_alice).status, 200);
}

void TestLibraryStateHttp::badPlayQueues_data()
{
    QTest::addColumn<QByteArray>("body");   // ALPHA is replaced
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("not json") << "trackIds=1"_ba << u"the body must be a JSON object"_s;
    QTest::newRow("no tracks") << R"({"positionMs":1})"_ba << u"'trackIds' must be an array of ids"_s;
    QTest::newRow("bad id") << R"({"trackIds":[-1]})"_ba << u"'trackIds'"_s;
    QTest::newRow("current not queued") << R"({"trackIds":[ALPHA],"currentTrackId":987654})"_ba
                                        << u"is not in the queue"_s;
    QTest::newRow("current text") << R"({"trackIds":[ALPHA],"currentTrackId":"ALPHA"})"_ba << u"'currentTrackId'"_s;
    QTest::newRow("negative position") << R"({"trackIds":[ALPHA],"positionMs":-1})"_ba << u"'positionMs'"_s;
    QTest::newRow("unknown field") << R"({"trackIds":[ALPHA],"position":1})"_ba << u"unknown field 'position'"_s;
}

void TestLibraryStateHttp::badPlayQueues()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorPart);
    const RawResponse r = call("PUT", "/api/queue", m_alice, body.replace("ALPHA", id(m_alpha)));
    QCOMPARE(r.status, 400);
    QVERIFY2(bodyOf(r).value(u"error"_s).toString().contains(errorPart), r.body.constData());
    QVERIFY(getJson("/api/queue", m_alice).value(u"trackIds"_s).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestLibraryStateHttp)
#include "tst_library_state_http.moc"
