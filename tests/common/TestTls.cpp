#include "TestTls.h"

#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QString makeSelfSignedCertificate(const QString &certificatePath, const QString &keyPath)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, keyPath,
                                 u"-out"_s, certificatePath, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s,
                                 u"-addext"_s, u"subjectAltName=DNS:localhost"_s});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return u"openssl failed: "_s + QString::fromLocal8Bit(openssl.readAll()) + openssl.errorString();
    return {};
}

TlsReply tlsRequest(quint16 port, const QSslCertificate &trusted, const QByteArray &request)
{
    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates({trusted});
    socket.setSslConfiguration(config);
    socket.setPeerVerifyName(u"localhost"_s);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    TlsReply out;
    out.encrypted = socket.waitForEncrypted(10000);
    if (!out.encrypted)
        return out;
    socket.write(request);
    while (socket.waitForReadyRead(5000) || socket.bytesAvailable() > 0) {
        out.raw += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return out;
}

} // namespace cairn::test
