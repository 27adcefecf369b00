#include "auth/SigningSecret.h"

#include "CatalogSecret.h"
#include "SecretFile.h"

#include "catalog/Database.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {
constexpr int kBytes = 32;
const QString kName = u"signing.key"_s;
} // namespace

// Losing it only invalidates signed URLs: a damaged one is replaced.
std::optional<QByteArray> loadOrCreateSigningSecret(const QString &dataDir)
{
    return loadOrCreateSecretFile(QDir(dataDir).filePath(kName), kBytes, DamagedSecret::Replace);
}

std::optional<QByteArray> loadOrCreateSigningSecret(const Database &catalog, const QString &dataDir)
{
    if (catalog.isPostgres())
        return loadOrCreateCatalogSecret(catalog, kName, kBytes, DamagedSecret::Replace);
    return loadOrCreateSigningSecret(dataDir);
}

} // namespace cairn
