// The audit's small findings, each with its regression test: TLS 1.2 without forward secrecy,
// `X-Content-Type-Options: nosniff` on error and static answers, and ids that are well written
// but out of range (404 like any unknown id, never a wrapped-around other item).

#include "MediaFixtures.h"
#include "SecurityServer.h"
#include "TestTls.h"

#include "http/auth/TlsFiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

struct Handshake
{
    bool encrypted = false;
    QSsl::SslProtocol protocol = QSsl::UnknownProtocol;
    QByteArray answer;   // to GET /health
};

// A TLS client that offers only `ciphers` (empty = Qt's defaults) with `protocol`.
Handshake handshake(quint16 port, const QSslCertificate &trusted, QSsl::SslProtocol protocol,
                    const QStringList &ciphers)
{
    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates({trusted});
    config.setProtocol(protocol);
    if (!ciphers.isEmpty()) {
        QList<QSslCipher> offered;
        for (const QString &name : ciphers)
            offered << QSslCipher(name);
        config.setCiphers(offered);
    }
    socket.setSslConfiguration(config);
    socket.setPeerVerifyName(u"localhost"_s);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    Handshake out;
    out.encrypted = socket.waitForEncrypted(10000);
    if (!out.encrypted)
        return out;
    out.protocol = socket.sessionProtocol();
    socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    while (socket.waitForReadyRead(5000) || socket.bytesAvailable() > 0) {
        out.answer += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return out;
}

// Routes whose pattern names an id, with every value but the one under test filled in.
QByteArray fillRoute(QString pattern, const QString &idParam, const QString &value, const QString &otherId)
{
    pattern.replace(idParam, value);
    pattern.replace(u"{id}"_s, otherId).replace(u"{pid}"_s, otherId);
    pattern.replace(u"{kind}"_s, u"tracks"_s).replace(u"{session}"_s, u"s1"_s);
    pattern.replace(u"{variant}"_s, u"original"_s).replace(u"{segment}"_s, u"0.m4s"_s);
    return pattern.toUtf8();
}

} // namespace

class TestSecurityFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tls12SuitesWithoutForwardSecrecyAreRefused_data();
    void tls12SuitesWithoutForwardSecrecyAreRefused();
    void errorAndStaticAnswersCarryNosniff_data();
    void errorAndStaticAnswersCarryNosniff();
    void requestTimeoutCarriesNosniff();
    void outOfRangeIdsAre404_data();
    void outOfRangeIdsAre404();
    void subsonicOutOfRangeIdsAreNotFound_data();
    void subsonicOutOfRangeIdsAreNotFound();

private:
    SecurityServer m_server;
    SecurityServer m_tlsServer;
    QSslCertificate m_cert;
};

void TestSecurityFindings::initTestCase()
{
    TestServerOptions options;
    options.config.requestTimeoutMs = 1500;
    QCOMPARE(m_server.start(options), QString());

    if (!QSslSocket::supportsSsl())
        return;
    const QString cert = m_tlsServer.dataDir() + u"/cert.pem"_s;
    const QString key = m_tlsServer.dataDir() + u"/key.pem"_s;
    QCOMPARE(makeSelfSignedCertificate(cert, key), QString());
    const auto tls = loadTlsFiles(cert, key);
    if (!tls)
        QFAIL(qPrintable(tls.error().message));
    m_cert = QSslCertificate::fromPath(cert).first();
    TestServerOptions tlsOptions;
    tlsOptions.config.tls = *tls;
    QCOMPARE(m_tlsServer.start(tlsOptions), QString());
}

void TestSecurityFindings::tls12SuitesWithoutForwardSecrecyAreRefused_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("ciphers");
    QTest::addColumn<bool>("accepted");
    const int tls12 = int(QSsl::TlsV1_2);
    // The refused: RSA key exchange (no forward secrecy), and ECDHE with CBC instead of an AEAD.
    QTest::newRow("AES128-SHA256") << tls12 << QStringList{u"AES128-SHA256"_s} << false;
    QTest::newRow("AES256-GCM-SHA384") << tls12 << QStringList{u"AES256-GCM-SHA384"_s} << false;
    QTest::newRow("AES128-SHA") << tls12 << QStringList{u"AES128-SHA"_s} << false;
    QTest::newRow("ECDHE-RSA-AES128-SHA256") << tls12 << QStringList{u"ECDHE-RSA-AES128-SHA256"_s} << false;
    QTest::newRow("ECDHE-RSA-AES256-SHA") << tls12 << QStringList{u"ECDHE-RSA-AES256-SHA"_s} << false;
    // The accepted: ECDHE with AES-GCM or ChaCha20-Poly1305, and TLS 1.3 as OpenSSL has it.
    QTest::newRow("ECDHE-RSA-AES128-GCM-SHA256") << tls12 << QStringList{u"ECDHE-RSA-AES128-GCM-SHA256"_s} << true;
    QTest::newRow("ECDHE-RSA-AES256-GCM-SHA384") << tls12 << QStringList{u"ECDHE-RSA-AES256-GCM-SHA384"_s} << true;
    QTest::newRow("ECDHE-RSA-CHACHA20-POLY1305") << tls12 << QStringList{u"ECDHE-RSA-CHACHA20-POLY1305"_s} << true;
    QTest::newRow("TLS 1.3 defaults") << int(QSsl::TlsV1_3) << QStringList{} << true;
}

void TestSecurityFindings::tls12SuitesWithoutForwardSecrecyAreRefused()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    QFETCH(int, protocol);
    QFETCH(QStringList, ciphers);
    QFETCH(bool, accepted);
    // The client must really be able to offer the suite, or a refusal would prove nothing.
    for (const QString &name : ciphers)
        QVERIFY2(!QSslCipher(name).isNull(), qPrintable(u"this OpenSSL cannot offer "_s + name));
    const Handshake h = handshake(m_tlsServer.port(), m_cert, QSsl::SslProtocol(protocol), ciphers);
    QCOMPARE(h.encrypted, accepted);
    if (accepted) {
        QCOMPARE(int(h.protocol), protocol);
        QVERIFY2(h.answer.startsWith("HTTP/1.1 200"), h.answer.constData());
    }
}

void TestSecurityFindings::errorAndStaticAnswersCarryNosniff_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("404 unknown path") << "GET"_ba << "/nothing/here"_ba << false << 404 << "application/json"_ba;
    QTest::newRow("405 wrong method") << "DELETE"_ba << "/health"_ba << false << 405 << "application/json"_ba;
    QTest::newRow("401 no credentials") << "GET"_ba << "/api/tracks"_ba << false << 401 << "application/json"_ba;
    QTest::newRow("403 not an admin") << "GET"_ba << "/api/users"_ba << true << 403 << "application/json"_ba;
    QTest::newRow("400 malformed id") << "GET"_ba << "/api/tracks/abc"_ba << true << 400 << "application/json"_ba;
    QTest::newRow("404 unknown id") << "GET"_ba << "/api/tracks/123456"_ba << true << 404 << "application/json"_ba;
    QTest::newRow("400 bad transcode format")
        << "GET"_ba << "/api/tracks/" + QByteArray::number(m_server.songId) + "/transcode?format=exe" << true << 400
                                              << "application/json"_ba;
    QTest::newRow("404 unknown web asset") << "GET"_ba << "/assets/x/nothing.js"_ba << false << 404
                                           << "application/json"_ba;
    QTest::newRow("subsonic error, XML") << "GET"_ba << "/rest/getSong?v=1.16.1&c=t"_ba << false << 200
                                         << "text/xml"_ba;
    QTest::newRow("subsonic error, JSON") << "GET"_ba << "/rest/getSong?v=1.16.1&c=t&f=json"_ba << false << 200
                                          << "application/json"_ba;
    QTest::newRow("web app index") << "GET"_ba << "/"_ba << false << 200 << "text/html"_ba;
    QTest::newRow("web app index, HEAD") << "HEAD"_ba << "/"_ba << false << 200 << "text/html"_ba;
}

void TestSecurityFindings::errorAndStaticAnswersCarryNosniff()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(bool, authenticated);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    const QList<QByteArray> headers = authenticated ? QList<QByteArray>{m_server.aliceToken} : QList<QByteArray>{};
    const TestHttpResponse r = request(m_server.port(), method, target, headers);
    QCOMPARE(r.status, status);
    QVERIFY2(r.header("Content-Type").startsWith(contentType), r.header("Content-Type").constData());
    QCOMPARE(r.header("X-Content-Type-Options"), "nosniff"_ba);
    QCOMPARE(r.headerCount("X-Content-Type-Options"), 1);
}

void TestSecurityFindings::requestTimeoutCarriesNosniff()
{
    // The connection's own 408, for a request that never ends.
    TestHttpClient client(m_server.port());
    client.send("GET /health HTTP/1.1\r\nHost: x\r\n");
    const TestHttpResponse r = client.read(false, 10000);
    QCOMPARE(r.status, 408);
    QCOMPARE(r.header("X-Content-Type-Options"), "nosniff"_ba);
    // And the web app's scripts (the index names them).
    const TestHttpResponse index = request(m_server.port(), "GET", "/");
    const qsizetype at = index.body.indexOf("/assets/");
    QVERIFY(at > 0);
    const QByteArray asset = index.body.mid(at, index.body.indexOf('"', at) - at);
    const TestHttpResponse script = request(m_server.port(), "GET", asset);
    QCOMPARE(script.status, 200);
    QCOMPARE(script.header("X-Content-Type-Options"), "nosniff"_ba);
}

void TestSecurityFindings::outOfRangeIdsAre404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    // Well written ids no item has → 404 (2^32 + 1 and 2^64 + 1 would be item 1 if cut to 32 or
    // 64 bits); anything not plain positive decimal digits → 400 (README: a malformed id).
    const QList<QPair<QString, int>> values{{u"99999999999999999999"_s, 404}, {u"18446744073709551617"_s, 404},
                                            {u"9223372036854775808"_s, 404},  {u"4294967297"_s, 404},
                                            {u"2147483648"_s, 404},           {u"2147483647"_s, 404},
                                            {u"-1"_s, 400},                   {u"0x10"_s, 400},
                                            {u"0"_s, 400},                    {u"1e3"_s, 400},
                                            {u"+1"_s, 400},                   {u"1.0"_s, 400}};
    int routes = 0;
    for (const Route &route : m_server.server().router().routes()) {
        if (route.access == Access::Public)
            continue;
        for (const QString &param : {u"{id}"_s, u"{pid}"_s}) {
            if (!route.pattern.contains(param))
                continue;
            ++routes;
            for (HttpMethod method : route.methods) {
                if (method == HttpMethod::Options)
                    continue;
                for (const auto &[value, status] : values) {
                    const QByteArray target = fillRoute(route.pattern, param, value, u"1"_s);
                    QTest::addRow("%s %s", methodName(method).constData(), target.constData())
                        << methodName(method) << target << status;
                }
            }
        }
    }
    QVERIFY2(routes >= 30, qPrintable(u"only %1 routes with ids"_s.arg(routes)));
}

void TestSecurityFindings::outOfRangeIdsAre404()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    // A body the route would accept, so only the id can be what is refused.
    QByteArray body;
    if (method == "POST" || method == "PUT" || method == "PATCH")
        body = target.endsWith("/tracks")     ? "[]"_ba
               : target.endsWith("/throttle") ? R"({"kBps": 0})"_ba
               : target.contains("/ratings/") ? R"({"rating": 3})"_ba
                                              : "{}"_ba;
    const TestHttpResponse r = request(m_server.port(), method, target, {m_server.rootToken}, body);
    QVERIFY2(r.status == status, qPrintable(u"%1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body))));
    if (method != "HEAD")
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(u"error"_s));
}

void TestSecurityFindings::subsonicOutOfRangeIdsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("code");
    const QList<QPair<QByteArray, QByteArray>> methods{{"getSong", "id=tr-"},   {"getAlbum", "id=al-"},
                                                       {"getArtist", "id=ar-"}, {"getPlaylist", "id=pl-"},
                                                       {"getCoverArt", "id=al-"}, {"stream", "id=tr-"},
                                                       {"download", "id=tr-"}, {"getSong", "id="}};
    for (const auto &[method, parameter] : methods) {
        for (const QByteArray &value : {"99999999999999999999"_ba, "18446744073709551617"_ba, "4294967297"_ba})
            QTest::addRow("%s %s%s", method.constData(), parameter.constData(), value.constData())
                << QByteArray(method + '?' + parameter + value) << 70;
        for (const QByteArray &value : {"-1"_ba, "0x10"_ba, "0"_ba})
            QTest::addRow("%s %s%s", method.constData(), parameter.constData(), value.constData())
                << QByteArray(method + '?' + parameter + value) << 10;
    }
}

void TestSecurityFindings::subsonicOutOfRangeIdsAreNotFound()
{
    QFETCH(QByteArray, query);
    QFETCH(int, code);
    const QByteArray target = "/rest/" + query + "&u=root&p=" + kRootPassword.toUtf8() + "&v=1.16.1&c=t&f=json";
    const TestHttpResponse r = request(m_server.port(), "GET", target);
    QCOMPARE(r.status, 200);
    const QJsonObject answer = QJsonDocument::fromJson(r.body).object().value(u"subsonic-response"_s).toObject();
    QCOMPARE(answer.value(u"status"_s).toString(), u"failed"_s);
    QVERIFY2(answer.value(u"error"_s).toObject().value(u"code"_s).toInt() == code, r.body.constData());
}

QTEST_MAIN(TestSecurityFindings)
#include "tst_security_findings.moc"
