// LibraryScanner::scanDirectoriesNow, the watcher's scan: only the directories asked for (and
// what is below them) change in the catalog, a deleted directory is noticed through its parent,
// directories outside the library are ignored, and files written too recently wait.

#include "TestCatalog.h"

#include "MediaFixtures.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "scan/LibraryScanner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

QStringList cataloguedPaths(const Database &db)
{
    QStringList paths;
    for (const Track &t : TrackRepository(db).list(0, 10000).items)
        paths << t.path;
    paths.sort();
    return paths;
}

// Copies with an mtime a minute old: settled, as far as the scanner can tell.
bool copyOld(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    if (!QFile::copy(from, to))
        return false;
    QFile file(to);
    return file.open(QIODevice::ReadWrite)
           && file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime);
}

} // namespace

class TestDirectoryScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void onlyTheDirectoriesAskedForChange();
    void aSiblingWithTheSamePrefixIsNotInside();
    void aDeletedDirectoryIsScannedThroughItsParent();
    void directoriesOutsideTheLibraryAreIgnored();
    void freshlyWrittenFilesWait();
    void aScanAlreadyRunningIsReported();

private:
    QString lib(const QString &relative) const { return m_library->filePath(relative); }
    DirectoryScanOutcome scan(const QStringList &dirs, int settleMs = 2000)
    {
        return m_scanner->scanDirectoriesNow(dirs, settleMs);
    }

    QTemporaryDir m_fixtures;
    QString m_song;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_dbDir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LibraryScanner> m_scanner;
};

void TestDirectoryScan::initTestCase()
{
    m_song = m_fixtures.filePath(u"song.mp3"_s);
    QCOMPARE(test::makeAudio(m_song, 1, {{u"title"_s, u"Song"_s}}), QString());
}

void TestDirectoryScan::init()
{
    m_library = std::make_unique<QTemporaryDir>();
    m_dbDir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(test::catalogUnderTest(m_dbDir->filePath(u"catalog.sqlite"_s)));
    QVERIFY(!m_db->open());
    QVERIFY(FolderRepository(*m_db).add(m_library->path()));
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
}

void TestDirectoryScan::cleanup()
{
    m_scanner.reset();
    m_db.reset();
    m_dbDir.reset();
    m_library.reset();
}

void TestDirectoryScan::onlyTheDirectoriesAskedForChange()
{
    QVERIFY(copyOld(m_song, lib(u"A/one.mp3"_s)));
    QVERIFY(copyOld(m_song, lib(u"B/two.mp3"_s)));
    QCOMPARE(m_scanner->scanNow().added, 2);

    QVERIFY(QFile::remove(lib(u"B/two.mp3"_s)));
    QVERIFY(copyOld(m_song, lib(u"A/sub/three.mp3"_s)));
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    DirectoryScanOutcome outcome = scan({lib(u"A"_s)});
    QVERIFY(outcome.ran);
    QCOMPARE(outcome.summary.added, 1);      // below A, in a new subdirectory
    QCOMPARE(outcome.summary.unchanged, 1);  // A/one.mp3 is not read again
    QCOMPARE(outcome.summary.removed, 0);    // B was not asked for
    QCOMPARE(finished.size(), 1);            // listeners (DLNA, the GUI) hear of it as of any scan
    QCOMPARE(cataloguedPaths(*m_db), (QStringList{lib(u"A/one.mp3"_s), lib(u"A/sub/three.mp3"_s), lib(u"B/two.mp3"_s)}));

    outcome = scan({lib(u"B"_s)});
    QCOMPARE(outcome.summary.removed, 1);
    QCOMPARE(cataloguedPaths(*m_db), (QStringList{lib(u"A/one.mp3"_s), lib(u"A/sub/three.mp3"_s)}));
}

void TestDirectoryScan::aSiblingWithTheSamePrefixIsNotInside()
{
    QVERIFY(copyOld(m_song, lib(u"A/one.mp3"_s)));
    QVERIFY(copyOld(m_song, lib(u"AB/two.mp3"_s)));
    QCOMPARE(m_scanner->scanNow().added, 2);
    QVERIFY(QFile::remove(lib(u"AB/two.mp3"_s)));
    // "AB" starts with "A" but is not below it: its vanished file stays until AB is scanned.
    QCOMPARE(scan({lib(u"A"_s)}).summary.removed, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 2);
    // The same directory named twice, and with a trailing slash, is scanned once.
    const DirectoryScanOutcome outcome = scan({lib(u"AB"_s), lib(u"AB/"_s), lib(u"AB/."_s)});
    QCOMPARE(outcome.summary.removed, 1);
    QCOMPARE(cataloguedPaths(*m_db), QStringList{lib(u"A/one.mp3"_s)});
}

void TestDirectoryScan::aDeletedDirectoryIsScannedThroughItsParent()
{
    QVERIFY(copyOld(m_song, lib(u"Artist/Album/one.mp3"_s)));
    QVERIFY(copyOld(m_song, lib(u"Artist/Album/CD2/two.mp3"_s)));
    QVERIFY(copyOld(m_song, lib(u"Other/three.mp3"_s)));
    QCOMPARE(m_scanner->scanNow().added, 3);
    QVERIFY(QDir(lib(u"Artist"_s)).removeRecursively());
    // The watcher only knows the deepest directory that went.
    const DirectoryScanOutcome outcome = scan({lib(u"Artist/Album/CD2"_s)});
    QCOMPARE(outcome.summary.removed, 2);
    QCOMPARE(cataloguedPaths(*m_db), QStringList{lib(u"Other/three.mp3"_s)});
}

void TestDirectoryScan::directoriesOutsideTheLibraryAreIgnored()
{
    QTemporaryDir elsewhere;
    QVERIFY(copyOld(m_song, elsewhere.filePath(u"stray.mp3"_s)));
    const DirectoryScanOutcome outcome = scan({elsewhere.path(), u"relative/dir"_s, QString()});
    QVERIFY(outcome.ran);
    QCOMPARE(outcome.summary.added, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 0);
    // A library folder that is missing (an unplugged drive) keeps its tracks.
    QVERIFY(copyOld(m_song, lib(u"kept.mp3"_s)));
    QCOMPARE(m_scanner->scanNow().added, 1);
    QTemporaryDir other;
    const QString gone = other.filePath(u"drive"_s);
    QVERIFY(copyOld(m_song, gone + u"/x.mp3"_s));
    QVERIFY(FolderRepository(*m_db).add(gone));
    QCOMPARE(m_scanner->scanNow().added, 1);
    QVERIFY(QDir(gone).removeRecursively());
    QCOMPARE(scan({gone, gone + u"/sub"_s}).summary.removed, 0);
    QCOMPARE(TrackRepository(*m_db).count(), 2);
}

void TestDirectoryScan::freshlyWrittenFilesWait()
{
    QVERIFY(QDir().mkpath(lib(u"New"_s)));
    QVERIFY(QFile::copy(m_song, lib(u"New/fresh.mp3"_s)));   // mtime: now
    QVERIFY(copyOld(m_song, lib(u"New/old.mp3"_s)));
    DirectoryScanOutcome outcome = scan({lib(u"New"_s)});
    QCOMPARE(outcome.summary.added, 1);
    QCOMPARE(outcome.unsettled, QStringList{lib(u"New"_s)});
    QCOMPARE(cataloguedPaths(*m_db), QStringList{lib(u"New/old.mp3"_s)});

    // A catalogued file being rewritten keeps its entry (not removed, not read half-written).
    QFile old(lib(u"New/old.mp3"_s));
    QVERIFY(old.open(QIODevice::ReadWrite));
    QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime));
    old.close();
    outcome = scan({lib(u"New"_s)});
    QCOMPARE(outcome.summary.added + outcome.summary.updated + outcome.summary.removed, 0);
    QCOMPARE(cataloguedPaths(*m_db), QStringList{lib(u"New/old.mp3"_s)});

    // Once settled both are read.
    for (const QString &name : {u"New/fresh.mp3"_s, u"New/old.mp3"_s}) {
        QFile file(lib(name));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-10), QFileDevice::FileModificationTime));
    }
    outcome = scan({lib(u"New"_s)});
    QCOMPARE(outcome.summary.added, 1);
    QCOMPARE(outcome.summary.updated, 1);
    QVERIFY(outcome.unsettled.isEmpty());
    // The full scan does not wait: an upload or a rescan asked for reads what is there.
    QVERIFY(QFile::copy(m_song, lib(u"New/now.mp3"_s)));
    QCOMPARE(m_scanner->scanNow().added, 1);
}

void TestDirectoryScan::aScanAlreadyRunningIsReported()
{
    for (int i = 0; i < 40; ++i)
        QVERIFY(copyOld(m_song, lib(u"many/%1.mp3"_s.arg(i))));
    bool ranInside = true;
    // Asked while a scan is running (the first progress report comes from inside it).
    connect(m_scanner.get(), &LibraryScanner::progress, this, [&] {
        if (ranInside)
            ranInside = scan({lib(u"many"_s)}).ran;
    }, Qt::DirectConnection);
    QCOMPARE(m_scanner->scanNow().added, 40);
    QVERIFY(!ranInside);
    QVERIFY(scan({lib(u"many"_s)}).ran);
}

QTEST_GUILESS_MAIN(TestDirectoryScan)
#include "tst_directory_scan.moc"
