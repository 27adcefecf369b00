#include "http/auth/TlsFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

Result<QSslConfiguration> loadTlsFiles(const QString &certificatePath, const QString &keyPath)
{
    if (!QSslSocket::supportsSsl())
        return DomainError::unavailable(u"this build of Qt has no TLS support"_s);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return DomainError::invalid(u"no PEM certificate in %1"_s.arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return DomainError::invalid(u"cannot read the key %1: %2"_s.arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return DomainError::invalid(u"no unencrypted PEM private key (RSA, EC or DSA) in %1"_s.arg(keyPath));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);   // clients are authenticated by tokens, not certificates
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

} // namespace cairn
