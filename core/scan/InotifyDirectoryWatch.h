#pragma once
// DirectoryWatch on Linux through inotify itself: unlike QFileSystemWatcher's directory watches
// it also reports a file written in place (IN_MODIFY), so a retagged file or
// a copy still in progress is noticed. Not IN_CLOSE_WRITE: TagLib opens the files it reads for
// writing, so each read would look like a change.

#include "DirectoryWatch.h"

#include <QHash>

class QSocketNotifier;

namespace cairn {

class InotifyDirectoryWatch final : public DirectoryWatch
{
    Q_OBJECT
public:
    // Null when the kernel gives no inotify instance (the caller falls back to another watch).
    static std::unique_ptr<InotifyDirectoryWatch> create();
    ~InotifyDirectoryWatch() override;

    QStringList add(const QStringList &dirs) override;
    void remove(const QStringList &dirs) override;

private:
    explicit InotifyDirectoryWatch(int fd);
    void readEvents();

    const int m_fd;
    QSocketNotifier *m_notifier;
    QHash<int, QString> m_dirOfWatch;
    QHash<QString, int> m_watchOfDir;
};

} // namespace cairn
