#pragma once
// Library folders: the roots the scanner walks. Safe from any thread.

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
    // Removes the folder and every track, album and artist that only it held.
    bool remove(qint64 id);

private:
    const Database &m_db;
};

} // namespace cairn
