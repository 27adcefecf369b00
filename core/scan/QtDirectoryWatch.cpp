#include "QtDirectoryWatch.h"

namespace cairn {

QtDirectoryWatch::QtDirectoryWatch() : m_watcher(this)
{
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &DirectoryWatch::changed);
}

QStringList QtDirectoryWatch::add(const QStringList &dirs)
{
    return dirs.isEmpty() ? QStringList() : m_watcher.addPaths(dirs);
}

void QtDirectoryWatch::remove(const QStringList &dirs)
{
    if (!dirs.isEmpty())
        m_watcher.removePaths(dirs);
}

} // namespace cairn
