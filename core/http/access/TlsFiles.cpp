#include "http/auth/TlsFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// TLS 1.2 suites with forward secrecy (ECDHE) and an AEAD cipher (AES-GCM, ChaCha20-Poly1305),
// the ones current browsers and players prefer: a recorded session cannot be decrypted later
// with the server's key, and CBC's padding-oracle history stays out. TLS 1.3 suites are all of
// that kind and keep OpenSSL's defaults (Qt sets them apart from this list).
bool isModernTls12Suite(const QSslCipher &cipher)
{
    const QString name = cipher.name();
    return cipher.protocol() == QSsl::TlsV1_2 && name.startsWith(u"ECDHE-"_s)
           && (name.contains(u"-GCM-"_s) || name.contains(u"CHACHA20-POLY1305"_s));
}

QList<QSslCipher> modernTls12Suites()
{
    QList<QSslCipher> suites;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers())
        if (isModernTls12Suite(cipher))
            suites << cipher;
    return suites;
}

} // namespace

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
    const QList<QSslCipher> suites = modernTls12Suites();
    if (suites.isEmpty())
        return DomainError::unavailable(u"the TLS library offers no ECDHE suite with AES-GCM or ChaCha20"_s);
    config.setCiphers(suites);
    return config;
}

} // namespace cairn
