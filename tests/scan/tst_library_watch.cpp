// The real `cairn --headless` watching its library folders: files copied in, changed, deleted,
// in new subdirectories, in a folder added through the API, and one written slowly appear in
// /api/tracks without a rescan; a folder over the watch limit falls back to periodic rescans
// with a log line; with scan/watch off nothing appears until a rescan.

#include "HeadlessCairn.h"
#include "MediaFixtures.h"
#include "base/NativeCalls.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

// Changes must show within 5 s of the file being complete (slower under the sanitizers).
constexpr int kDeadlineMs = 5000 * CAIRN_TEST_TIME_FACTOR;

// One Cairn on a fresh data dir with one library folder, `settings` written to its cairn.ini.
class WatchedLibrary
{
public:
    explicit WatchedLibrary(const QVariantMap &settings = {})
    {
        QDir().mkpath(library());
        QDir().mkpath(dataDir());
        QDir().mkpath(staging());
        QSettings ini(QDir(dataDir()).filePath(u"cairn.ini"_s), QSettings::IniFormat);
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            ini.setValue(it.key(), it.value());
        ini.sync();
        cairn = std::make_unique<HeadlessCairn>(dataDir(), QStringList{library()});
    }

    QString library() const { return m_dir.filePath(u"Music"_s); }
    QString dataDir() const { return m_dir.filePath(u"data"_s); }
    QString staging() const { return m_dir.filePath(u"staging"_s); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A ~1 s mp3 made outside the library (so its writing is not watched), with this title.
    QString make(const QString &title, double seconds = 1)
    {
        const QString file = QDir(staging()).filePath(title + u".mp3"_s);
        const QString error = makeAudio(file, seconds, {{u"title"_s, title}});
        return error.isEmpty() ? file : QString();
    }

    // Titles in the catalog with their tracks, as the API lists them.
    QMap<QString, QJsonObject> tracks()
    {
        const TestHttpResponse r = cairn->call("GET", "/api/tracks?limit=500");
        QMap<QString, QJsonObject> byTitle;
        const QJsonArray items = QJsonDocument::fromJson(r.body).object().value(u"items"_s).toArray();
        for (const QJsonValue &item : items)
            byTitle.insert(item[u"title"_s].toString(), item.toObject());
        return byTitle;
    }
    bool has(const QString &title) { return tracks().contains(title); }

    std::unique_ptr<HeadlessCairn> cairn;

private:
    QTemporaryDir m_dir;
};

bool copy(const QString &from, const QString &to)
{
    return QDir().mkpath(QFileInfo(to).path()) && QFile::copy(from, to);
}

} // namespace

class TestLibraryWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiedFileAppears();
    void newSubdirectoriesAreWatched();
    void changedFileIsReread();
    void deletedFilesLeave();
    void folderAddedThroughTheApiIsWatched();
    void fileBeingWrittenIsNotReadHalfWritten();
    void aLongDownloadDoesNotHoldBackOtherChanges();
    void overTheWatchLimitFallsBackToPeriodicRescans();
    void overTheWatchLimitWithoutPeriodicRescansWaitsForARescan();
    void watchingOffWaitsForARescan();
};

void TestLibraryWatch::copiedFileAppears()
{
    WatchedLibrary lib;
    const QString song = lib.make(u"Copied"_s);
    QVERIFY(!song.isEmpty());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);

    QElapsedTimer copied;
    copied.start();
    QVERIFY(copy(song, QDir(lib.library()).filePath(u"Copied.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Copied"_s), kDeadlineMs);
    qInfo("appeared %lld ms after the copy began", copied.elapsed());
    QCOMPARE(lib.tracks().value(u"Copied"_s).value(u"size"_s).toInteger(), QFileInfo(song).size());
    // Hidden files (an upload's or rsync's temporary) and non-media files are not catalogued.
    QVERIFY(copy(song, QDir(lib.library()).filePath(u".hidden.mp3"_s)));
    QVERIFY(copy(song, QDir(lib.library()).filePath(u"notes.txt"_s)));
    QTest::qWait(4000);
    QCOMPARE(lib.tracks().size(), 1);
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::newSubdirectoriesAreWatched()
{
    WatchedLibrary lib;
    const QString song = lib.make(u"Deep"_s);
    const QString other = lib.make(u"Later"_s);
    QVERIFY(!song.isEmpty() && !other.isEmpty());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);

    // A whole tree at once: its inner directories exist before a watch can be put on them.
    QVERIFY(copy(song, QDir(lib.library()).filePath(u"Artist/Album/CD1/Deep.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Deep"_s), kDeadlineMs);
    // The new directories are watched now: a file put there later appears too.
    QVERIFY(copy(other, QDir(lib.library()).filePath(u"Artist/Album/CD1/Later.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Later"_s), kDeadlineMs);
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::changedFileIsReread()
{
#if !CAIRN_HAS_IN_PLACE_WRITE_EVENTS
    QSKIP("this platform's watch (kqueue, QFileSystemWatcher) does not report a file rewritten in place");
#endif
    WatchedLibrary lib;
    const QString target = QDir(lib.library()).filePath(u"Album/track.mp3"_s);
    QVERIFY(QDir().mkpath(QFileInfo(target).path()));
    QCOMPARE(makeAudio(target, 1, {{u"title"_s, u"Before"_s}}), QString());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(1), 1);
    QVERIFY(lib.has(u"Before"_s));

    // Retagged in place (written over, not replaced by a rename), longer, with a new mtime.
    QTest::qWait(1100);
    QCOMPARE(makeAudio(target, 2, {{u"title"_s, u"After"_s}}), QString());
    QElapsedTimer written;
    written.start();
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"After"_s), kDeadlineMs);
    qInfo("reread %lld ms after ffmpeg ended", written.elapsed());
    const QMap<QString, QJsonObject> tracks = lib.tracks();
    QCOMPARE(tracks.size(), 1);
    QVERIFY(!tracks.contains(u"Before"_s));
    QVERIFY(tracks.value(u"After"_s).value(u"duration"_s).toDouble() > 1.5);
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::deletedFilesLeave()
{
    WatchedLibrary lib;
    QVERIFY(QDir().mkpath(QDir(lib.library()).filePath(u"A/B"_s)));
    QCOMPARE(makeAudio(QDir(lib.library()).filePath(u"one.mp3"_s), 1, {{u"title"_s, u"One"_s}}), QString());
    QCOMPARE(makeAudio(QDir(lib.library()).filePath(u"A/B/two.mp3"_s), 1, {{u"title"_s, u"Two"_s}}), QString());
    QCOMPARE(makeAudio(QDir(lib.library()).filePath(u"A/three.mp3"_s), 1, {{u"title"_s, u"Three"_s}}), QString());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(3), 3);

    QVERIFY(QFile::remove(QDir(lib.library()).filePath(u"one.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!lib.has(u"One"_s), kDeadlineMs);
    QCOMPARE(lib.tracks().size(), 2);
    // A directory removed with what it holds.
    QVERIFY(QDir(QDir(lib.library()).filePath(u"A/B"_s)).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(!lib.has(u"Two"_s), kDeadlineMs);
    QCOMPARE(lib.tracks().keys(), QStringList{u"Three"_s});
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::folderAddedThroughTheApiIsWatched()
{
    WatchedLibrary lib;
    const QString song = lib.make(u"Elsewhere"_s);
    QVERIFY(!song.isEmpty());
    const QString second = lib.path(u"Second"_s);
    QVERIFY(QDir().mkpath(second));
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);

    const TestHttpResponse added = lib.cairn->call("POST", "/api/folders",
                                                   QJsonDocument(QJsonObject{{u"path"_s, second}}).toJson());
    QCOMPARE(added.status, 201);
    // At once, while the folder's first scan may be running: before its walk, the scan finds
    // the file; after it, but before the watch is on, the watcher's look once watching does.
    QVERIFY(copy(song, QDir(second).filePath(u"Elsewhere.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Elsewhere"_s), kDeadlineMs);
    const QString later = lib.make(u"Later"_s);
    QVERIFY(!later.isEmpty());
    QVERIFY(copy(later, QDir(second).filePath(u"sub/Later.mp3"_s)));   // and watched from then on
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Later"_s), kDeadlineMs);
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::fileBeingWrittenIsNotReadHalfWritten()
{
    WatchedLibrary lib;
    const QString song = lib.make(u"Slow"_s, 3);
    QVERIFY(!song.isEmpty());
    QFile source(song);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    QVERIFY(bytes.size() > 4000);
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);

    // Written in four pieces over ~3 s, as a slow copy would; the catalog is watched meanwhile.
    QFile target(QDir(lib.library()).filePath(u"Slow.mp3"_s));
    QVERIFY(target.open(QIODevice::WriteOnly));
    const qsizetype piece = bytes.size() / 4 + 1;
    for (qsizetype offset = 0; offset < bytes.size(); offset += piece) {
        QCOMPARE(target.write(bytes.mid(offset, piece)), qMin(piece, bytes.size() - offset));
        QVERIFY(target.flush());
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < 1000) {
            const QMap<QString, QJsonObject> tracks = lib.tracks();
            QVERIFY2(tracks.isEmpty(), "a file still being written was catalogued");
            QThread::msleep(100);
        }
    }
    target.close();
    QElapsedTimer complete;
    complete.start();
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Slow"_s), kDeadlineMs);
    const QJsonObject track = lib.tracks().value(u"Slow"_s);
    QCOMPARE(track.value(u"size"_s).toInteger(), bytes.size());
    QVERIFY2(track.value(u"duration"_s).toDouble() > 2.9, qPrintable(QString::number(track.value(u"duration"_s).toDouble())));
    qInfo("appeared %lld ms after it was complete", complete.elapsed());
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::aLongDownloadDoesNotHoldBackOtherChanges()
{
    WatchedLibrary lib;
    const QString song = lib.make(u"Meanwhile"_s);
    QVERIFY(!song.isEmpty());
    QVERIFY(QDir().mkpath(QDir(lib.library()).filePath(u"Downloads"_s)));
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);

    // A download growing every 100 ms: its events never pause for a quiet second.
    QFile download(QDir(lib.library()).filePath(u"Downloads/album.zip.part"_s));
    QVERIFY(download.open(QIODevice::WriteOnly));
    QTimer writer;
    connect(&writer, &QTimer::timeout, this, [&download] {
        download.write(QByteArray(1024, 'x'));
        download.flush();
    });
    writer.start(100);
    QTest::qWait(1500);
    QElapsedTimer copied;
    copied.start();
    QVERIFY(copy(song, QDir(lib.library()).filePath(u"Album/Meanwhile.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Meanwhile"_s), kDeadlineMs);
    qInfo("appeared %lld ms after the copy began, a download going on", copied.elapsed());
    QVERIFY(writer.isActive());
    writer.stop();
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::overTheWatchLimitFallsBackToPeriodicRescans()
{
    WatchedLibrary lib({{u"scan/maxWatchedDirectories"_s, 2}, {u"scan/periodicMinutes"_s, 0.05}});
    for (const QString &dir : {u"a"_s, u"b"_s})
        QVERIFY(QDir().mkpath(QDir(lib.library()).filePath(dir)));   // three directories with the folder itself
    const QString song = lib.make(u"Polled"_s);
    QVERIFY(!song.isEmpty());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);
    QTRY_VERIFY_WITH_TIMEOUT(lib.cairn->output().contains(u"is not watched"_s), 5000);
    const QString output = lib.cairn->output();
    QVERIFY2(output.contains(u"cairn.scan"_s) && output.contains(u"scan/maxWatchedDirectories"_s)
                 && output.contains(u"rescanned every 0.05 minutes"_s),
             qPrintable(output));
    QCOMPARE(output.count(u"is not watched"_s), 1);

    // Picked up by the next periodic rescan (every 3 s here), not by a watch.
    QVERIFY(copy(song, QDir(lib.library()).filePath(u"b/Polled.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(lib.has(u"Polled"_s), 3000 + kDeadlineMs);
    QVERIFY(QFile::remove(QDir(lib.library()).filePath(u"b/Polled.mp3"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!lib.has(u"Polled"_s), 3000 + kDeadlineMs);
    QCOMPARE(lib.cairn->output().count(u"is not watched"_s), 1);   // said once, not at every rescan
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::overTheWatchLimitWithoutPeriodicRescansWaitsForARescan()
{
    WatchedLibrary lib({{u"scan/maxWatchedDirectories"_s, 2}, {u"scan/periodicMinutes"_s, 0}});
    for (const QString &dir : {u"a"_s, u"b"_s})
        QVERIFY(QDir().mkpath(QDir(lib.library()).filePath(dir)));
    const QString song = lib.make(u"Unseen"_s);
    QVERIFY(!song.isEmpty());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);
    QTRY_VERIFY_WITH_TIMEOUT(lib.cairn->output().contains(u"is not watched"_s), 5000);

    QVERIFY(copy(song, QDir(lib.library()).filePath(u"Unseen.mp3"_s)));
    QTest::qWait(kDeadlineMs + 1000);
    QVERIFY(!lib.has(u"Unseen"_s));
    QCOMPARE(lib.cairn->call("POST", "/api/scan").status, 202);
    QCOMPARE(lib.cairn->waitForTracks(1), 1);
    QVERIFY(lib.cairn->stop());
}

void TestLibraryWatch::watchingOffWaitsForARescan()
{
    WatchedLibrary lib({{u"scan/watch"_s, false}});
    const QString song = lib.make(u"Manual"_s);
    QVERIFY(!song.isEmpty());
    QCOMPARE(lib.cairn->start(), QString());
    QCOMPARE(lib.cairn->waitForTracks(0), 0);
    QVERIFY(lib.cairn->output().contains(u"scan/watch is false"_s));

    QVERIFY(copy(song, QDir(lib.library()).filePath(u"Manual.mp3"_s)));
    QTest::qWait(kDeadlineMs + 1000);
    QVERIFY(!lib.has(u"Manual"_s));
    QCOMPARE(lib.cairn->call("POST", "/api/scan").status, 202);
    QCOMPARE(lib.cairn->waitForTracks(1), 1);
    QVERIFY(lib.has(u"Manual"_s));
    QVERIFY(lib.cairn->stop());
}

QTEST_GUILESS_MAIN(TestLibraryWatch)
#include "tst_library_watch.moc"
