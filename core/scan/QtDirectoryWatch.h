#pragma once
// DirectoryWatch through QFileSystemWatcher (ReadDirectoryChangesW on Windows, kqueue on macOS):
// it reports entries created, deleted and renamed; where the OS reports a file's writes to its
// directory (Windows), those too.

#include "DirectoryWatch.h"

#include <QFileSystemWatcher>

namespace cairn {

class QtDirectoryWatch final : public DirectoryWatch
{
    Q_OBJECT
public:
    QtDirectoryWatch();

    QStringList add(const QStringList &dirs) override;
    void remove(const QStringList &dirs) override;

private:
    QFileSystemWatcher m_watcher;
};

} // namespace cairn
