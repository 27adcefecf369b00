// The authorization matrix: every route the server really registers × every kind of caller.
// The expected status comes from each route's declared Access, so a route added later is
// checked without touching this file; a Public route not listed here fails the test.

#include "AuthServer.h"
#include "MediaFixtures.h"

#include "auth/UrlSigner.h"

#include <QDateTime>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

// The only routes anyone may call without logging in.
const QStringList kPublicRoutes{u"/health"_s, u"/api/auth/login"_s, u"/"_s, u"/assets/{version}/{file}"_s};

enum class Caller { Nobody, BadToken, ExpiredToken, OtherUsersSignature, User, UserOnHiddenTrack, Admin };

bool isTrackRoute(const Route &route)
{
    return route.pattern.startsWith(u"/api/tracks/{"_s);
}

} // namespace

class TestAuthMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRouteHasAKnownRule();
    void matrix_data();
    void matrix();

private:
    QByteArray pathFor(const Route &route, qint64 trackId, bool destructive) const;

    AuthServer m_server;
    qint64 m_visibleTrack = 0;
    qint64 m_hiddenTrack = 0;
};

void TestAuthMatrix::initTestCase()
{
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/visible.mp3"_s, 1), QString());
    QCOMPARE(makeAudio(m_server.privateDir() + u"/hidden.mp3"_s, 1), QString());
    QCOMPARE(m_server.start(), QString());
    m_visibleTrack = m_server.trackIdFor(u"visible.mp3"_s);
    m_hiddenTrack = m_server.trackIdFor(u"hidden.mp3"_s);
    QVERIFY(m_visibleTrack > 0 && m_hiddenTrack > 0);
    QVERIFY(m_server.server().router().routes().size() >= 10);
}

void TestAuthMatrix::everyRouteHasAKnownRule()
{
    for (const Route &route : m_server.server().router().routes()) {
        const bool preflight = route.methods == QList<HttpMethod>{HttpMethod::Options};
        if (route.access == Access::Public && !preflight)
            QVERIFY2(kPublicRoutes.contains(route.pattern),
                     qPrintable(route.pattern + u" is public but not in the list of public routes"_s));
        // Protocols with their own credentials have their own matrix (tst_subsonic_auth).
        if (route.access == Access::OwnCredentials)
            QVERIFY2(route.pattern == u"/rest/{method}"_s,
                     qPrintable(route.pattern + u" authenticates itself but is not a known protocol"_s));
        QVERIFY2(!route.methods.isEmpty(), qPrintable(route.pattern));
    }
}

// Placeholders: a track id for {id} on track routes; for anything destructive an id that does
// not exist (so an admin's DELETE cannot remove the users the matrix needs); "1" otherwise.
QByteArray TestAuthMatrix::pathFor(const Route &route, qint64 trackId, bool destructive) const
{
    QStringList parts;
    bool firstPlaceholder = true;
    for (const QString &part : route.parts) {
        if (!part.startsWith(u'{')) {
            parts << part;
            continue;
        }
        if (destructive)
            parts << u"987654"_s;
        else if (firstPlaceholder && isTrackRoute(route))
            parts << QString::number(trackId);
        else
            parts << u"1"_s;
        firstPlaceholder = false;
    }
    return (u'/' + parts.join(u'/')).toUtf8();
}

void TestAuthMatrix::matrix_data()
{
    QTest::addColumn<int>("routeIndex");
    QTest::addColumn<int>("methodIndex");
    QTest::addColumn<int>("caller");
    const QList<Route> &routes = m_server.server().router().routes();
    const QList<std::pair<Caller, const char *>> callers{
        {Caller::Nobody, "nobody"}, {Caller::BadToken, "bad token"}, {Caller::ExpiredToken, "expired token"},
        {Caller::OtherUsersSignature, "other user's signed URL"}, {Caller::User, "user"},
        {Caller::UserOnHiddenTrack, "user, hidden track"}, {Caller::Admin, "admin"}};
    for (int r = 0; r < routes.size(); ++r) {
        if (routes.at(r).access == Access::OwnCredentials)
            continue;
        for (int m = 0; m < routes.at(r).methods.size(); ++m) {
            for (const auto &[caller, name] : callers) {
                if (caller == Caller::UserOnHiddenTrack && (!isTrackRoute(routes.at(r)) || routes.at(r).access != Access::User))
                    continue;
                QTest::addRow("%s %s as %s", methodName(routes.at(r).methods.at(m)).constData(),
                              qPrintable(routes.at(r).pattern), name)
                    << r << m << int(caller);
            }
        }
    }
}

void TestAuthMatrix::matrix()
{
    QFETCH(int, routeIndex);
    QFETCH(int, methodIndex);
    QFETCH(int, caller);
    const Route &route = m_server.server().router().routes().at(routeIndex);
    const HttpMethod method = route.methods.at(methodIndex);
    const bool destructive = method == HttpMethod::Delete || method == HttpMethod::Put || method == HttpMethod::Patch;
    const Caller who = Caller(caller);
    const qint64 track = who == Caller::UserOnHiddenTrack ? m_hiddenTrack : m_visibleTrack;
    QByteArray target = pathFor(route, track, destructive);
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    QList<QByteArray> headers;
    switch (who) {
    case Caller::Nobody:
        break;
    case Caller::BadToken:
        headers << bearer("not-a-real-token-but-long-enough-to-look-like-one-000");
        break;
    case Caller::ExpiredToken:
        headers << bearer(m_server.auth().issueToken(m_server.aliceId, now - 1));
        break;
    case Caller::OtherUsersSignature: {
        // Bob's valid signature for his own track's stream, presented on this path.
        const QString bobs = u"/api/tracks/%1/stream"_s.arg(m_hiddenTrack);
        const SignedQuery q = m_server.auth().sign(bobs, m_server.bobId, now + 600);
        if (target != bobs.toUtf8())
            target += "?exp=" + q.exp.toLatin1() + "&sig=" + QUrl::toPercentEncoding(q.sig);
        break;
    }
    case Caller::User:
    case Caller::UserOnHiddenTrack:
        headers << bearer(m_server.tokenFor(m_server.aliceId));   // fresh: logout may end it
        break;
    case Caller::Admin:
        headers << bearer(m_server.tokenFor(m_server.rootId));
        break;
    }
    const bool hasBody = method == HttpMethod::Post || method == HttpMethod::Put || method == HttpMethod::Patch;
    const RawResponse r = request(m_server.port(), methodName(method), target, headers,
                                  hasBody ? QByteArray("{}") : QByteArray());
    QVERIFY2(r.complete || method == HttpMethod::Head, "no complete response");
    const int status = r.status;
    const QByteArray where = methodName(method) + ' ' + target + " -> " + QByteArray::number(status);
    // 503: a service this fixture does not wire (e.g. transcoding) — not an auth decision.
    QVERIFY2(status > 0 && (status < 500 || status == 503), where.constData());

    const bool allowed = route.access == Access::Public
        || (route.access == Access::User && (who == Caller::User || who == Caller::UserOnHiddenTrack || who == Caller::Admin))
        || (route.access == Access::Admin && who == Caller::Admin)
        // Alice has no upload right: the matrix's user is refused like on an admin route.
        || (route.access == Access::Uploader && who == Caller::Admin);
    if (allowed) {
        QVERIFY2(status != 401 && status != 403 && status != 429, where.constData());
        if (who == Caller::UserOnHiddenTrack)
            QVERIFY2(status == 404, where.constData());
        return;
    }
    switch (who) {
    case Caller::Nobody:
    case Caller::BadToken:
    case Caller::ExpiredToken:
        QVERIFY2(status == 401, where.constData());
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
        break;
    case Caller::OtherUsersSignature:
        QVERIFY2(status == 403, where.constData());
        break;
    case Caller::User:
    case Caller::UserOnHiddenTrack:
        QVERIFY2(status == 403, where.constData());   // a non-admin on an admin (or uploader's) route
        break;
    case Caller::Admin:
        QFAIL(where.constData());
    }
}

QTEST_GUILESS_MAIN(TestAuthMatrix)
#include "tst_auth_matrix.moc"
