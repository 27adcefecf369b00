// Scan benchmark (issue 18's targets): a generated library of tiny tagged mp3s (albums of ten
// tracks, 300 artists), scanned into a fresh catalog, then rescanned unchanged. Prints files/s
// and seconds beside the targets; never asserts.
// Usage: bench_scan [files …] (default 10000 100000). The libraries are kept under
// $CAIRN_BENCH_DIR (default <temp>/cairn-bench-scan), one per size, so reruns skip generating.

#include "MediaFixtures.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "scan/LibraryScanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <id3v2tag.h>
#include <tstring.h>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QTextStream out(stdout);

constexpr int kTracksPerAlbum = 10;
constexpr int kArtists = 300;
// Written into a finished library; a library without it (or of another layout) is made again.
constexpr auto kLayout = "cairn bench_scan library v1\n";

TagLib::String tagText(const QString &text)
{
    return TagLib::String(text.toStdString(), TagLib::String::UTF8);
}

// An ID3v2 tag for file `i`, rendered to bytes: the files are the tag and the same MPEG frames.
QByteArray tagOf(int i)
{
    const int album = i / kTracksPerAlbum;
    TagLib::ID3v2::Tag tag;
    tag.setTitle(tagText(u"Chanson %1"_s.arg(i)));
    tag.setArtist(tagText(u"Artiste %1"_s.arg(album % kArtists)));
    tag.setAlbum(tagText(u"Album %1"_s.arg(album)));
    tag.setTrack(unsigned(i % kTracksPerAlbum + 1));
    tag.setYear(unsigned(1960 + album % 60));
    tag.setGenre(tagText(u"Genre %1"_s.arg(album % 24)));
    const TagLib::ByteVector bytes = tag.render();
    return QByteArray(bytes.data(), int(bytes.size()));
}

// The MPEG frames of a short tone, without tags (ffmpeg writes no ID3v2 with version 0).
QByteArray toneFrames(const QString &dir, QString &error)
{
    const QString path = dir + u"/tone.mp3"_s;
    test::runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-y"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                   u"sine=frequency=440:sample_rate=22050:duration=0.5"_s, u"-ac"_s, u"1"_s,
                                   u"-c:a"_s, u"libmp3lame"_s, u"-b:a"_s, u"32k"_s, u"-id3v2_version"_s, u"0"_s,
                                   u"-write_id3v1"_s, u"0"_s, path});
    const QByteArray frames = test::readFile(path);
    QFile::remove(path);
    if (frames.isEmpty())
        error = u"ffmpeg could not make the tone (is it installed with libmp3lame?)"_s;
    return frames;
}

// The library of `files` files under `root`, made unless a finished one is there already.
QString ensureLibrary(const QString &root, int files)
{
    const QString marker = root + u"/.complete"_s;   // hidden: the scanner skips it
    if (test::readFile(marker) == kLayout)
        return {};
    QDir(root).removeRecursively();
    if (!QDir().mkpath(root))
        return u"cannot create "_s + root;
    QString error;
    const QByteArray frames = toneFrames(root, error);
    if (!error.isEmpty())
        return error;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < files; ++i) {
        const int album = i / kTracksPerAlbum;
        const QString dir = u"%1/Artiste %2/Album %3"_s.arg(root).arg(album % kArtists).arg(album);
        if (i % kTracksPerAlbum == 0 && !QDir().mkpath(dir))
            return u"cannot create "_s + dir;
        QFile file(u"%1/%2 Chanson %3.mp3"_s.arg(dir).arg(i % kTracksPerAlbum + 1, 2, 10, QLatin1Char('0')).arg(i));
        if (!file.open(QIODevice::WriteOnly) || file.write(tagOf(i) + frames) < 0)
            return u"cannot write "_s + file.fileName();
    }
    QFile done(marker);
    if (!done.open(QIODevice::WriteOnly) || done.write(kLayout) < 0)
        return u"cannot write "_s + marker;
    out << u"generated %1 files in %2 s under %3"_s.arg(files).arg(timer.elapsed() / 1000.0, 0, 'f', 1).arg(root)
        << Qt::endl;
    return {};
}

// CPU seconds of the whole process and of the calling thread (the scanner's, the one writer),
// so figures taken on a machine busy with other work can still be compared; -1 where unknown.
struct CpuTime
{
    double process = -1;
    double thread = -1;
};

CpuTime cpuTime()
{
    CpuTime t;
#ifdef Q_OS_UNIX
    const auto seconds = [](const rusage &u) { return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
                                                      + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6; };
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        t.process = seconds(usage);
#ifdef RUSAGE_THREAD
    if (getrusage(RUSAGE_THREAD, &usage) == 0)
        t.thread = seconds(usage);
#endif
#endif
    return t;
}

QString cpuSince(const CpuTime &start)
{
    const CpuTime now = cpuTime();
    if (start.process < 0)
        return {};
    QString text = u"; CPU %1 s"_s.arg(now.process - start.process, 0, 'f', 2);
    if (start.thread >= 0)
        text += u", scanner thread %1 s"_s.arg(now.thread - start.thread, 0, 'f', 2);
    return text;
}

void row(const QString &what, const QString &figure, const QString &target)
{
    out << qSetFieldWidth(36) << Qt::left << what << qSetFieldWidth(0) << figure << u"  (target "_s << target
        << u")"_s << Qt::endl;
}

bool bench(const QString &benchDir, int files)
{
    const QString root = u"%1/library-%2"_s.arg(benchDir).arg(files);
    if (const QString error = ensureLibrary(root, files); !error.isEmpty()) {
        out << error << Qt::endl;
        return false;
    }
    QTemporaryDir dbDir;
    Database db(dbDir.filePath(u"catalog.sqlite"_s));
    if (const auto error = db.open()) {
        out << u"catalog: "_s << *error << Qt::endl;
        return false;
    }
    if (!FolderRepository(db).add(root)) {
        out << u"cannot add the library folder"_s << Qt::endl;
        return false;
    }
    LibraryScanner scanner(db);
    QElapsedTimer timer;
    timer.start();
    CpuTime cpu = cpuTime();
    const ScanSummary full = scanner.scanNow();
    const double fullSeconds = timer.nsecsElapsed() / 1e9;
    const QString fullCpu = cpuSince(cpu);
    timer.restart();
    cpu = cpuTime();
    const ScanSummary again = scanner.scanNow();
    const double againSeconds = timer.nsecsElapsed() / 1e9;
    const QString againCpu = cpuSince(cpu);

    const QString size = QLocale::c().toString(files);
    row(u"full scan, %1 files"_s.arg(size),
        u"%1 files/s (%2 s%3)"_s.arg(files / fullSeconds, 0, 'f', 0).arg(fullSeconds, 0, 'f', 2).arg(fullCpu),
        u"≥ 3000 files/s"_s);
    row(u"unchanged rescan, %1 files"_s.arg(size), u"%1 s (%2)"_s.arg(againSeconds, 0, 'f', 2).arg(againCpu.mid(2)),
        files <= 10000 ? u"< 1 s"_s : u"< 3 s"_s);
    if (full.added != files || full.errors != 0 || again.unchanged != files || again.added + again.updated != 0) {
        out << u"  wrong result: full scan added %1, %2 errors; rescan %3 unchanged, %4 reread"_s.arg(full.added)
                   .arg(full.errors)
                   .arg(again.unchanged)
                   .arg(again.added + again.updated)
            << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"cairn.*.info=false"_s);   // one line per file read is noise here
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << qMax(1, QString::fromLocal8Bit(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = {10000, 100000};
    QString benchDir = qEnvironmentVariable("CAIRN_BENCH_DIR");
    if (benchDir.isEmpty())
        benchDir = QDir::tempPath() + u"/cairn-bench-scan"_s;

    bool ok = true;
    for (const int files : sizes)
        ok = bench(benchDir, files) && ok;
    return ok ? 0 : 1;
}
