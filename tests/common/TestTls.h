#pragma once
// HTTPS in tests: a throwaway self-signed certificate for "localhost" (the openssl CLI) and one
// request over a TLS connection that trusts only it, read until the server closes.

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

namespace cairn::test {

// Writes a certificate and its key (PEM); returns an empty string on success.
QString makeSelfSignedCertificate(const QString &certificatePath, const QString &keyPath);

struct TlsReply
{
    bool encrypted = false;
    QByteArray raw;   // everything received (head and body)
};

// Sends `request` (exact bytes) and reads until the connection ends or 5 s pass without data.
TlsReply tlsRequest(quint16 port, const QSslCertificate &trusted, const QByteArray &request);

} // namespace cairn::test
