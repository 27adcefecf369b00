#include "auth/SigningSecret.h"

#include "auth/PasswordHash.h"

#include "AuthLog.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr int kSecretBytes = 32;
}

std::optional<QByteArray> loadOrCreateSigningSecret(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(u"signing.key"_s);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QByteArray secret = QByteArray::fromBase64(existing.readAll().trimmed(), QByteArray::Base64UrlEncoding);
        if (secret.size() >= kSecretBytes)
            return secret;
        qCWarning(lcAuth) << "the signing key in" << path << "is too short; making a new one";
    }
    const QByteArray encoded = randomToken(kSecretBytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcAuth) << "cannot write" << path << file.errorString();
        return std::nullopt;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(encoded + '\n');
    if (!file.commit()) {
        qCWarning(lcAuth) << "cannot write" << path << file.errorString();
        return std::nullopt;
    }
    return QByteArray::fromBase64(encoded, QByteArray::Base64UrlEncoding);
}

} // namespace cairn
