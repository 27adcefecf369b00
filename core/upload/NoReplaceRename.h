#pragma once
// Gives a file a new name in the same folder only if nothing has that name yet, atomically
// where the system can: a rename that would replace a file fails instead.

#include <QString>

namespace cairn {

enum class RenameOutcome { Renamed, TargetExists, Failed };

// Linux: renameat2(RENAME_NOREPLACE); where the file system lacks it, link() + unlink() (also
// atomic: link fails on an existing name); where it lacks hard links too (FAT, some network
// file systems), QFile::rename, which checks first and so leaves a moment for a race. Windows:
// QFile::rename (MoveFileEx without MOVEFILE_REPLACE_EXISTING never replaces). `error` gets
// the system's words on Failed.
RenameOutcome renameNoReplace(const QString &from, const QString &to, QString *error);

} // namespace cairn
