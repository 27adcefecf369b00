// Issue 15, finding 4: signed URLs die with the credentials that made them. A URL a user signed
// before a password change (their own or an administrator's reset), a disable (and re-enable),
// their deletion or "sign out everywhere" answers 403 on the very next request, while other
// users' signed URLs and the URLs the user signs afterwards keep opening the file (200, its
// bytes). "Sign out everywhere" also ends the user's login tokens; a user may do it for
// themself, an administrator for anyone, nobody else for someone else (404).

#include "AuthServer.h"
#include "MediaFixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestSignedUrlRevocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedUrlDiesWithPasswordReset();
    void signedUrlDiesWithOwnPasswordChange();
    void signedUrlDiesWithDisableAndReenable();
    void signedUrlDiesWithDelete();
    void signedUrlDiesWithSignOutEverywhere();
    void signOutEverywhereByAdministrator();
    void signOutEverywhereOfSomeoneElseIsNotFound();
    void unrelatedChangesKeepSignedUrls();

private:
    qint64 createUser(const QString &name, bool admin = false);
    // The signed stream URL of the shared track as `userId` gets it from the API; empty on failure.
    QByteArray signedUrlFor(qint64 userId);
    // 200 with exactly the file's bytes.
    bool opens(const QByteArray &url);
    int statusOf(const QByteArray &url) { return request(m_server.port(), "GET", url).status; }
    int patchUser(qint64 id, const QByteArray &body, const QByteArray &asToken);
    int signOut(const QByteArray &who, const QByteArray &asToken);
    QByteArray adminToken() { return m_server.tokenFor(m_server.rootId); }
    // Signs a URL for `victim` and one for alice, opens both (so any remembered copy of the
    // victim is warm), runs `change`, then: the victim's URL is refused at once, alice's opens.
    void expectOnlyVictimsUrlDies(qint64 victim, const std::function<void()> &change);

    AuthServer m_server;
    QByteArray m_bytes;
    QByteArray m_aliceUrl;
};

void TestSignedUrlRevocation::initTestCase()
{
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/shared-one.mp3"_s, 1, {{u"title"_s, u"Shared One"_s}}), QString());
    QCOMPARE(m_server.start(), QString());
    QFile file(m_server.sharedDir() + u"/shared-one.mp3"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_bytes = file.readAll();
    QVERIFY(m_bytes.size() > 1000);
    m_aliceUrl = signedUrlFor(m_server.aliceId);
    QVERIFY(opens(m_aliceUrl));
}

qint64 TestSignedUrlRevocation::createUser(const QString &name, bool admin)
{
    UserChanges c;
    c.name = name;
    c.password = name + u"-password"_s;
    c.admin = admin;
    c.folderIds = QList<qint64>{m_server.sharedFolderId};
    const auto created = m_server.users().create(c);
    return created ? created->id : 0;
}

QByteArray TestSignedUrlRevocation::signedUrlFor(qint64 userId)
{
    const QByteArray path = "/api/tracks/" + QByteArray::number(m_server.trackIdFor(u"shared-one.mp3"_s)) + "/stream-url";
    const RawResponse r = request(m_server.port(), "GET", path, {bearer(m_server.tokenFor(userId))});
    if (r.status != 200)
        return {};
    return QJsonDocument::fromJson(r.body).object().value(u"url"_s).toString().toLatin1();
}

bool TestSignedUrlRevocation::opens(const QByteArray &url)
{
    if (url.isEmpty())
        return false;
    const RawResponse r = request(m_server.port(), "GET", url);
    return r.status == 200 && r.complete && r.body == m_bytes;
}

int TestSignedUrlRevocation::patchUser(qint64 id, const QByteArray &body, const QByteArray &asToken)
{
    return request(m_server.port(), "PATCH", "/api/users/" + QByteArray::number(id), {bearer(asToken)}, body).status;
}

int TestSignedUrlRevocation::signOut(const QByteArray &who, const QByteArray &asToken)
{
    return request(m_server.port(), "POST", "/api/users/" + who + "/sign-out-everywhere", {bearer(asToken)}, "").status;
}

void TestSignedUrlRevocation::expectOnlyVictimsUrlDies(qint64 victim, const std::function<void()> &change)
{
    const QByteArray url = signedUrlFor(victim);
    QVERIFY(!url.isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(opens(url));
    change();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(statusOf(url), 403);
    QCOMPARE(request(m_server.port(), "HEAD", url).status, 403);
    QVERIFY(opens(m_aliceUrl));
}

void TestSignedUrlRevocation::signedUrlDiesWithPasswordReset()
{
    const qint64 victim = createUser(u"reset"_s);
    QVERIFY(victim > 0);
    expectOnlyVictimsUrlDies(victim, [&] {
        QCOMPARE(patchUser(victim, R"({"password":"a-brand-new-one"})", adminToken()), 200);
    });
    QVERIFY(opens(signedUrlFor(victim)));   // signed after the reset
}

void TestSignedUrlRevocation::signedUrlDiesWithOwnPasswordChange()
{
    // An administrator changing their own password (the users API is where passwords change).
    const qint64 victim = createUser(u"second-admin"_s, true);
    QVERIFY(victim > 0);
    const QByteArray own = m_server.tokenFor(victim);
    expectOnlyVictimsUrlDies(victim, [&] {
        QCOMPARE(patchUser(victim, R"({"password":"my-own-new-one"})", own), 200);
    });
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(own)}).status, 401);
    QVERIFY(opens(signedUrlFor(victim)));
}

void TestSignedUrlRevocation::signedUrlDiesWithDisableAndReenable()
{
    const qint64 victim = createUser(u"toggled"_s);
    QVERIFY(victim > 0);
    const QByteArray admin = adminToken();
    const QByteArray url = signedUrlFor(victim);
    expectOnlyVictimsUrlDies(victim, [&] { QCOMPARE(patchUser(victim, R"({"enabled":false})", admin), 200); });
    QCOMPARE(patchUser(victim, R"({"enabled":true})", admin), 200);
    // Enabled again: what was signed before the disable stays dead, what is signed now opens.
    QCOMPARE(statusOf(url), 403);
    QVERIFY(opens(signedUrlFor(victim)));
    QCOMPARE(statusOf(url), 403);
}

void TestSignedUrlRevocation::signedUrlDiesWithDelete()
{
    const qint64 victim = createUser(u"deleted"_s);
    QVERIFY(victim > 0);
    const QByteArray url = signedUrlFor(victim);
    expectOnlyVictimsUrlDies(victim, [&] {
        QCOMPARE(request(m_server.port(), "DELETE", "/api/users/" + QByteArray::number(victim), {bearer(adminToken())}).status,
                 204);
    });
    // A new account with the same grants gets the deleted one's id (SQLite gives the highest
    // rowid + 1, and the deleted user was the newest): the old URL must not come back with it.
    const qint64 successor = createUser(u"successor"_s);
    QCOMPARE(successor, victim);
    QCOMPARE(statusOf(url), 403);
    QVERIFY(opens(signedUrlFor(successor)));
    QCOMPARE(statusOf(url), 403);
}

void TestSignedUrlRevocation::signedUrlDiesWithSignOutEverywhere()
{
    const qint64 victim = createUser(u"leaver"_s);
    QVERIFY(victim > 0);
    const QByteArray own = m_server.tokenFor(victim);
    const QByteArray elsewhere = m_server.tokenFor(victim);   // another device's log-in
    const QByteArray alice = m_server.tokenFor(m_server.aliceId);
    expectOnlyVictimsUrlDies(victim, [&] { QCOMPARE(signOut("me", own), 204); });
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(own)}).status, 401);
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(elsewhere)}).status, 401);
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(alice)}).status, 200);
    QCOMPARE(signOut("me", own), 401);   // the token that asked ended too
    const RawResponse login = request(m_server.port(), "POST", "/api/auth/login", {},
                                      R"({"name":"leaver","password":"leaver-password"})");
    QCOMPARE(login.status, 200);   // the password still works: only sessions ended
    QVERIFY(opens(signedUrlFor(victim)));
}

void TestSignedUrlRevocation::signOutEverywhereByAdministrator()
{
    const qint64 victim = createUser(u"signed-out"_s);
    QVERIFY(victim > 0);
    const QByteArray theirs = m_server.tokenFor(victim);
    const QByteArray admin = adminToken();
    expectOnlyVictimsUrlDies(victim, [&] { QCOMPARE(signOut(QByteArray::number(victim), admin), 204); });
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(theirs)}).status, 401);
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(admin)}).status, 200);   // not the admin's
    QCOMPARE(signOut("424242", admin), 404);
    QCOMPARE(signOut("0", admin), 400);
    QVERIFY(opens(signedUrlFor(victim)));
}

void TestSignedUrlRevocation::signOutEverywhereOfSomeoneElseIsNotFound()
{
    const qint64 victim = createUser(u"untouched"_s);
    QVERIFY(victim > 0);
    const QByteArray theirs = m_server.tokenFor(victim);
    const QByteArray url = signedUrlFor(victim);
    QVERIFY(opens(url));
    const QByteArray alice = m_server.tokenFor(m_server.aliceId);
    QCOMPARE(signOut(QByteArray::number(victim), alice), 404);   // like an id that does not exist
    QCOMPARE(signOut("424242", alice), 404);
    QCOMPARE(request(m_server.port(), "POST", "/api/users/me/sign-out-everywhere", {}, "").status, 401);
    QVERIFY(opens(url));
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(theirs)}).status, 200);
    QCOMPARE(request(m_server.port(), "GET", "/api/auth/me", {bearer(alice)}).status, 200);
}

// Changes that do not touch credentials leave signed URLs alone (the refusal above is not
// simply "any change refuses everything").
void TestSignedUrlRevocation::unrelatedChangesKeepSignedUrls()
{
    const qint64 victim = createUser(u"renamed"_s);
    QVERIFY(victim > 0);
    const QByteArray url = signedUrlFor(victim);
    QVERIFY(opens(url));
    QCOMPARE(patchUser(victim, R"({"name":"renamed-again"})", adminToken()), 200);
    QVERIFY(opens(url));
    QCOMPARE(patchUser(m_server.bobId, R"({"password":"bob-has-a-new-one"})", adminToken()), 200);
    QVERIFY(opens(url));
    QVERIFY(opens(m_aliceUrl));
}

QTEST_MAIN(TestSignedUrlRevocation)
#include "tst_signed_url_revocation.moc"
