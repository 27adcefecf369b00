#include "auth/CredentialsKey.h"

#include "SecretFile.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

std::optional<QByteArray> loadOrCreateCredentialsKey(const QString &dataDir)
{
    auto key = loadOrCreateSecretFile(QDir(dataDir).filePath(u"credentials.key"_s), kCredentialsKeyBytes,
                                      DamagedSecret::Refuse);
    if (key)
        key->truncate(kCredentialsKeyBytes);
    return key;
}

} // namespace cairn
