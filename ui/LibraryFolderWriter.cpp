#include "LibraryFolderWriter.h"

#include "catalog/FolderRepository.h"

namespace cairn {

LibraryFolderWriter::LibraryFolderWriter(const Database &db) : m_db(db) {}

void LibraryFolderWriter::add(const QString &path)
{
    if (const auto folder = FolderRepository(m_db).add(path))
        Q_EMIT added(folder->id, folder->path);
    else
        Q_EMIT addFailed(path);
}

void LibraryFolderWriter::remove(qint64 folderId)
{
    Q_EMIT removed(folderId, FolderRepository(m_db).remove(folderId));
}

} // namespace cairn
