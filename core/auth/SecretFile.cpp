#include "SecretFile.h"

#include "auth/PasswordHash.h"

#include "AuthLog.h"

#include <QFile>
#include <QSaveFile>

namespace cairn {
namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                             | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
} // namespace

std::optional<QByteArray> loadOrCreateSecretFile(const QString &path, int bytes, DamagedSecret damaged)
{
    QFile existing(path);
    if (existing.exists()) {
        if (existing.open(QIODevice::ReadOnly)) {
            const QByteArray secret =
                QByteArray::fromBase64(existing.readAll().trimmed(), QByteArray::Base64UrlEncoding);
            if (secret.size() >= bytes) {
                // A copy restored from a backup may have lost its permissions.
                if (existing.permissions() & kOthers)
                    existing.setPermissions(kOwnerOnly);
                return secret;
            }
        }
        if (damaged == DamagedSecret::Refuse) {
            qCCritical(lcAuth) << "the key in" << path << "cannot be read or is too short; "
                               << "restore it from a backup, or move it away to start with a new key";
            return std::nullopt;
        }
        qCWarning(lcAuth) << "the key in" << path << "cannot be read or is too short; making a new one";
    }
    const QByteArray encoded = randomToken(bytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcAuth) << "cannot write" << path << file.errorString();
        return std::nullopt;
    }
    file.setPermissions(kOwnerOnly);
    file.write(encoded + '\n');
    if (!file.commit()) {
        qCWarning(lcAuth) << "cannot write" << path << file.errorString();
        return std::nullopt;
    }
    return QByteArray::fromBase64(encoded, QByteArray::Base64UrlEncoding);
}

} // namespace cairn
