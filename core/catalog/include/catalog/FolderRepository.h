#pragma once
// Library folders: the roots the scanner walks. Safe from any thread.

#include "base/Result.h"
#include "catalog/Folder.h"

#include <QList>

#include <optional>

namespace cairn {

class Database;

class FolderRepository
{
public:
    explicit FolderRepository(const Database &db) : m_db(db) {}

    QList<Folder> list() const;
    // Adds an absolute folder path (cleaned); an already present path returns the existing row.
    std::optional<Folder> add(const QString &path);
    // Adds a new library folder for an administrator: InvalidInput unless `path` is an absolute,
    // existing, readable directory; Conflict when it already is a library folder, or lies
    // inside or around one (its files would be catalogued twice).
    Result<Folder> addNew(const QString &path);
    // Removes the folder and every track, album and artist that only it held.
    bool remove(qint64 id);

private:
    const Database &m_db;
};

} // namespace cairn
