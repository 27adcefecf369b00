#include "NoReplaceRename.h"

#include "base/NativeCalls.h"

#include <QFile>

#if CAIRN_HAS_LINK_RENAME
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cairn {
namespace {

RenameOutcome qtRename(const QString &from, const QString &to, QString *error)
{
    if (QFile::exists(to))
        return RenameOutcome::TargetExists;
    QFile file(from);
    if (file.rename(to))
        return RenameOutcome::Renamed;
    if (QFile::exists(to))
        return RenameOutcome::TargetExists;
    *error = file.errorString();
    return RenameOutcome::Failed;
}

} // namespace

RenameOutcome renameNoReplace(const QString &from, const QString &to, QString *error)
{
#if CAIRN_HAS_LINK_RENAME
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#if CAIRN_HAS_RENAMEAT2 && defined(RENAME_NOREPLACE)
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return RenameOutcome::Renamed;
    if (errno == EEXIST)
        return RenameOutcome::TargetExists;
    // EINVAL / ENOSYS: this file system (or kernel) has no RENAME_NOREPLACE; try a hard link.
    if (errno != EINVAL && errno != ENOSYS) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return RenameOutcome::Failed;
    }
#endif
    if (::link(source.constData(), target.constData()) == 0) {
        ::unlink(source.constData());
        return RenameOutcome::Renamed;
    }
    if (errno == EEXIST)
        return RenameOutcome::TargetExists;
    if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return RenameOutcome::Failed;
    }
#endif
    return qtRename(from, to, error);
}

} // namespace cairn
