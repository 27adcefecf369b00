// App passwords over real HTTP: a user manages their own (the secret once, in the 201), an
// administrator anyone's, someone else's is 404; bad ids and bodies through the JSON error
// mapping; a revoke over HTTP ends the credential at once for the Subsonic check; and failed
// Subsonic checks share the login throttle with POST /api/auth/login.

#include "AuthServer.h"

#include "auth/AppPasswordStore.h"
#include "auth/SubsonicAuthenticator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QByteArray nameBody(const QString &name)
{
    return QJsonDocument(QJsonObject{{u"name"_s, name}}).toJson(QJsonDocument::Compact);
}

QByteArray loginBody(const QString &name, const QString &password)
{
    return QJsonDocument(QJsonObject{{u"name"_s, name}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
}

CredentialParams apiKey(const QString &key)
{
    CredentialParams c;
    c.apiKey = key;
    return c;
}

} // namespace

class TestAppPasswordsHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ownRoundTrip();
    void meIsTheCaller();
    void othersAreNotFound();
    void administratorManagesAnyone();
    void badRequests_data();
    void badRequests();
    void revokeOverHttpEndsTheCredential();
    void throttleSharedWithLogin();

private:
    QByteArray path(qint64 userId, const QByteArray &rest = {}) const
    {
        return "/api/users/" + QByteArray::number(userId) + "/app-passwords" + rest;
    }
    RawResponse create(const QByteArray &token, qint64 userId, const QString &name)
    {
        return request(m_port, "POST", path(userId), {bearer(token)}, nameBody(name));
    }
    QJsonArray list(const QByteArray &token, qint64 userId)
    {
        const RawResponse r = request(m_port, "GET", path(userId), {bearer(token)});
        return r.status == 200 ? QJsonDocument::fromJson(r.body).array() : QJsonArray();
    }

    AuthServer m_server;
    quint16 m_port = 0;
    QByteArray m_alice, m_bob, m_root;
};

void TestAppPasswordsHttp::initTestCase()
{
    QCOMPARE(m_server.start(), QString());
    m_port = m_server.port();
    m_alice = m_server.tokenFor(m_server.aliceId);
    m_bob = m_server.tokenFor(m_server.bobId);
    m_root = m_server.tokenFor(m_server.rootId);
}

void TestAppPasswordsHttp::ownRoundTrip()
{
    QCOMPARE(request(m_port, "GET", path(m_server.aliceId)).status, 401);
    QCOMPARE(request(m_port, "POST", path(m_server.aliceId), {}, nameBody(u"x"_s)).status, 401);
    QCOMPARE(list(m_alice, m_server.aliceId), QJsonArray());

    const RawResponse made = create(m_alice, m_server.aliceId, u"Symfonium on my phone"_s);
    QCOMPARE(made.status, 201);
    QCOMPARE(made.header("Cache-Control"), "no-store"_ba);
    const QJsonObject o = QJsonDocument::fromJson(made.body).object();
    const QString secret = o.value(u"secret"_s).toString();
    QCOMPARE(secret.size(), 23);
    QCOMPARE(o.value(u"name"_s).toString(), u"Symfonium on my phone"_s);
    QVERIFY(o.value(u"id"_s).toInteger() > 0);
    QVERIFY(!o.value(u"createdAt"_s).toString().isEmpty());

    const RawResponse listed = request(m_port, "GET", path(m_server.aliceId), {bearer(m_alice)});
    QCOMPARE(listed.status, 200);
    QVERIFY2(!listed.body.contains(secret.toUtf8()), listed.body.constData());   // never again
    QVERIFY(!listed.body.contains("secret"));
    const QJsonArray items = QJsonDocument::fromJson(listed.body).array();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.keys(), (QStringList{u"createdAt"_s, u"id"_s, u"lastUsedAt"_s, u"name"_s}));
    QCOMPARE(item.value(u"id"_s), o.value(u"id"_s));
    QVERIFY(item.value(u"lastUsedAt"_s).isNull());
    QCOMPARE(request(m_port, "HEAD", path(m_server.aliceId), {bearer(m_alice)}).status, 200);

    // Used by a client: the list shows when.
    QCOMPARE(m_server.subsonicAuth()->check(apiKey(secret), QHostAddress(u"192.0.2.10"_s)).result,
             CredentialCheck::Result::Ok);
    QVERIFY(!list(m_alice, m_server.aliceId).first().toObject().value(u"lastUsedAt"_s).toString().isEmpty());

    const QByteArray one = path(m_server.aliceId, "/" + QByteArray::number(o.value(u"id"_s).toInteger()));
    QCOMPARE(request(m_port, "DELETE", one, {bearer(m_alice)}).status, 204);
    QCOMPARE(request(m_port, "DELETE", one, {bearer(m_alice)}).status, 404);
    QCOMPARE(list(m_alice, m_server.aliceId), QJsonArray());
    QCOMPARE(request(m_port, "PUT", path(m_server.aliceId), {bearer(m_alice)}, nameBody(u"x"_s)).status, 405);
}

void TestAppPasswordsHttp::meIsTheCaller()
{
    const QByteArray mine = "/api/users/me/app-passwords";
    const RawResponse made = request(m_port, "POST", mine, {bearer(m_bob)}, nameBody(u"DSub"_s));
    QCOMPARE(made.status, 201);
    const qint64 id = QJsonDocument::fromJson(made.body).object().value(u"id"_s).toInteger();
    QCOMPARE(m_server.appPasswords()->list(m_server.bobId).size(), 1);
    const RawResponse listed = request(m_port, "GET", mine, {bearer(m_bob)});
    QCOMPARE(QJsonDocument::fromJson(listed.body).array().first().toObject().value(u"id"_s).toInteger(), id);
    QCOMPARE(request(m_port, "DELETE", mine + '/' + QByteArray::number(id), {bearer(m_bob)}).status, 204);
    QVERIFY(m_server.appPasswords()->list(m_server.bobId).isEmpty());
}

void TestAppPasswordsHttp::othersAreNotFound()
{
    const auto bobs = m_server.appPasswords()->create(m_server.bobId, u"bob's player"_s);
    QVERIFY(bobs);
    const QByteArray bobsOne = "/" + QByteArray::number(bobs->id);
    const RawResponse listOthers = request(m_port, "GET", path(m_server.bobId), {bearer(m_alice)});
    const RawResponse listNobody = request(m_port, "GET", path(999999), {bearer(m_alice)});
    QCOMPARE(listOthers.status, 404);
    QCOMPARE(listOthers.body, listNobody.body);   // another account looks like no account
    QVERIFY(!listOthers.body.contains("bob"));
    QCOMPARE(create(m_alice, m_server.bobId, u"mine now"_s).status, 404);
    QCOMPARE(request(m_port, "DELETE", path(m_server.bobId, bobsOne), {bearer(m_alice)}).status, 404);
    // Nor through her own path with bob's app password id.
    QCOMPARE(request(m_port, "DELETE", path(m_server.aliceId, bobsOne), {bearer(m_alice)}).status, 404);
    QCOMPARE(m_server.appPasswords()->list(m_server.bobId).size(), 1);
    QVERIFY(m_server.appPasswords()->list(m_server.aliceId).isEmpty());
    QVERIFY(m_server.appPasswords()->revoke(m_server.bobId, bobs->id).ok());
}

void TestAppPasswordsHttp::administratorManagesAnyone()
{
    const RawResponse made = create(m_root, m_server.bobId, u"set up by the admin"_s);
    QCOMPARE(made.status, 201);
    const qint64 id = QJsonDocument::fromJson(made.body).object().value(u"id"_s).toInteger();
    QCOMPARE(list(m_root, m_server.bobId).size(), 1);
    QCOMPARE(list(m_bob, m_server.bobId).size(), 1);   // it is bob's
    QVERIFY(list(m_root, m_server.rootId).isEmpty());
    QCOMPARE(request(m_port, "GET", path(999999), {bearer(m_root)}).status, 404);
    QCOMPARE(create(m_root, 999999, u"ghost"_s).status, 404);
    const QByteArray one = path(m_server.bobId, "/" + QByteArray::number(id));
    QCOMPARE(request(m_port, "DELETE", one, {bearer(m_root)}).status, 204);
    QVERIFY(list(m_bob, m_server.bobId).isEmpty());
}

void TestAppPasswordsHttp::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray own = "/api/users/2/app-passwords";   // alice is user 2 (after root)
    QTest::newRow("not JSON") << "POST"_ba << own << "name=x"_ba << 400 << u"JSON object"_s;
    QTest::newRow("empty body") << "POST"_ba << own << ""_ba << 400 << u"JSON object"_s;
    QTest::newRow("array") << "POST"_ba << own << "[\"x\"]"_ba << 400 << u"JSON object"_s;
    QTest::newRow("no name") << "POST"_ba << own << "{}"_ba << 400 << u"'name'"_s;
    QTest::newRow("number name") << "POST"_ba << own << "{\"name\":5}"_ba << 400 << u"'name'"_s;
    QTest::newRow("empty name") << "POST"_ba << own << "{\"name\":\"\"}"_ba << 400 << u"empty"_s;
    QTest::newRow("blank name") << "POST"_ba << own << "{\"name\":\"  \"}"_ba << 400 << u"empty"_s;
    QTest::newRow("long name") << "POST"_ba << own << nameBody(QString(101, u'x')) << 400 << u"100"_s;
    QTest::newRow("bad user id") << "GET"_ba << "/api/users/abc/app-passwords"_ba << QByteArray() << 400
                                 << u"user id"_s;
    QTest::newRow("zero user id") << "GET"_ba << "/api/users/0/app-passwords"_ba << QByteArray() << 400 << u"user id"_s;
    QTest::newRow("bad app password id") << "DELETE"_ba << own + "/x1"_ba << QByteArray() << 400
                                         << u"app password id"_s;
    QTest::newRow("unknown app password") << "DELETE"_ba << own + "/999999"_ba << QByteArray() << 404
                                          << u"app password"_s;
}

void TestAppPasswordsHttp::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    QCOMPARE(m_server.aliceId, 2);
    const RawResponse r = request(m_port, method, target, {bearer(m_alice)}, body);
    QCOMPARE(r.status, status);
    const QString error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toString();
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(m_server.appPasswords()->list(m_server.aliceId).isEmpty());
}

void TestAppPasswordsHttp::revokeOverHttpEndsTheCredential()
{
    const RawResponse made = create(m_alice, m_server.aliceId, u"Feishin"_s);
    const QJsonObject o = QJsonDocument::fromJson(made.body).object();
    const QString secret = o.value(u"secret"_s).toString();
    SubsonicAuthenticator &check = *m_server.subsonicAuth();
    const QHostAddress from(u"192.0.2.20"_s);
    CredentialParams token;
    token.u = u"alice"_s;
    token.s = u"abcdef"_s;
    token.t = QString::fromLatin1(
        QCryptographicHash::hash((secret + token.s).toUtf8(), QCryptographicHash::Md5).toHex());
    for (int i = 0; i < 3; ++i) {   // remembered after the first
        QCOMPARE(check.check(apiKey(secret), from).user.id, m_server.aliceId);
        QCOMPARE(check.check(token, from).user.id, m_server.aliceId);
    }
    QCOMPARE(request(m_port, "DELETE", path(m_server.aliceId, "/" + QByteArray::number(o.value(u"id"_s).toInteger())),
                     {bearer(m_alice)}).status, 204);
    QCOMPARE(check.check(apiKey(secret), QHostAddress(u"192.0.2.21"_s)).result, CredentialCheck::Result::BadApiKey);
    QCOMPARE(check.check(token, QHostAddress(u"192.0.2.22"_s)).result, CredentialCheck::Result::Wrong);
}

void TestAppPasswordsHttp::throttleSharedWithLogin()
{
    // 127.0.0.1 is a trusted proxy here: X-Forwarded-For names the client.
    const QByteArray from = "203.0.113.77";
    for (int i = 0; i < 3; ++i)
        QCOMPARE(request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                         loginBody(u"alice"_s, u"guess-%1"_s.arg(i))).status, 401);
    SubsonicAuthenticator &check = *m_server.subsonicAuth();
    const QHostAddress client(QString::fromLatin1(from));
    CredentialParams guess;
    guess.u = u"alice"_s;
    guess.p = u"guess-3"_s;
    QCOMPARE(check.check(guess, client).result, CredentialCheck::Result::Wrong);
    QCOMPARE(check.check(apiKey(u"guess-4"_s), client).result, CredentialCheck::Result::BadApiKey);   // the 5th
    const RawResponse locked = request(m_port, "POST", "/api/auth/login", {"X-Forwarded-For: " + from},
                                       loginBody(u"alice"_s, kAlicePassword));
    QCOMPARE(locked.status, 429);
    QVERIFY(locked.header("Retry-After").toInt() > 0);
    guess.p = kAlicePassword;
    QCOMPARE(check.check(guess, client).result, CredentialCheck::Result::Throttled);
}

QTEST_GUILESS_MAIN(TestAppPasswordsHttp)
#include "tst_app_passwords_http.moc"
