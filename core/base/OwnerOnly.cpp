#include "base/OwnerOnly.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace cairn {
namespace {

[[maybe_unused]] constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
[[maybe_unused]] constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

} // namespace

bool makeOwnerOnlyDir(const QString &path)
{
#if defined(Q_OS_UNIX)
    const QString target = QDir::cleanPath(QDir(path).absolutePath());
    QStringList missing;   // outermost first
    for (QString dir = target; !QFileInfo::exists(dir);) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).path();
        if (parent == dir)
            break;
        dir = parent;
    }
    // mkdir with a mode, not mkpath and chmod: the folder is never open to others, not even
    // for a moment. Another thread creating the same folder meanwhile is fine.
    for (const QString &dir : std::as_const(missing))
        if (!QDir().mkdir(dir, kOwnerOnlyDir) && !QFileInfo(dir).isDir())
            return false;
    if (!QFileInfo(target).isDir())
        return false;
    QFile::setPermissions(target, kOwnerOnlyDir);   // fails harmlessly on a folder of another account
    return true;
#else
    return QDir().mkpath(path);
#endif
}

bool openOwnerOnly(QFile &file, QIODevice::OpenMode mode)
{
#if defined(Q_OS_UNIX)
    return file.open(mode, kOwnerOnlyFile);
#else
    return file.open(mode);
#endif
}

bool restrictFileToOwner(const QString &path)
{
#if defined(Q_OS_UNIX)
    return QFile::setPermissions(path, kOwnerOnlyFile);
#else
    Q_UNUSED(path);
    return true;
#endif
}

} // namespace cairn
