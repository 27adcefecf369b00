#include "auth/CredentialsKey.h"

#include "CatalogSecret.h"
#include "SecretFile.h"

#include "catalog/Database.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {
const QString kName = u"credentials.key"_s;
} // namespace

std::optional<QByteArray> loadOrCreateCredentialsKey(const QString &dataDir)
{
    auto key = loadOrCreateSecretFile(QDir(dataDir).filePath(kName), kCredentialsKeyBytes, DamagedSecret::Refuse);
    if (key)
        key->truncate(kCredentialsKeyBytes);
    return key;
}

std::optional<QByteArray> loadOrCreateCredentialsKey(const Database &catalog, const QString &dataDir)
{
    if (!catalog.isPostgres())
        return loadOrCreateCredentialsKey(dataDir);
    auto key = loadOrCreateCatalogSecret(catalog, kName, kCredentialsKeyBytes, DamagedSecret::Refuse);
    if (key)
        key->truncate(kCredentialsKeyBytes);
    return key;
}

} // namespace cairn
