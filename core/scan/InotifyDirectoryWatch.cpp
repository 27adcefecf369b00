#include "InotifyDirectoryWatch.h"

#include "ScanLog.h"

#include <QFile>
#include <QSet>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <unistd.h>

namespace cairn {

namespace {

constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY
                           | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

} // namespace

std::unique_ptr<InotifyDirectoryWatch> InotifyDirectoryWatch::create()
{
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        qCWarning(lcScan) << "no inotify instance:" << std::strerror(errno);
        return nullptr;
    }
    return std::unique_ptr<InotifyDirectoryWatch>(new InotifyDirectoryWatch(fd));
}

InotifyDirectoryWatch::InotifyDirectoryWatch(int fd)
    : m_fd(fd), m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &InotifyDirectoryWatch::readEvents);
}

InotifyDirectoryWatch::~InotifyDirectoryWatch()
{
    delete m_notifier;   // before its descriptor goes
    ::close(m_fd);
}

QStringList InotifyDirectoryWatch::add(const QStringList &dirs)
{
    QStringList failed;
    for (const QString &dir : dirs) {
        if (m_watchOfDir.contains(dir))
            continue;
        const int wd = inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), kMask);
        if (wd < 0) {
            failed << dir;
            continue;
        }
        // Two paths to one directory (a symlink) share the watch; the last one names it.
        m_dirOfWatch.insert(wd, dir);
        m_watchOfDir.insert(dir, wd);
    }
    return failed;
}

void InotifyDirectoryWatch::remove(const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        const auto it = m_watchOfDir.constFind(dir);
        if (it == m_watchOfDir.cend())
            continue;
        const int wd = *it;
        m_watchOfDir.erase(it);
        if (m_dirOfWatch.value(wd) == dir) {
            inotify_rm_watch(m_fd, wd);
            m_dirOfWatch.remove(wd);
        }
    }
}

void InotifyDirectoryWatch::readEvents()
{
    // A burst of writes yields many events per directory: report each directory once per read.
    QSet<QString> changed;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            break;
        for (ssize_t offset = 0; offset < length;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
            offset += ssize_t(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                // Events were lost: every directory may have changed.
                for (const QString &dir : std::as_const(m_dirOfWatch))
                    changed.insert(dir);
                continue;
            }
            const QString dir = m_dirOfWatch.value(event->wd);
            if (dir.isEmpty())
                continue;
            changed.insert(dir);
            if (event->mask & IN_IGNORED) {   // the directory went (or was unwatched)
                m_dirOfWatch.remove(event->wd);
                m_watchOfDir.remove(dir);
            }
        }
    }
    for (const QString &dir : std::as_const(changed))
        Q_EMIT this->changed(dir);
}

} // namespace cairn
