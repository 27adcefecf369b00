#include "scan/LibraryWatcher.h"

#include "catalog/FolderRepository.h"
#include "scan/LibraryScanner.h"

#include "DirectoryWatch.h"
#include "ScanLog.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

bool isAtOrBelow(const QString &path, const QString &dir)
{
    return path == dir || (path.size() > dir.size() && path.startsWith(dir) && path.at(dir.size()) == u'/');
}

struct FoundDirectory
{
    QString path;        // as reached from the folder
    QString canonical;
};

// `top` and the directories below it as the scanner's walk reaches them (hidden ones skipped,
// symlinks followed), except real directories already in `known`, which it extends. `top` is
// always looked into: it may have gained subdirectories.
QList<FoundDirectory> directoriesOf(const QString &top, QSet<QString> &known)
{
    QList<FoundDirectory> dirs;
    QStringList pending{top};
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (canonical.isEmpty() || (known.contains(canonical) && dir != top))
            continue;
        known.insert(canonical);
        dirs << FoundDirectory{dir, canonical};
        const QFileInfoList subdirs = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &sub : subdirs) {
            if (!sub.fileName().startsWith(u'.'))
                pending << sub.filePath();
        }
    }
    return dirs;
}

} // namespace

LibraryWatcher::LibraryWatcher(const Database &db, LibraryScanner &scanner, const WatchSettings &settings,
                               QObject *parent)
    : QObject(parent), m_db(db), m_scanner(scanner), m_settings(settings), m_quiet(new QTimer(this)),
      m_periodic(new QTimer(this))
{
    m_quiet->setSingleShot(true);
    m_quiet->setTimerType(Qt::PreciseTimer);   // a coarse timer may wake a file short of settled
    connect(m_quiet, &QTimer::timeout, this, &LibraryWatcher::scanPending);
    connect(m_periodic, &QTimer::timeout, this, &LibraryWatcher::onPeriodic);
    connect(&m_scanner, &LibraryScanner::scanFinished, this, &LibraryWatcher::syncFolders);
}

LibraryWatcher::~LibraryWatcher() = default;

void LibraryWatcher::syncFolders()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_watch) {
        m_watch = DirectoryWatch::create(m_settings.portable);
        connect(m_watch.get(), &DirectoryWatch::changed, this, &LibraryWatcher::onChanged);
    }
    const QList<Folder> folders = FolderRepository(m_db).list();
    QSet<qint64> listed;
    for (const Folder &folder : folders) {
        listed.insert(folder.id);
        auto it = m_folders.find(folder.id);
        if (it != m_folders.end() && (it->degraded || !it->dirs.isEmpty()))
            continue;   // watched already (or given up on); a folder missing before is tried again
        if (it == m_folders.end())
            it = m_folders.insert(folder.id, WatchedFolder{folder.path, {}, {}, false});
        if (!QFileInfo(folder.path).isDir())
            continue;
        watchTree(*it, folder.path);
        // Added (or back) after the scan that found it: what came in since raised no event.
        // Not at start: the first scan comes after this.
        if (m_synced && !it->degraded)
            schedule(folder.path, m_settings.quietMs, true);
    }
    m_synced = true;
    for (auto it = m_folders.begin(); it != m_folders.end();) {
        if (listed.contains(it.key())) {
            ++it;
            continue;
        }
        unwatchBelow(*it, it->path);
        it = m_folders.erase(it);
    }
    const bool anyDegraded = std::any_of(m_folders.cbegin(), m_folders.cend(),
                                         [](const WatchedFolder &f) { return f.degraded; });
    if (anyDegraded && m_settings.periodicMs > 0 && !m_periodic->isActive())
        m_periodic->start(std::chrono::milliseconds(m_settings.periodicMs));
    else if (!anyDegraded)
        m_periodic->stop();
}

void LibraryWatcher::watchTree(WatchedFolder &folder, const QString &top)
{
    if (folder.degraded)
        return;
    QList<FoundDirectory> found = directoriesOf(top, folder.canonical);
    found.removeIf([&folder](const FoundDirectory &dir) { return folder.dirs.contains(dir.path); });
    if (found.isEmpty())
        return;
    if (m_settings.maxDirectories > 0 && m_watchedCount + found.size() > m_settings.maxDirectories) {
        degrade(folder, u"more than %1 directories to watch in all (scan/maxWatchedDirectories)"_s
                            .arg(m_settings.maxDirectories));
        return;
    }
    QStringList paths;
    for (const FoundDirectory &dir : std::as_const(found))
        paths << dir.path;
    const QStringList refused = m_watch->add(paths);
    const QSet<QString> failed(refused.cbegin(), refused.cend());
    for (const FoundDirectory &dir : std::as_const(found)) {
        if (failed.contains(dir.path)) {
            folder.canonical.remove(dir.canonical);
            continue;
        }
        folder.dirs.insert(dir.path, dir.canonical);
        ++m_watchedCount;
    }
    if (!failed.isEmpty()) {
        // Mostly the OS's limit (Linux: /proc/sys/fs/inotify/max_user_watches); a directory
        // that went while being listed is no reason to give up.
        const bool gone = std::all_of(failed.cbegin(), failed.cend(), [](const QString &d) { return !QFileInfo(d).isDir(); });
        if (!gone)
            degrade(folder, u"the system refused to watch %1 of its directories (its watch limit?)"_s.arg(failed.size()));
    }
}

void LibraryWatcher::unwatchBelow(WatchedFolder &folder, const QString &top)
{
    QStringList gone;
    for (auto it = folder.dirs.begin(); it != folder.dirs.end();) {
        if (isAtOrBelow(it.key(), top)) {
            gone << it.key();
            folder.canonical.remove(it.value());
            it = folder.dirs.erase(it);
        } else {
            ++it;
        }
    }
    m_watchedCount -= gone.size();
    m_watch->remove(gone);
}

void LibraryWatcher::degrade(WatchedFolder &folder, const QString &reason)
{
    unwatchBelow(folder, folder.path);
    folder.canonical.clear();   // also what the walk had noted before giving up
    folder.degraded = true;
    if (m_settings.periodicMs > 0)
        qCWarning(lcScan).noquote() << "library folder" << folder.path << "is not watched:" << reason
                                    << u"- it is rescanned every %1 minutes instead (scan/periodicMinutes)"_s
                                           .arg(double(m_settings.periodicMs) / 60000.0);
    else
        qCWarning(lcScan).noquote() << "library folder" << folder.path << "is not watched:" << reason
                                    << "- its changes appear at the next rescan (scan/periodicMinutes is 0)";
}

LibraryWatcher::WatchedFolder *LibraryWatcher::folderHolding(const QString &dir)
{
    for (WatchedFolder &folder : m_folders) {
        if (isAtOrBelow(dir, folder.path))
            return &folder;
    }
    return nullptr;
}

void LibraryWatcher::onChanged(const QString &dir)
{
    WatchedFolder *folder = folderHolding(dir);
    if (!folder || folder->degraded)
        return;
    // Only noted: a burst of events (a copy of many files) costs one scan, when it is over.
    schedule(dir, m_settings.quietMs, false);
}

void LibraryWatcher::onPeriodic()
{
    for (const WatchedFolder &folder : std::as_const(m_folders)) {
        if (folder.degraded)
            m_pending.insert(folder.path);
    }
    scanPending();
}

void LibraryWatcher::scanPending()
{
    if (m_pending.isEmpty())
        return;
    const QStringList dirs(m_pending.cbegin(), m_pending.cend());
    m_pending.clear();
    // Watches first, then the scan: a file put in a new subdirectory before it was watched is
    // found by the scan's walk, one put there after it raises an event.
    for (const QString &dir : dirs) {
        WatchedFolder *folder = folderHolding(dir);
        if (!folder || folder->degraded)
            continue;
        if (QFileInfo(dir).isDir())
            watchTree(*folder, dir);
        else
            unwatchBelow(*folder, dir);
    }
    const DirectoryScanOutcome outcome = m_scanner.scanDirectoriesNow(dirs, m_settings.settleMs);
    // Another scan ran (a test's, on its own thread): try again. Files still being written:
    // look again once they may have settled.
    const QStringList again = outcome.ran ? outcome.unsettled : dirs;
    if (again.isEmpty())
        return;
    // Half the settle time: a file is read at most that late after it settled.
    for (const QString &dir : again)
        schedule(dir, qMax(100, m_settings.settleMs / 2), true);
}

void LibraryWatcher::schedule(const QString &dir, int delayMs, bool firm)
{
    if (m_pending.isEmpty())
        m_scanBy.setRemainingTime(m_settings.longestWaitMs, Qt::PreciseTimer);
    if (firm && m_scanBy.remainingTime() > delayMs)
        m_scanBy.setRemainingTime(delayMs, Qt::PreciseTimer);
    m_pending.insert(dir);
    m_quiet->start(int(qMin<qint64>(delayMs, m_scanBy.remainingTime())));
}

} // namespace cairn
