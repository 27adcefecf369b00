// LibraryWatcher with the portable watch (QFileSystemWatcher: what Windows and macOS use), run
// here on Linux, in process, on the scanner's thread as the runtime runs it: files copied in,
// put in new subdirectories, renamed and deleted reach the catalog without a rescan.

#include "MediaFixtures.h"
#include "TestCatalog.h"

#include "catalog/TrackRepository.h"
#include "scan/LibraryScanner.h"
#include "scan/LibraryWatcher.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

constexpr int kDeadlineMs = 5000 * CAIRN_TEST_TIME_FACTOR;

} // namespace

class TestPortableWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void copiedRenamedAndDeletedFilesFollow();
    void aFolderOverTheLimitIsNotWatched();

private:
    QStringList catalogued() const
    {
        QStringList paths;
        for (const Track &t : TrackRepository(m_catalog->database()).list(0, 1000).items)
            paths << t.path;
        paths.sort();
        return paths;
    }
    void startWatching(const WatchSettings &settings);

    QTemporaryDir m_fixtures;
    QString m_song;
    std::unique_ptr<test::TestCatalog> m_catalog;
    QThread m_thread;
    LibraryScanner *m_scanner = nullptr;
    LibraryWatcher *m_watcher = nullptr;
};

void TestPortableWatch::initTestCase()
{
    m_song = m_fixtures.filePath(u"song.mp3"_s);
    QCOMPARE(test::makeAudio(m_song, 1, {{u"title"_s, u"Song"_s}}), QString());
}

void TestPortableWatch::init()
{
    m_catalog = std::make_unique<test::TestCatalog>();
    QCOMPARE(m_catalog->open(), QString());
}

void TestPortableWatch::startWatching(const WatchSettings &settings)
{
    m_scanner = new LibraryScanner(m_catalog->database());
    m_watcher = new LibraryWatcher(m_catalog->database(), *m_scanner, settings, m_scanner);
    m_scanner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_scanner, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_watcher, &LibraryWatcher::syncFolders, Qt::BlockingQueuedConnection);
}

void TestPortableWatch::cleanup()
{
    if (m_thread.isRunning()) {
        m_scanner->cancel();
        m_thread.quit();
        m_thread.wait();
    }
    m_catalog.reset();
}

void TestPortableWatch::copiedRenamedAndDeletedFilesFollow()
{
    WatchSettings settings;
    settings.portable = true;
    startWatching(settings);
    const QString library = m_catalog->libraryDir();

    QVERIFY(QFile::copy(m_song, library + u"/one.mp3"_s));
    QTRY_COMPARE_WITH_TIMEOUT(catalogued(), QStringList{library + u"/one.mp3"_s}, kDeadlineMs);

    QVERIFY(QDir().mkpath(library + u"/Artist/Album"_s));
    QVERIFY(QFile::copy(m_song, library + u"/Artist/Album/two.mp3"_s));
    QTRY_COMPARE_WITH_TIMEOUT(catalogued().size(), 2, kDeadlineMs);
    QVERIFY(QFile::copy(m_song, library + u"/Artist/Album/three.mp3"_s));   // the new directory is watched
    QTRY_COMPARE_WITH_TIMEOUT(catalogued().size(), 3, kDeadlineMs);

    QVERIFY(QFile::rename(library + u"/Artist/Album/two.mp3"_s, library + u"/Artist/Album/renamed.mp3"_s));
    QTRY_COMPARE_WITH_TIMEOUT(catalogued(),
                              (QStringList{library + u"/Artist/Album/renamed.mp3"_s, library + u"/Artist/Album/three.mp3"_s,
                                           library + u"/one.mp3"_s}),
                              kDeadlineMs);

    QVERIFY(QDir(library + u"/Artist"_s).removeRecursively());
    QTRY_COMPARE_WITH_TIMEOUT(catalogued(), QStringList{library + u"/one.mp3"_s}, kDeadlineMs);
}

void TestPortableWatch::aFolderOverTheLimitIsNotWatched()
{
    WatchSettings settings;
    settings.portable = true;
    settings.maxDirectories = 1;
    settings.periodicMs = 0;
    QVERIFY(QDir().mkpath(m_catalog->libraryPath(u"sub"_s)));
    startWatching(settings);
    QVERIFY(QFile::copy(m_song, m_catalog->libraryPath(u"one.mp3"_s)));
    QTest::qWait(kDeadlineMs);
    QCOMPARE(catalogued(), QStringList());
}

QTEST_GUILESS_MAIN(TestPortableWatch)
#include "tst_portable_watch.moc"
