#include "scan/LibraryScanner.h"

#include "catalog/CatalogScanLock.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/LyricsRepository.h"
#include "catalog/ScanErrorRepository.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include "FolderArtPass.h"
#include "MediaReader.h"
#include "ScanLog.h"
#include "ScanPlan.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFuture>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

constexpr qint64 kProgressIntervalMs = 100;

// Files are read in parallel in batches, each written in one transaction while the next is
// read: a transaction per file would be a commit per file. The batch grows from 32 files to
// 512 while a cycle (reading one batch, writing the one before) takes less than about 250 ms,
// and shrinks when it takes longer: tiny files share a commit in hundreds, slow ones (videos,
// a network share) still show progress and are committed every fraction of a second, so a
// kill -9 loses little reading (the next scan reads those files again).
class BatchSizer
{
public:
    int size() const { return m_size; }

    void cycleTook(qsizetype files, qint64 ms)
    {
        constexpr qint64 kCycleMs = 250;
        constexpr qint64 kMin = 32;
        constexpr qint64 kMax = 512;
        if (files < m_size && ms < kCycleMs)
            return;   // a short last batch says nothing of the next
        const qint64 fitting = files * kCycleMs / qMax<qint64>(1, ms);
        m_size = int(qBound(kMin, fitting, qMin(kMax, 2 * qint64(m_size))));
    }

private:
    int m_size = 32;
};

// One file of a batch: read, or skipped because the scan was cancelled before its turn.
struct BatchRead
{
    MediaReadResult result;
    bool read = false;
};

// Emits progress at most every kProgressIntervalMs, except when forced.
class ProgressThrottle
{
public:
    explicit ProgressThrottle(LibraryScanner *scanner) : m_scanner(scanner) { m_timer.start(); }

    void report(const ScanProgress &progress, bool force = false)
    {
        if (!force && m_timer.elapsed() < kProgressIntervalMs)
            return;
        m_timer.restart();
        Q_EMIT m_scanner->progress(progress);
    }

private:
    LibraryScanner *m_scanner;
    QElapsedTimer m_timer;
};

// Starts reading `jobs` on `pool`; each file not begun by the time `cancel` is set is skipped.
QFuture<BatchRead> startReading(QThreadPool *pool, const QList<ReadJob> &jobs, const std::atomic_bool &cancel)
{
    return QtConcurrent::mapped(pool, jobs, [&cancel](const ReadJob &job) {
        if (cancel.load())
            return BatchRead{};
        return BatchRead{media::read(job.file.path, job.kind), true};
    });
}

// Writes one batch of read results: tracks (with their lyrics) for the good files, scan errors
// for the others. Returns how many files it wrote (not those a cancel skipped).
int writeBatch(const Database &db, const QList<ReadJob> &jobs, const QList<BatchRead> &reads, ScanSummary &summary)
{
    TrackRepository tracks(db);
    LyricsRepository lyrics(db);
    ScanErrorRepository errors(db);
    WriteTransaction tx(db);
    int written = 0;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (!reads.at(i).read)
            continue;
        ++written;
        const ReadJob &job = jobs.at(i);
        const MediaReadResult &result = reads.at(i).result;
        if (result.track) {
            Track track = *result.track;
            track.folderId = job.folderId;
            track.path = job.file.path;
            track.size = job.file.size;
            track.mtime = job.file.mtime;
            if (const qint64 id = tracks.upsert(track); id > 0) {
                // Always written: a changed file that lost its lyrics must lose them here too.
                if (const Outcome written = lyrics.write(id, result.lyrics); !written)
                    qCWarning(lcScan) << "lyrics of" << track.path << "not stored:" << written.error().message;
                if (job.mayHaveError)
                    errors.clear(track.path);
                ++(job.existingTrackId > 0 ? summary.updated : summary.added);
                continue;
            }
        }
        const QString reason = result.track ? u"cannot store the file in the catalog"_s : result.error;
        qCInfo(lcScan) << "cannot read" << job.file.path << ":" << reason;
        errors.record(job.file.path, reason, job.file.size, job.file.mtime);
        if (job.existingTrackId > 0)
            tracks.remove(job.existingTrackId);
        ++summary.errors;
    }
    if (!tx.commit())
        qCWarning(lcScan) << "a batch of" << jobs.size() << "files was not written";
    return written;
}

void removeVanished(const Database &db, const ScanPlan &plan, ScanSummary &summary)
{
    TrackRepository tracks(db);
    ScanErrorRepository errors(db);
    WriteTransaction tx(db);
    const QList<qint64> vanished = plan.tracksToRemove();
    for (const qint64 id : vanished) {
        if (tracks.remove(id))
            ++summary.removed;
    }
    const QStringList gone = plan.errorsToClear();
    for (const QString &path : gone)
        errors.clear(path);
    tx.commit();
}

// Reads the plan's files on `pool` and stores each batch from the calling thread (the catalog's
// one writer during a scan) while the pool reads the next; stops early on `cancel`.
void readAndStore(const Database &db, QThreadPool *pool, const std::atomic_bool &cancel, const ScanPlan &plan,
                  int &seen, ScanSummary &summary, ProgressThrottle &progress)
{
    BatchSizer sizer;
    QList<ReadJob> batch = plan.toRead.mid(0, sizer.size());
    qsizetype next = batch.size();
    QFuture<BatchRead> reading = startReading(pool, batch, cancel);
    QElapsedTimer cycle;
    cycle.start();
    while (!batch.isEmpty()) {
        const QList<BatchRead> reads = reading.results();
        sizer.cycleTook(batch.size(), cycle.restart());
        QList<ReadJob> nextBatch = cancel.load() ? QList<ReadJob>() : plan.toRead.mid(next, sizer.size());
        next += nextBatch.size();
        if (!nextBatch.isEmpty())
            reading = startReading(pool, nextBatch, cancel);
        seen += writeBatch(db, batch, reads, summary);
        progress.report({seen, plan.files, batch.constLast().file.path});
        batch = std::move(nextBatch);
    }
}

} // namespace

LibraryScanner::LibraryScanner(const Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_readers(std::make_unique<QThreadPool>())
{
    qRegisterMetaType<cairn::ScanProgress>();
    qRegisterMetaType<cairn::ScanSummary>();
    m_readers->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

LibraryScanner::~LibraryScanner()
{
    cancel();
    m_readers->waitForDone();
}

void LibraryScanner::scan()
{
    // Requests arriving while a scan runs are queued behind it; they collapse into one.
    if (m_rescanRequested)
        return;
    m_rescanRequested = true;
    QMetaObject::invokeMethod(this, &LibraryScanner::runRequestedScan, Qt::QueuedConnection);
}

void LibraryScanner::requestScan()
{
    m_requested.store(true);
    QMetaObject::invokeMethod(this, &LibraryScanner::scan, Qt::QueuedConnection);
}

void LibraryScanner::cancel()
{
    m_cancel.store(true);
}

void LibraryScanner::runRequestedScan()
{
    m_rescanRequested = false;
    scanNow();
}

ScanSummary LibraryScanner::scanNow()
{
    if (m_scanning.exchange(true))
        return {};
    m_requested.store(false);   // this scan covers every request made before it began
    const CatalogScanLock lock(m_db);
    if (!lock.held()) {
        qCInfo(lcScan) << "another Cairn node is scanning this catalog: this scan is left to it";
        m_scanning.store(false);
        return {};
    }
    m_cancel.store(false);
    QElapsedTimer elapsed;
    elapsed.start();
    Q_EMIT scanStarted();
    ProgressThrottle progress(this);
    ScanSummary summary;

    // 1. Walk the folders and decide what to read.
    ScanPlan plan;
    QHash<QString, QString> folderImages;   // listed by the walk, for step 4
    const MediaWalker walker(m_cancel);
    const QList<Folder> folders = FolderRepository(m_db).list();
    for (const Folder &folder : folders) {
        if (!QFileInfo(folder.path).isDir()) {
            // Possibly an unmounted drive: keep its tracks rather than wiping them.
            qCWarning(lcScan) << "library folder missing, skipped:" << folder.path;
            continue;
        }
        progress.report({plan.files, 0, folder.path});
        plan.addFolder(folder.id, walker.walk(folder.path, &folderImages),
                       TrackRepository(m_db).stampsUnder(folder.id),
                       ScanErrorRepository(m_db).stampsUnder(folder.path));
    }
    summary.unchanged = plan.unchanged;
    summary.errors = plan.knownErrors;
    int seen = plan.unchanged + plan.knownErrors;
    progress.report({seen, plan.files, {}}, true);

    // 2. Read new and changed files in parallel; this thread (the catalog's one writer during a
    // scan) writes each batch while the pool reads the next.
    readAndStore(m_db, m_readers.get(), m_cancel, plan, seen, summary, progress);

    // 3. Forget files that are gone (not after a cancel: the walk may be incomplete).
    if (!m_cancel.load())
        removeVanished(m_db, plan, summary);
    // 4. Note the folders' cover images (also next to unchanged files).
    refreshFolderArt(m_db, m_cancel, folderImages);

    summary.filesSeen = seen;
    summary.elapsedMs = elapsed.elapsed();
    progress.report({seen, plan.files, {}}, true);
    qCInfo(lcScan) << "scan done:" << summary.filesSeen << "files," << summary.added << "added,"
                   << summary.updated << "updated," << summary.unchanged << "unchanged,"
                   << summary.removed << "removed," << summary.errors << "errors in"
                   << summary.elapsedMs << "ms";
    m_scanning.store(false);
    Q_EMIT scanFinished(summary);
    return summary;
}

} // namespace cairn

namespace cairn {

namespace {

bool isBelow(const QString &path, const QString &dir)
{
    return path.size() > dir.size() && path.startsWith(dir) && path.at(dir.size()) == u'/';
}

// The directories (cleaned) with none below another: a scan of a directory covers its subtree.
QStringList topmostDirectories(const QStringList &dirs)
{
    QStringList cleaned;
    for (const QString &dir : dirs)
        cleaned << QDir::cleanPath(dir);
    cleaned.sort();
    cleaned.removeDuplicates();
    QStringList topmost;
    for (const QString &dir : std::as_const(cleaned)) {
        if (topmost.isEmpty() || !isBelow(dir, topmost.constLast()))
            topmost << dir;
    }
    return topmost;
}

std::optional<Folder> folderHolding(const QList<Folder> &folders, const QString &dir)
{
    for (const Folder &folder : folders) {
        if (dir == folder.path || isBelow(dir, folder.path))
            return folder;
    }
    return std::nullopt;
}

// For each directory in a library folder, itself or, once deleted, its nearest ancestor still
// there (whose scan notices what went); topmost ones only. A missing library folder is left
// alone, as scanNow() does (possibly an unmounted drive).
QStringList existingAncestors(const QStringList &dirs, const QList<Folder> &folders)
{
    QStringList existing;
    for (const QString &wanted : dirs) {
        QString dir = QDir::cleanPath(wanted);
        const auto folder = folderHolding(folders, dir);
        if (!folder)
            continue;
        while (dir != folder->path && !QFileInfo(dir).isDir())
            dir = QFileInfo(dir).path();
        if (QFileInfo(dir).isDir())
            existing << dir;
    }
    return topmostDirectories(existing);
}

} // namespace

DirectoryScanOutcome LibraryScanner::scanDirectoriesNow(const QStringList &dirs, int settleMs)
{
    DirectoryScanOutcome outcome;
    if (m_scanning.exchange(true))
        return outcome;
    const CatalogScanLock lock(m_db);
    if (!lock.held()) {
        m_scanning.store(false);
        return outcome;
    }
    outcome.ran = true;
    m_cancel.store(false);
    QElapsedTimer elapsed;
    elapsed.start();
    Q_EMIT scanStarted();
    ProgressThrottle progress(this);
    ScanSummary &summary = outcome.summary;

    // Stamps have whole seconds: those of the last settleMs (rounded up) are looked at closer.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 surelySettled = now.toSecsSinceEpoch() - (qMax(0, settleMs) + 999) / 1000 - 1;
    // A stamp far in the future (a wrong clock somewhere) is no sign of a copy in progress.
    const auto isUnsettled = [&](const FoundFile &file) {
        return file.mtime.toSecsSinceEpoch() > surelySettled
               && qAbs(QFileInfo(file.path).lastModified().msecsTo(now)) < settleMs;
    };
    QSet<QString> unsettled;   // paths
    ScanPlan plan;
    const MediaWalker walker(m_cancel);
    const QList<Folder> folders = FolderRepository(m_db).list();
    QStringList walked;
    QHash<QString, QString> folderImages;   // listed by the walk, for the cover step
    for (const QString &dir : existingAncestors(dirs, folders)) {
        const auto folder = folderHolding(folders, dir);
        walked << dir;
        const QList<FoundFile> found = walker.walk(dir, &folderImages);
        for (const FoundFile &file : found) {
            if (isUnsettled(file))
                unsettled.insert(file.path);
        }
        const TrackRepository tracks(m_db);
        plan.addFolder(folder->id, found,
                       dir == folder->path ? tracks.stampsUnder(folder->id) : tracks.stampsBelow(folder->id, dir),
                       ScanErrorRepository(m_db).stampsUnder(dir));
    }
    // Unsettled files stay as they are in the catalog (found, so not removed; not read yet).
    plan.toRead.removeIf([&](const ReadJob &job) { return unsettled.contains(job.file.path); });
    summary.unchanged = plan.unchanged;
    summary.errors = plan.knownErrors;
    int seen = plan.unchanged + plan.knownErrors;
    progress.report({seen, plan.files, {}}, true);

    readAndStore(m_db, m_readers.get(), m_cancel, plan, seen, summary, progress);
    if (!m_cancel.load())
        removeVanished(m_db, plan, summary);
    if (!walked.isEmpty())
        refreshFolderArt(m_db, m_cancel, folderImages, walked);

    summary.filesSeen = seen;
    summary.elapsedMs = elapsed.elapsed();
    QSet<QString> unsettledDirs;
    for (const QString &path : std::as_const(unsettled))
        unsettledDirs.insert(QFileInfo(path).path());
    outcome.unsettled = QStringList(unsettledDirs.cbegin(), unsettledDirs.cend());
    progress.report({seen, plan.files, {}}, true);
    qCInfo(lcScan) << "scan of" << walked.size() << "changed directories done:" << summary.added << "added,"
                   << summary.updated << "updated," << summary.removed << "removed," << summary.errors
                   << "errors," << unsettled.size() << "files still being written, in"
                   << summary.elapsedMs << "ms";
    m_scanning.store(false);
    Q_EMIT scanFinished(summary);
    return outcome;
}

} // namespace cairn
