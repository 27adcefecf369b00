// The library scanner on real media made by ffmpeg: tags and facts per format, incremental
// rescans, removals, broken files as scan errors, symlink loops, progress and threading.

#include "TestCatalog.h"

#include "MediaFixtures.h"

#include "catalog/CatalogScanLock.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/ScanErrorRepository.h"
#include "catalog/TrackRepository.h"
#include "scan/LibraryScanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

const test::Tags kTags{{u"title"_s, u"Tïtle ✓ 東京"_s},
                       {u"artist"_s, u"Émile"_s},
                       {u"album"_s, u"Albüm"_s},
                       {u"album_artist"_s, u"Various Ärtists"_s},
                       {u"track"_s, u"3/12"_s},
                       {u"disc"_s, u"2"_s},
                       {u"date"_s, u"2021"_s},
                       {u"genre"_s, u"Jazz"_s}};

std::optional<Track> trackAt(const Database &db, const QString &path)
{
    const TrackPage page = TrackRepository(db).list(0, 10000);
    for (const Track &t : page.items) {
        if (t.path == path)
            return t;
    }
    return std::nullopt;
}

bool copy(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    QFile::remove(to);
    return QFile::copy(from, to);
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readsFormats_data();
    void readsFormats();
    void rescanOfUnchangedLibraryRereadsNothing();
    void modifiedFileIsReread();
    void deletedFileLeavesCatalog();
    void brokenFilesBecomeScanErrors_data();
    void brokenFilesBecomeScanErrors();
    void symlinkLoopTerminates();
    void hiddenAndNonMediaFilesAreSkipped();
    void missingFolderKeepsItsTracks();
    void nestedFoldersShareFilesOnce();
    void progressReportsSeenAndTotal();
    void filesOfManyBatchesAreStoredOnce();
    void cancelledScanStoresNothingUnread();
    void requestsDuringAScanCollapse();
    void scansOnItsOwnThread();
    void othersWriteWhileItScans();
    void oneNodeScansAtATime();

private:
    QString fixture(const QString &name) const { return m_fixtures.filePath(name); }
    QString lib(const QString &relative) const { return m_library->filePath(relative); }
    ScanSummary scan() { return m_scanner->scanNow(); }

    QTemporaryDir m_fixtures;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_dbDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
};

void TestScanner::initTestCase()
{
    QVERIFY(m_fixtures.isValid());
    for (const QString &ext : {u"mp3"_s, u"flac"_s, u"ogg"_s, u"opus"_s, u"m4a"_s, u"wav"_s,
                              u"wv"_s, u"wma"_s}) {
        const QString error = test::makeAudio(fixture(u"tone."_s + ext), 2.0, kTags);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QString plain = test::makeAudio(fixture(u"plain.mp3"_s), 1.0, {{u"title"_s, u"Plain"_s}});
    QVERIFY2(plain.isEmpty(), qPrintable(plain));
    for (const QString &ext : {u"mp4"_s, u"mkv"_s}) {
        const QString error = test::makeVideo(fixture(u"clip."_s + ext), 2.0, 320, 240);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestScanner::init()
{
    m_library = std::make_unique<QTemporaryDir>();
    m_dbDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_library->isValid() && m_dbDir->isValid());
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dbDir->filePath(u"catalog.sqlite"_s)));
    QVERIFY(!m_db->open());
    QVERIFY(FolderRepository(*m_db).add(m_library->path()));
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
}

void TestScanner::cleanup()
{
    m_scanner.reset();
    m_db.reset();
    m_dbDir.reset();
    m_library.reset();
}

void TestScanner::readsFormats_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<int>("sampleRate");
    QTest::addColumn<bool>("video");
    QTest::addColumn<bool>("fullTags");   // album artist, disc and genre survive in this format
    QTest::addColumn<int>("year");        // ffmpeg's ASF muxer writes "date", not WM/Year

    QTest::newRow("mp3") << u"tone.mp3"_s << u"Ärtist/Albüm/01 – ünïcode.mp3"_s << u"mp3"_s << 44100 << false << true << 2021;
    QTest::newRow("flac") << u"tone.flac"_s << u"a/b/tone.flac"_s << u"flac"_s << 44100 << false << true << 2021;
    QTest::newRow("ogg") << u"tone.ogg"_s << u"a/b/東京.ogg"_s << u"vorbis"_s << 44100 << false << true << 2021;
    QTest::newRow("opus") << u"tone.opus"_s << u"a/b/tone.opus"_s << u"opus"_s << 48000 << false << true << 2021;
    QTest::newRow("m4a") << u"tone.m4a"_s << u"a/b/tone.m4a"_s << u"aac"_s << 44100 << false << true << 2021;
    QTest::newRow("wav") << u"tone.wav"_s << u"a/b/tone.wav"_s << u"pcm"_s << 44100 << false << false << 2021;
    QTest::newRow("wv") << u"tone.wv"_s << u"a/b/tone.wv"_s << u"wavpack"_s << 44100 << false << true << 2021;
    QTest::newRow("wma") << u"tone.wma"_s << u"a/b/tone.wma"_s << u"wma"_s << 44100 << false << true << 0;
    QTest::newRow("mp4") << u"clip.mp4"_s << u"films/clip.mp4"_s << u"h264"_s << 44100 << true << false << 2021;
    QTest::newRow("mkv") << u"clip.mkv"_s << u"films/Çlip.MKV"_s << u"h264"_s << 44100 << true << false << 2021;
}

void TestScanner::readsFormats()
{
    QFETCH(QString, source);
    QFETCH(QString, target);
    QFETCH(QString, codec);
    QFETCH(int, sampleRate);
    QFETCH(bool, video);
    QFETCH(bool, fullTags);
    QFETCH(int, year);
    QVERIFY(copy(fixture(source), lib(target)));

    const ScanSummary summary = scan();
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.added, 1);
    const auto track = trackAt(*m_db, lib(target));
    QVERIFY(track);
    QCOMPARE(track->format, QFileInfo(target).suffix().toLower());
    QCOMPARE(track->codec, codec);
    QCOMPARE(track->kind, video ? MediaKind::Video : MediaKind::Audio);
    QVERIFY2(qAbs(track->durationMs - 2000) <= 150, qPrintable(QString::number(track->durationMs)));
    QVERIFY(track->bitrate > 0);
    QCOMPARE(track->size, QFileInfo(lib(target)).size());
    if (video) {
        QCOMPARE(track->width, 320);
        QCOMPARE(track->height, 240);
        return;
    }
    QCOMPARE(track->sampleRate, sampleRate);
    QCOMPARE(track->channels, 2);
    QCOMPARE(track->title, kTags.value(u"title"_s));
    QCOMPARE(track->artist, u"Émile"_s);
    QCOMPARE(track->album, u"Albüm"_s);
    QCOMPARE(track->year, year);
    QCOMPARE(track->albumTitle, u"Albüm"_s);
    if (fullTags) {
        QCOMPARE(track->trackNumber, 3);
        QCOMPARE(track->discNumber, 2);
        QCOMPARE(track->genre, u"Jazz"_s);
        QCOMPARE(track->albumArtist, u"Various Ärtists"_s);
        QCOMPARE(track->albumArtistName, u"Various Ärtists"_s);
    }
    QCOMPARE(TrackRepository(*m_db).list(0, 10, u"ÉMILE"_s).total, 1);
}

void TestScanner::rescanOfUnchangedLibraryRereadsNothing()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.flac"_s), lib(u"a/b/2.flac"_s)));
    QVERIFY(copy(fixture(u"clip.mkv"_s), lib(u"c/3.mkv"_s)));
    const ScanSummary first = scan();
    QCOMPARE(first.added, 3);
    QCOMPARE(first.filesSeen, 3);
    const ScanSummary second = scan();
    QCOMPARE(second.filesSeen, 3);
    QCOMPARE(second.unchanged, 3);
    QCOMPARE(second.added + second.updated + second.removed + second.errors, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 3);
}

void TestScanner::modifiedFileIsReread()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.flac"_s), lib(u"a/b/2.flac"_s)));
    QCOMPARE(scan().added, 2);
    const auto before = trackAt(*m_db, lib(u"a/b/1.mp3"_s));
    QVERIFY(before);

    QVERIFY(copy(fixture(u"plain.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QFile file(lib(u"a/b/1.mp3"_s));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(before->mtime.addSecs(60), QFileDevice::FileModificationTime));
    file.close();

    const ScanSummary summary = scan();
    QCOMPARE(summary.updated, 1);
    QCOMPARE(summary.unchanged, 1);
    const auto after = trackAt(*m_db, lib(u"a/b/1.mp3"_s));
    QVERIFY(after);
    QCOMPARE(after->id, before->id);
    QCOMPARE(after->title, u"Plain"_s);
    QVERIFY(qAbs(after->durationMs - 1000) <= 150);
}

void TestScanner::deletedFileLeavesCatalog()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.ogg"_s), lib(u"x/y/2.ogg"_s)));
    QCOMPARE(scan().added, 2);
    QVERIFY(QFile::remove(lib(u"x/y/2.ogg"_s)));
    const ScanSummary summary = scan();
    QCOMPARE(summary.removed, 1);
    QCOMPARE(summary.unchanged, 1);
    QCOMPARE(TrackRepository(*m_db).count(), 1);
    QVERIFY(!trackAt(*m_db, lib(u"x/y/2.ogg"_s)));
    // The album and artist only that file used are gone too (tags: Albüm / Émile shared).
    QCOMPARE(TrackRepository(*m_db).list(0, 10, u"émile"_s).total, 1);
}

void TestScanner::brokenFilesBecomeScanErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("goodSource");   // what the file becomes when it is fixed

    QFile flac(fixture(u"tone.flac"_s));
    QVERIFY(flac.open(QIODevice::ReadOnly));
    const QByteArray flacBytes = flac.readAll();
    QFile mp4(fixture(u"clip.mp4"_s));
    QVERIFY(mp4.open(QIODevice::ReadOnly));
    const QByteArray mp4Bytes = mp4.readAll();
    QByteArray noise(64 * 1024, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);

    QTest::newRow("zero bytes") << u"empty.mp3"_s << QByteArray() << u"tone.mp3"_s;
    QTest::newRow("text named mp3") << u"fake.mp3"_s
                                    << QByteArray("This is not music, just a text file.\n").repeated(50)
                                    << u"tone.mp3"_s;
    QTest::newRow("noise named flac") << u"noise.flac"_s << noise << u"tone.flac"_s;
    QTest::newRow("truncated flac header") << u"cut.flac"_s << flacBytes.left(30) << u"tone.flac"_s;
    QTest::newRow("truncated mp4") << u"cut.mp4"_s << mp4Bytes.left(mp4Bytes.size() / 3) << u"clip.mp4"_s;
    QTest::newRow("noise named mkv") << u"noise.mkv"_s << noise << u"clip.mkv"_s;
}

void TestScanner::brokenFilesBecomeScanErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, goodSource);
    QVERIFY(copy(fixture(u"tone.ogg"_s), lib(u"good/album/ok.ogg"_s)));
    const QString bad = lib(u"bad/"_s + name);
    QVERIFY(writeBytes(bad, bytes));

    const ScanSummary first = scan();
    QCOMPARE(first.filesSeen, 2);
    QCOMPARE(first.added, 1);
    QCOMPARE(first.errors, 1);
    QCOMPARE(TrackRepository(*m_db).count(), 1);
    ScanErrorRepository errors(*m_db);
    const auto list = errors.list();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().path, bad);
    QVERIFY(!list.constFirst().reason.isEmpty());
    qInfo() << name << "->" << list.constFirst().reason;

    // Unchanged, it is not read again but still counts as broken.
    const ScanSummary second = scan();
    QCOMPARE(second.errors, 1);
    QCOMPARE(second.unchanged, 1);
    QCOMPARE(second.added + second.updated, 0);

    // Fixed, it joins the catalog and its error goes.
    QVERIFY(copy(fixture(goodSource), bad));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(120), QFileDevice::FileModificationTime));
    file.close();
    const ScanSummary third = scan();
    QCOMPARE(third.errors, 0);
    QCOMPARE(third.added, 1);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(TrackRepository(*m_db).count(), 2);

    // Gone, nothing is left of it.
    QVERIFY(QFile::remove(bad));
    QCOMPARE(scan().removed, 1);
    QCOMPARE(errors.count(), 0);
}

void TestScanner::symlinkLoopTerminates()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    if (!QFile::link(lib(u"a"_s), lib(u"a/b/loop"_s)) || !QFile::link(m_library->path(), lib(u"a/up"_s)))
        QSKIP("symbolic links are not available here");
    const ScanSummary summary = scan();
    QVERIFY(summary.filesSeen >= 1);
    QVERIFY(summary.filesSeen <= 3);   // each real directory entered once
    QCOMPARE(summary.errors, 0);
    QVERIFY(trackAt(*m_db, lib(u"a/b/1.mp3"_s)));
}

void TestScanner::hiddenAndNonMediaFilesAreSkipped()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/seen.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/.hidden.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u".cache/x/inside.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/tone.mp3.bak"_s)));
    QVERIFY(writeBytes(lib(u"a/b/notes.txt"_s), "hello"));
    const ScanSummary summary = scan();
    QCOMPARE(summary.filesSeen, 1);
    QCOMPARE(summary.errors, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 1);
}

void TestScanner::missingFolderKeepsItsTracks()
{
    QTemporaryDir other;
    const auto folder = FolderRepository(*m_db).add(other.path());
    QVERIFY(folder);
    QVERIFY(copy(fixture(u"tone.mp3"_s), other.filePath(u"a/b/1.mp3"_s)));
    QCOMPARE(scan().added, 1);
    QVERIFY(QDir(other.path()).removeRecursively());   // like an unplugged drive
    const ScanSummary summary = scan();
    QCOMPARE(summary.removed, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 1);
}

void TestScanner::nestedFoldersShareFilesOnce()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QVERIFY(copy(fixture(u"tone.ogg"_s), lib(u"a/b/2.ogg"_s)));
    QVERIFY(FolderRepository(*m_db).add(lib(u"a"_s)));   // inside the library folder
    const ScanSummary first = scan();
    QCOMPARE(first.filesSeen, 2);
    QCOMPARE(first.added, 2);
    const ScanSummary second = scan();
    QCOMPARE(second.unchanged, 2);
    QCOMPARE(second.added + second.updated + second.removed, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 2);
}

void TestScanner::filesOfManyBatchesAreStoredOnce()
{
    // More files than a few write batches hold (not a multiple of any batch size), every ninth
    // one broken, in folders of 25, so batch boundaries fall among good and broken files alike.
    constexpr int kFiles = 1111;
    QStringList good;
    QStringList broken;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = lib(u"album %1/%2.mp3"_s.arg(i / 25).arg(i));
        if (i % 9 == 4) {
            QVERIFY(writeBytes(path, "ID3 but not audio " + QByteArray::number(i)));
            broken << path;
        } else {
            QVERIFY(copy(fixture(u"plain.mp3"_s), path));
            good << path;
        }
    }
    const auto checkCatalog = [&] {
        const TrackPage page = TrackRepository(*m_db).list(0, 10 * kFiles);
        QStringList stored;
        for (const Track &t : page.items)
            stored << t.path;
        stored.sort();
        QStringList expected = good;
        expected.sort();
        QCOMPARE(page.total, qint64(good.size()));
        QCOMPARE(stored, expected);   // each good file once, no broken one
        QStringList errors;
        for (const ScanError &e : ScanErrorRepository(*m_db).list(10 * kFiles))
            errors << e.path;
        errors.sort();
        expected = broken;
        expected.sort();
        QCOMPARE(errors, expected);   // each broken file once
    };

    const ScanSummary first = scan();
    QCOMPARE(first.filesSeen, kFiles);
    QCOMPARE(first.added, good.size());
    QCOMPARE(first.errors, broken.size());
    checkCatalog();
    if (QTest::currentTestFailed())
        return;

    // Rewritten files across the boundaries are updated in place: good ones turned broken lose
    // their track, broken ones made good gain one, the rest are reread and stay once.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(120);
    int madeGood = 0;
    int reread = 0;   // good before and after
    for (int i = 200; i < 800; ++i) {
        const QString path = lib(u"album %1/%2.mp3"_s.arg(i / 25).arg(i));
        const bool wasBroken = broken.contains(path);
        if (wasBroken) {
            QVERIFY(copy(fixture(u"plain.mp3"_s), path));
            broken.removeOne(path);
            good << path;
            ++madeGood;
        } else if (i % 7 == 0) {
            QVERIFY(writeBytes(path, "broken now"));
            good.removeOne(path);
            broken << path;
        } else {
            ++reread;
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(later, QFileDevice::FileModificationTime));
    }
    const ScanSummary second = scan();
    QCOMPARE(second.filesSeen, kFiles);
    QCOMPARE(second.added, madeGood);
    QCOMPARE(second.updated, reread);
    QCOMPARE(second.errors, broken.size());
    QCOMPARE(second.unchanged, good.size() - madeGood - reread);
    checkCatalog();
}

void TestScanner::cancelledScanStoresNothingUnread()
{
    QVERIFY(copy(fixture(u"plain.mp3"_s), lib(u"old/gone.mp3"_s)));
    QCOMPARE(scan().added, 1);
    QVERIFY(QFile::remove(lib(u"old/gone.mp3"_s)));
    constexpr int kFiles = 300;
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(copy(fixture(u"plain.mp3"_s), lib(u"new/%1.mp3"_s.arg(i))));

    // Cancelled once the walk is done, before the pool has read a file: nothing unread is
    // stored, none of it taken for a broken file, and the vanished track stays (the walk of a
    // cancelled scan is not trusted for removals).
    bool cancelled = false;
    const auto connection = connect(m_scanner.get(), &LibraryScanner::progress, this,
                                    [&](const ScanProgress &p) {
                                        if (p.total > 0 && !cancelled) {
                                            cancelled = true;
                                            m_scanner->cancel();
                                        }
                                    });
    const ScanSummary stopped = scan();
    disconnect(connection);
    QVERIFY(cancelled);
    QCOMPARE(stopped.added + stopped.updated + stopped.errors + stopped.removed, 0);
    QCOMPARE(stopped.filesSeen, 0);
    QCOMPARE(ScanErrorRepository(*m_db).count(), 0);
    QCOMPARE(TrackRepository(*m_db).count(), 1);

    // The next scan does it all, once.
    const ScanSummary next = scan();
    QCOMPARE(next.added, kFiles);
    QCOMPARE(next.removed, 1);
    QCOMPARE(next.errors, 0);
    QCOMPARE(TrackRepository(*m_db).count(), kFiles);
}

void TestScanner::progressReportsSeenAndTotal()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(copy(fixture(u"tone.ogg"_s), lib(u"a/b/%1.ogg"_s.arg(i))));
    QSignalSpy started(m_scanner.get(), &LibraryScanner::scanStarted);
    QSignalSpy progress(m_scanner.get(), &LibraryScanner::progress);
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    scan();
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(progress.size() >= 2);
    int lastSeen = -1;
    for (const auto &args : std::as_const(progress)) {
        const auto p = args.at(0).value<ScanProgress>();
        if (p.total > 0) {
            QVERIFY(p.seen <= p.total);
            QVERIFY(p.seen >= lastSeen);
            lastSeen = p.seen;
        }
    }
    const auto last = progress.constLast().at(0).value<ScanProgress>();
    QCOMPARE(last.seen, 5);
    QCOMPARE(last.total, 5);
    QCOMPARE(finished.constFirst().at(0).value<ScanSummary>().filesSeen, 5);
}

void TestScanner::requestsDuringAScanCollapse()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/b/1.mp3"_s)));
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    m_scanner->scan();
    m_scanner->scan();
    m_scanner->scan();
    QVERIFY(finished.wait(60000));
    QCoreApplication::processEvents();   // a second queued scan would run (and finish) here
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_scanner->isScanning());
}

void TestScanner::scansOnItsOwnThread()
{
    QVERIFY(copy(fixture(u"tone.flac"_s), lib(u"a/b/1.flac"_s)));
    QThread thread;
    LibraryScanner *scanner = new LibraryScanner(*m_db);
    scanner->moveToThread(&thread);
    connect(&thread, &QThread::finished, scanner, &QObject::deleteLater);
    QSignalSpy finished(scanner, &LibraryScanner::scanFinished);
    QSignalSpy progress(scanner, &LibraryScanner::progress);
    thread.start();
    scanner->requestScan();
    // Scanning from the request on, before the scanner's thread has even begun: a client asking
    // for the status right after asking for a scan must not read "idle".
    QVERIFY(scanner->isScanning());
    // The scan may end before wait() starts (it runs on the other thread): poll the count.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QTRY_VERIFY(!scanner->isScanning());
    QCOMPARE(finished.constFirst().at(0).value<ScanSummary>().added, 1);
    QVERIFY(!progress.isEmpty());
    thread.quit();
    QVERIFY(thread.wait(30000));
    QCOMPARE(TrackRepository(*m_db).count(), 1);   // read from this thread's own connection
}

// What requests write while a big scan runs (here a folder added and removed, as POST and
// DELETE /api/folders do) is done between two of its batches, not after the whole scan.
void TestScanner::othersWriteWhileItScans()
{
    constexpr int kFiles = 6000;
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(copy(fixture(u"plain.mp3"_s), lib(u"album %1/%2.mp3"_s.arg(i / 100).arg(i))));
    QThread thread;
    LibraryScanner *scanner = new LibraryScanner(*m_db);
    scanner->moveToThread(&thread);
    connect(&thread, &QThread::finished, scanner, &QObject::deleteLater);
    thread.start();
    const auto stopThread = qScopeGuard([&thread] {
        thread.quit();
        thread.wait(120000);
    });
    scanner->requestScan();

    TrackRepository tracks(*m_db);
    FolderRepository folders(*m_db);
    int writesDuringScan = 0;
    qint64 slowest = 0;
    QElapsedTimer scanning;
    scanning.start();
    while (scanner->isScanning() && scanning.elapsed() < 120000) {
        const qint64 before = tracks.count();
        QElapsedTimer took;
        took.start();
        const std::optional<Folder> added = folders.add(u"/elsewhere/%1"_s.arg(writesDuringScan));
        QVERIFY(added);
        QVERIFY(folders.remove(added->id));
        const qint64 ms = took.elapsed();
        const qint64 after = tracks.count();
        if (before > 0 && after < kFiles) {
            ++writesDuringScan;
            slowest = std::max(slowest, ms);
        }
        QThread::msleep(5);
    }
    qInfo("%d writes during the scan, the slowest took %lld ms", writesDuringScan, slowest);
    QVERIFY2(writesDuringScan >= 3, "the writes waited for the end of the scan");
    QVERIFY2(slowest < 2000, qPrintable(u"a write waited %1 ms"_s.arg(slowest)));
    QTRY_COMPARE_WITH_TIMEOUT(tracks.count(), qint64(kFiles), 60000);
}

// Several Cairn nodes on one PostgreSQL catalog: while one scans (here a second Database on the
// same catalog, another connection as another node's would be), a scan elsewhere does nothing and
// a watcher's directory scan says it did not run; once that node is done, scans run again.
void TestScanner::oneNodeScansAtATime()
{
    QVERIFY(copy(fixture(u"tone.mp3"_s), lib(u"a/1.mp3"_s)));
    Database otherNode(m_db->location());
    QVERIFY(!otherNode.open());
    {
        const CatalogScanLock scanning(otherNode);
        QVERIFY(scanning.held());
        if (!m_db->isPostgres()) {
            // One process per SQLite file: its scanner's own guard is the only one needed.
            QVERIFY(CatalogScanLock(*m_db).held());
            QSKIP("an SQLite catalog has a single node");
        }
        QVERIFY(!CatalogScanLock(*m_db).held());
        QCOMPARE(scan().added, 0);
        QVERIFY(!m_scanner->scanDirectoriesNow({lib(u"a"_s)}, 0).ran);
        QVERIFY(!m_scanner->isScanning());
        QCOMPARE(TrackRepository(*m_db).count(), 0);
    }
    QCOMPARE(scan().added, 1);
    QCOMPARE(TrackRepository(otherNode).count(), 1);   // the other node sees it at once
    // The lock was given back: the other node may scan now.
    QVERIFY(CatalogScanLock(otherNode).held());
}

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
