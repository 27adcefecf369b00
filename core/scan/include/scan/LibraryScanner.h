#pragma once
// Walks every library folder and brings the catalog in line with the disk: new and changed
// files are read (TagLib, libavformat), unchanged ones skipped, vanished ones removed.
// Lives on its own thread (the app moves it there); talk to it with queued calls/signals.

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThreadPool;

namespace cairn {

class Database;

struct ScanProgress
{
    int seen = 0;          // files looked at so far
    int total = 0;         // files found by the walk (known once the walk is done; 0 before)
    QString currentFile;
};

struct ScanSummary
{
    int filesSeen = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    int errors = 0;
    qint64 elapsedMs = 0;
};

// What scanDirectoriesNow() did.
struct DirectoryScanOutcome
{
    bool ran = false;            // false: another scan was running, here or on another node (try again later)
    ScanSummary summary;
    QStringList unsettled;       // directories holding files too freshly written to read yet
};

class LibraryScanner : public QObject
{
    Q_OBJECT
public:
    explicit LibraryScanner(const Database &db, QObject *parent = nullptr);
    ~LibraryScanner() override;

    // Thread-safe. True from a requestScan() on, until the scan it asked for has run: a client
    // that asks for a scan and then for the status must never see "idle" before it started.
    bool isScanning() const { return m_scanning.load() || m_requested.load(); }
    // Thread-safe: asks for scan() on the scanner's thread.
    void requestScan();

    // Runs a scan right now on the calling thread (the scanner's own) and returns its
    // summary; emits the same signals as scan(). Does nothing while another node sharing the
    // catalog scans (CatalogScanLock): that scan reads the same folders.
    ScanSummary scanNow();
    // As scanNow(), but for these directories of the library folders only (each with everything
    // below it; one outside every folder is ignored): what changed there is read, what vanished
    // from there leaves the catalog. A file written less than `settleMs` ago is not read yet (a
    // copy may still be writing it); its directory comes back in `unsettled`.
    DirectoryScanOutcome scanDirectoriesNow(const QStringList &dirs, int settleMs);

public Q_SLOTS:
    // Scans all folders. A request during a scan schedules exactly one more scan after it.
    void scan();
    // Asks a running scan to stop soon (thread-safe; also used at shutdown).
    void cancel();

Q_SIGNALS:
    void scanStarted();
    void progress(const cairn::ScanProgress &progress);
    void scanFinished(const cairn::ScanSummary &summary);

private:
    void runRequestedScan();

    const Database &m_db;
    std::unique_ptr<QThreadPool> m_readers;   // parallel tag reading / probing
    std::atomic_bool m_scanning{false};
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_requested{false};      // requestScan() called, its scan not begun yet
    bool m_rescanRequested = false;           // a scan is queued to run (coalesces requests)
};

} // namespace cairn

Q_DECLARE_METATYPE(cairn::ScanProgress)
Q_DECLARE_METATYPE(cairn::ScanSummary)
