// HTTPS with a user-supplied certificate: a self-signed certificate and key made with the
// openssl CLI in the test, loaded like the app loads them, and real TLS clients.

#include "AuthServer.h"
#include "MediaFixtures.h"
#include "TestTls.h"

#include "http/auth/TlsFiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestHttps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthAndLoginOverTls();
    void untrustedCertificateIsRefusedByClients();
    void plainHttpOnTheTlsPortGetsNoAnswer();
    void badFilesAreReported();

private:
    AuthServer m_server;
    QSslCertificate m_cert;
};

void TestHttps::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    const QString cert = m_server.dataDir() + u"/cert.pem"_s;
    const QString key = m_server.dataDir() + u"/key.pem"_s;
    QCOMPARE(makeSelfSignedCertificate(cert, key), QString());
    const auto tls = loadTlsFiles(cert, key);
    if (!tls)
        QFAIL(qPrintable(tls.error().message));
    m_cert = QSslCertificate::fromPath(cert).first();
    QCOMPARE(makeAudio(m_server.sharedDir() + u"/tls.mp3"_s, 1), QString());
    QCOMPARE(m_server.start(*tls), QString());
    QCOMPARE(m_server.server().baseUrl().scheme(), u"https"_s);
}

void TestHttps::healthAndLoginOverTls()
{
    TlsReply r = tlsRequest(m_server.port(), m_cert, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QVERIFY(r.encrypted);
    QVERIFY2(r.raw.startsWith("HTTP/1.1 200"), r.raw.constData());
    r = tlsRequest(m_server.port(), m_cert, "GET /api/tracks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QVERIFY(r.raw.startsWith("HTTP/1.1 401"));
    const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, u"alice"_s}, {u"password"_s, kAlicePassword}})
                                .toJson(QJsonDocument::Compact);
    r = tlsRequest(m_server.port(), m_cert,
                   "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                   "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(r.raw.startsWith("HTTP/1.1 200"), r.raw.left(200).constData());
    const QByteArray token = QJsonDocument::fromJson(r.raw.mid(r.raw.indexOf("\r\n\r\n") + 4))
                                 .object().value(u"token"_s).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    r = tlsRequest(m_server.port(), m_cert,
                   "GET /api/tracks/" + QByteArray::number(m_server.trackIdFor(u"tls.mp3"_s))
                       + "/stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    QVERIFY(r.raw.startsWith("HTTP/1.1 200"));
    QFile file(m_server.sharedDir() + u"/tls.mp3"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(r.raw.endsWith(file.readAll()));
}

void TestHttps::untrustedCertificateIsRefusedByClients()
{
    QSslSocket socket;   // the system CAs do not know our self-signed certificate
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_server.port(), u"localhost"_s);
    QVERIFY(!socket.waitForEncrypted(10000));
}

void TestHttps::plainHttpOnTheTlsPortGetsNoAnswer()
{
    HttpTestClient plain(m_server.port());
    plain.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const RawResponse r = plain.read(false, 3000);
    QVERIFY(r.status != 200);
    QVERIFY(!r.complete);
}

void TestHttps::badFilesAreReported()
{
    const QString missing = m_server.dataDir() + u"/missing.pem"_s;
    QVERIFY(!loadTlsFiles(missing, missing).ok());
    const QString cert = m_server.dataDir() + u"/cert.pem"_s;
    QVERIFY(!loadTlsFiles(cert, cert).ok());   // a certificate is not a key
    QVERIFY(!loadTlsFiles(cert, missing).ok());
}

QTEST_GUILESS_MAIN(TestHttps)
#include "tst_https.moc"
