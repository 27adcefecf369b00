#include "catalog/FolderRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "CreditStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QList<Folder> FolderRepository::list() const
{
    QList<Folder> folders;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT id, path FROM folders ORDER BY path"_s))
        qCWarning(lcCatalog) << "folders:" << q.lastError().text();
    while (q.next())
        folders << Folder{q.value(0).toLongLong(), q.value(1).toString()};
    return folders;
}

std::optional<Folder> FolderRepository::add(const QString &path)
{
    if (path.isEmpty() || QDir::isRelativePath(path))
        return std::nullopt;
    const QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO folders (path) VALUES (?) ON CONFLICT(path) DO NOTHING"_s);
    q.addBindValue(clean);
    if (!execWrite(m_db, q)) {
        qCWarning(lcCatalog) << "cannot add folder:" << q.lastError().text();
        return std::nullopt;
    }
    q.prepare(u"SELECT id FROM folders WHERE path = ?"_s);
    q.addBindValue(clean);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Folder{q.value(0).toLongLong(), clean};
}

Result<Folder> FolderRepository::addNew(const QString &path)
{
    if (path.trimmed().isEmpty() || QDir::isRelativePath(path))
        return DomainError::invalid(u"the folder must be an absolute path on the server"_s);
    const QFileInfo info(path);
    if (!info.isDir())
        return DomainError::invalid(u"no such directory on the server: %1"_s.arg(path));
    if (!info.isReadable() || !info.isExecutable())
        return DomainError::invalid(u"the server cannot read the directory %1"_s.arg(path));
    const QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    const auto within = [](const QString &inner, const QString &outer) {
        return inner.startsWith(outer.endsWith(u'/') ? outer : outer + u'/');
    };
    for (const Folder &existing : list()) {
        if (existing.path == clean)
            return DomainError::conflict(u"%1 already is a library folder"_s.arg(clean));
        if (within(clean, existing.path) || within(existing.path, clean))
            return DomainError::conflict(u"%1 overlaps the library folder %2"_s.arg(clean, existing.path));
    }
    if (const auto folder = add(clean))
        return *folder;
    return DomainError::failed(u"the folder could not be saved"_s);
}

bool FolderRepository::remove(qint64 id)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT path FROM folders WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return false;
    QString prefix = q.value(0).toString();
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    q.finish();
    q.prepare(u"DELETE FROM folders WHERE id = ?"_s);   // tracks go by ON DELETE CASCADE
    q.addBindValue(id);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "cannot remove folder:" << q.lastError().text();
        return false;
    }
    q.prepare(u"DELETE FROM scan_errors WHERE substr(path, 1, length(CAST(? AS TEXT))) = ?"_s);
    q.addBindValue(prefix);
    q.addBindValue(prefix);
    q.exec();
    CreditStore(m_db.connection()).dropAllOrphans();
    return tx.commit();
}

} // namespace cairn
