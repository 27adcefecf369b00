#include "scan/LibraryScanner.h"

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
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

constexpr int kBatchSize = 32;            // files read in parallel, then written in one transaction
constexpr qint64 kProgressIntervalMs = 100;

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

// Writes one batch of read results: tracks (with their lyrics) for the good files, scan errors
// for the others.
void writeBatch(const Database &db, const QList<ReadJob> &jobs,
                const QList<MediaReadResult> &results, ScanSummary &summary)
{
    TrackRepository tracks(db);
    LyricsRepository lyrics(db);
    ScanErrorRepository errors(db);
    WriteTransaction tx(db);
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const ReadJob &job = jobs.at(i);
        const MediaReadResult &result = results.at(i);
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
    m_cancel.store(false);
    QElapsedTimer elapsed;
    elapsed.start();
    Q_EMIT scanStarted();
    ProgressThrottle progress(this);
    ScanSummary summary;

    // 1. Walk the folders and decide what to read.
    ScanPlan plan;
    const MediaWalker walker(m_cancel);
    const QList<Folder> folders = FolderRepository(m_db).list();
    for (const Folder &folder : folders) {
        if (!QFileInfo(folder.path).isDir()) {
            // Possibly an unmounted drive: keep its tracks rather than wiping them.
            qCWarning(lcScan) << "library folder missing, skipped:" << folder.path;
            continue;
        }
        progress.report({plan.files, 0, folder.path});
        plan.addFolder(folder.id, walker.walk(folder.path),
                       TrackRepository(m_db).stampsUnder(folder.id),
                       ScanErrorRepository(m_db).stampsUnder(folder.path));
    }
    summary.unchanged = plan.unchanged;
    summary.errors = plan.knownErrors;
    int seen = plan.unchanged + plan.knownErrors;
    progress.report({seen, plan.files, {}}, true);

    // 2. Read new and changed files in parallel; write each batch from this thread.
    for (qsizetype start = 0; start < plan.toRead.size() && !m_cancel.load(); start += kBatchSize) {
        const QList<ReadJob> batch = plan.toRead.mid(start, kBatchSize);
        const auto results = QtConcurrent::blockingMapped<QList<MediaReadResult>>(
            m_readers.get(), batch,
            [](const ReadJob &job) { return media::read(job.file.path, job.kind); });
        writeBatch(m_db, batch, results, summary);
        seen += int(batch.size());
        progress.report({seen, plan.files, batch.constLast().file.path});
    }

    // 3. Forget files that are gone (not after a cancel: the walk may be incomplete).
    if (!m_cancel.load())
        removeVanished(m_db, plan, summary);
    // 4. Note the folders' cover images (also next to unchanged files).
    refreshFolderArt(m_db, m_cancel);

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
    for (const QString &dir : existingAncestors(dirs, folders)) {
        const auto folder = folderHolding(folders, dir);
        walked << dir;
        const QList<FoundFile> found = walker.walk(dir);
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

    for (qsizetype start = 0; start < plan.toRead.size() && !m_cancel.load(); start += kBatchSize) {
        const QList<ReadJob> batch = plan.toRead.mid(start, kBatchSize);
        const auto results = QtConcurrent::blockingMapped<QList<MediaReadResult>>(
            m_readers.get(), batch,
            [](const ReadJob &job) { return media::read(job.file.path, job.kind); });
        writeBatch(m_db, batch, results, summary);
        seen += int(batch.size());
        progress.report({seen, plan.files, batch.constLast().file.path});
    }
    if (!m_cancel.load())
        removeVanished(m_db, plan, summary);
    if (!walked.isEmpty())
        refreshFolderArt(m_db, m_cancel, walked);

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
