#pragma once
// The scanner's last step: records for every track the cover image of its folder, so a cover
// added, replaced or removed next to unchanged files is noticed by the next scan.

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>

namespace cairn {

class Database;

// Returns the number of tracks whose folder image changed. `listed`: the images of folders the
// walk has just listed (MediaWalker::walk); the other folders are listed here. With `under`,
// only the tracks below those directories are looked at (a scan of a few directories).
int refreshFolderArt(const Database &db, const std::atomic_bool &cancel, const QHash<QString, QString> &listed = {},
                     const QStringList &under = {});

} // namespace cairn
