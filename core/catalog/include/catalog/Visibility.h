#pragma once
// Which part of the library a caller may see: everything (admins, the local desktop) or only
// the tracks under some library folders (a user's grants). Repositories filter by it.

#include <QList>

namespace cairn {

struct Visibility
{
    bool unrestricted = false;   // the safe default sees nothing
    QList<qint64> folderIds;     // used when not unrestricted

    static Visibility everything() { return {true, {}}; }
    static Visibility folders(QList<qint64> ids) { return {false, std::move(ids)}; }
    bool allowsFolder(qint64 folderId) const { return unrestricted || folderIds.contains(folderId); }
};

} // namespace cairn
