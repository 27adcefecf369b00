#pragma once
// Turns file-system change notifications under the library folders into scans of the
// directories that changed; a folder with more directories than can be watched is rescanned
// periodically instead. Lives on the scanner's thread (it scans by calling the scanner).

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

class QTimer;

namespace cairn {

class Database;
class DirectoryWatch;
class LibraryScanner;

struct WatchSettings
{
    int quietMs = 1000;                // a burst of changes is scanned once, this long after its last…
    int longestWaitMs = 3000;          // …or this long after its first, if it goes on (a long download)
    int settleMs = 2000;               // a file written more recently is not read yet (still copying?)
    qint64 periodicMs = 15 * 60000;    // rescan period of a folder that cannot be watched; 0 = none
    int maxDirectories = 0;            // directories watched at most, over all folders; 0 = the OS's limit
    bool portable = false;             // QFileSystemWatcher even on Linux (what Windows and macOS use; tests)
};

class LibraryWatcher : public QObject
{
    Q_OBJECT
public:
    // Give it the scanner as parent (so it moves to the scanner's thread with it), then call
    // syncFolders() on that thread.
    LibraryWatcher(const Database &db, LibraryScanner &scanner, const WatchSettings &settings,
                   QObject *parent = nullptr);
    ~LibraryWatcher() override;

public Q_SLOTS:
    // Watches the library folders the catalog lists now (new ones: every directory in them),
    // forgets removed ones. Runs after every scan, so a folder added through the API or the
    // GUI (which asks for a scan) is watched once it has been scanned.
    void syncFolders();

private:
    struct WatchedFolder
    {
        QString path;
        QHash<QString, QString> dirs;   // watched, as reached from `path` -> its canonical path
        QSet<QString> canonical;        // the values of `dirs`: each real directory is watched once
        bool degraded = false;
    };

    void watchTree(WatchedFolder &folder, const QString &top);
    void unwatchBelow(WatchedFolder &folder, const QString &top);
    void degrade(WatchedFolder &folder, const QString &reason);
    WatchedFolder *folderHolding(const QString &dir);
    void onChanged(const QString &dir);
    void onPeriodic();
    void scanPending();
    // Scans `dir` in `delayMs`; unless `firm`, later events may delay it (within longestWaitMs).
    void schedule(const QString &dir, int delayMs, bool firm);

    const Database &m_db;
    LibraryScanner &m_scanner;
    const WatchSettings m_settings;
    std::unique_ptr<DirectoryWatch> m_watch;   // made on first sync, on this object's thread
    QHash<qint64, WatchedFolder> m_folders;    // by folder id
    qsizetype m_watchedCount = 0;
    bool m_synced = false;                     // syncFolders() ran once (before the first scan)
    QSet<QString> m_pending;                   // directories to scan when things are quiet
    QDeadlineTimer m_scanBy;                   // events arriving on and on do not delay them past this
    QTimer *m_quiet;
    QTimer *m_periodic;
};

} // namespace cairn
