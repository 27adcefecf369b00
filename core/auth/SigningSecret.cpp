#include "auth/SigningSecret.h"

#include "SecretFile.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

std::optional<QByteArray> loadOrCreateSigningSecret(const QString &dataDir)
{
    // Losing it only invalidates signed URLs: a damaged file is replaced.
    return loadOrCreateSecretFile(QDir(dataDir).filePath(u"signing.key"_s), 32, DamagedSecret::Replace);
}

} // namespace cairn
