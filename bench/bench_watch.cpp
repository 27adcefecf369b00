// Watching a large library: a real tree of N media files (hard links to one small mp3) in
// artist/album directories of ten, catalogued as unchanged; prints what the full incremental
// rescan costs, what watching every directory costs, what the scan of one changed album costs,
// and how long a file copied in takes to reach the catalog. Usage: bench_watch [files]

#include "MediaFixtures.h"
#include "TestCatalog.h"

#include "catalog/Track.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"
#include "scan/LibraryScanner.h"
#include "scan/LibraryWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool linkOrCopy(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    return ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#else
    return QFile::copy(from, to);
#endif
}

QString relativePath(int i)
{
    return u"artist%1/album%2/t%3.mp3"_s.arg(i / 100).arg(i / 10).arg(i);
}

// Files on disk and matching catalog rows (same size and mtime): the scanner finds them unchanged.
bool buildLibrary(test::TestCatalog &catalog, const QString &song, int files)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo info(song);
    TrackRepository repo(catalog.database());
    constexpr int kBatch = 2000;
    for (int start = 0; start < files; start += kBatch) {
        WriteTransaction batch(catalog.database());
        for (int i = start; i < qMin(files, start + kBatch); ++i) {
            const QString path = catalog.libraryPath(relativePath(i));
            if (i % 10 == 0)
                QDir().mkpath(QFileInfo(path).path());
            // A file system caps links to one file (ext4: 65,000): a copy of the song per 50,000.
            const QString source = u"%1.%2"_s.arg(song).arg(i / 50000);
            if (i % 50000 == 0 && !QFile::exists(source) && !QFile::copy(song, source))
                return false;
            if (!linkOrCopy(source, path))
                return false;
            Track t;
            t.folderId = catalog.libraryFolderId();
            t.path = path;
            t.size = info.size();
            t.mtime = QFileInfo(source).lastModified().toUTC();
            t.format = u"mp3"_s;
            t.codec = u"mp3"_s;
            t.durationMs = 1000;
            t.title = u"Track %1"_s.arg(i);
            t.artist = u"Artist %1"_s.arg(i / 100);
            t.album = u"Album %1"_s.arg(i / 10);
            repo.upsert(t);
        }
        if (!batch.commit())
            return false;
    }
    out() << "library: " << files << " files in " << files / 10 << " album directories built in "
          << timer.elapsed() << " ms" << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int files = qMax(10, app.arguments().value(1, u"100000"_s).toInt());

    test::TestCatalog catalog;
    if (const QString error = catalog.open(); !error.isEmpty()) {
        out() << "cannot open the catalog: " << error << Qt::endl;
        return 1;
    }
    const QString song = catalog.filePath(u"song.mp3"_s);
    if (!test::makeAudio(song, 1, {{u"title"_s, u"New"_s}}).isEmpty()) {
        out() << "cannot make the mp3 (ffmpeg)" << Qt::endl;
        return 1;
    }
    QFile old(song);
    if (!old.open(QIODevice::ReadWrite)
        || !old.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime))
        return 1;
    old.close();
    if (!buildLibrary(catalog, song, files))
        return 1;

    LibraryScanner scanner(catalog.database());
    QElapsedTimer timer;
    timer.start();
    const ScanSummary full = scanner.scanNow();
    out() << "full incremental rescan, nothing changed: " << timer.elapsed() << " ms (" << full.unchanged
          << " unchanged, " << full.added + full.updated + full.removed << " changes)" << Qt::endl;

    // One file more in one album: what the watcher scans.
    const QString album = QFileInfo(catalog.libraryPath(relativePath(files / 2))).path();
    linkOrCopy(song, QDir(album).filePath(u"new.mp3"_s));
    timer.restart();
    const DirectoryScanOutcome one = scanner.scanDirectoriesNow({album}, 2000);
    out() << "scan of the one changed album directory: " << timer.elapsed() << " ms (" << one.summary.added
          << " added)" << Qt::endl;

    // The watcher on the scanner's thread, as the runtime runs it.
    QThread thread;
    auto *threaded = new LibraryScanner(catalog.database());
    auto *watcher = new LibraryWatcher(catalog.database(), *threaded, WatchSettings{}, threaded);
    threaded->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, threaded, &QObject::deleteLater);
    thread.start();
    timer.restart();
    QMetaObject::invokeMethod(watcher, &LibraryWatcher::syncFolders, Qt::BlockingQueuedConnection);
    out() << "watching every directory (" << files / 10 + files / 100 + 1 << "): " << timer.elapsed() << " ms"
          << Qt::endl;

    QElapsedTimer copied;
    qint64 appeared = -1;
    QObject::connect(threaded, &LibraryScanner::scanFinished, &app, [&](const ScanSummary &s) {
        if (s.added > 0) {
            appeared = copied.elapsed();
            app.quit();
        }
    });
    QTimer::singleShot(0, &app, [&] {
        copied.start();
        QFile::copy(song, QDir(album).filePath(u"copied.mp3"_s));   // a fresh mtime: it must settle
    });
    QTimer::singleShot(30000, &app, &QCoreApplication::quit);
    app.exec();
    out() << "a file copied into an album, in the catalog after: " << appeared << " ms" << Qt::endl;
    thread.quit();
    thread.wait();
    return appeared < 0 ? 1 : 0;
}
