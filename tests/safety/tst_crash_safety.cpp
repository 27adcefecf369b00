// The real `cairn --headless` killed with SIGKILL (no handler runs, nothing is flushed) in the
// middle of its writes — a scan, user edits, a transcode being cached — and started again on
// the same data dir: the catalog is sound, what was acknowledged is there, no FFmpeg outlives
// it and no half-written cache entry is ever served. And a damaged catalog is refused.

#include "HeadlessCairn.h"
#include "MediaFixtures.h"
#include "base/NativeCalls.h"

#include <QDir>
#include <QElapsedTimer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedDuringScan();
    void killedDuringUserEdits();
    void killedDuringTranscodeCacheWrite();
    void refusesDamagedCatalog();
};

namespace {

QJsonObject json(const TestHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A client that sends a request, reads the first `readFirst` bytes of the answer and then
// nothing more, through a small receive buffer: TCP backpressure stops the server's writer at
// once. (A QTcpSocket keeps reading into the kernel's growing buffer while an event loop runs.)
class StalledReader
{
public:
    StalledReader(quint16 port, const QByteArray &request, qsizetype readFirst = 64 * 1024)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 16 * 1024;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return;
        if (::send(m_fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size())
            return;
        char buffer[16384];
        while (m_received.size() < readFirst) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            m_received.append(buffer, n);
        }
    }
    ~StalledReader() { ::close(m_fd); }
    StalledReader(const StalledReader &) = delete;
    StalledReader &operator=(const StalledReader &) = delete;
    const QByteArray &received() const { return m_received; }

private:
    int m_fd = -1;
    QByteArray m_received;
};

double durationOf(const QString &media)
{
    return runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s, u"format=duration"_s, u"-of"_s,
                                     u"csv=p=0"_s, media})
        .trimmed()
        .toDouble();
}

QStringList partFiles(const QString &dir)
{
    return QDir(dir).entryList({u"*.part"_s}, QDir::Files);
}

} // namespace

void TestCrashSafety::killedDuringScan()
{
    QTemporaryDir dir;
    // Many small real files, so the scan takes long enough to be caught in the middle. They go
    // into the library only once Cairn serves, so its scan starts when the test starts polling.
    constexpr int kFiles = 12000;   // a few seconds of scanning even on a fast machine
    const QString library = dir.filePath(u"Music"_s);
    const QString staging = dir.filePath(u"staging"_s);
    QVERIFY(QDir().mkpath(library));
    const QString model = dir.filePath(u"model.mp3"_s);
    QCOMPARE(makeAudio(model, 0.3, {{u"title"_s, u"Tone"_s}, {u"artist"_s, u"Generator"_s}}), QString());
    QStringList albums;
    for (int i = 0; i < kFiles; ++i) {
        if (i % 100 == 0) {
            albums << u"album %1"_s.arg(i / 100);
            QVERIFY(QDir().mkpath(QDir(staging).filePath(albums.constLast())));
        }
        QVERIFY(QFile::copy(model, QDir(staging).filePath(albums.constLast() + u"/track %1.mp3"_s.arg(i))));
    }

    // Not watched: the albums moved in below would be catalogued by the watcher's small scans
    // before the full scan the test kills.
    QVERIFY(QDir().mkpath(dir.filePath(u"data"_s)));
    QSettings(dir.filePath(u"data/cairn.ini"_s), QSettings::IniFormat).setValue(u"scan/watch"_s, false);
    HeadlessCairn cairn(dir.filePath(u"data"_s), {library});
    QCOMPARE(cairn.start(), QString());
    QCOMPARE(cairn.waitForTracks(0), 0);
    for (const QString &album : std::as_const(albums))
        QVERIFY(QDir().rename(QDir(staging).filePath(album), QDir(library).filePath(album)));
    QCOMPARE(cairn.call("POST", "/api/scan").status, 202);
    int tracksAtKill = -1;
    int tracksSeen = 0;
    QElapsedTimer polled;
    polled.start();
    // Until it is caught, or the scan is over (then the test fails at once, saying so).
    while (tracksAtKill < 0 && tracksSeen < kFiles && polled.elapsed() < 120000) {
        const QJsonObject scan = json(cairn.call("GET", "/api/scan"));
        tracksSeen = scan.value(u"tracks"_s).toInt();
        // Some tracks but not all: the scan is under way (nothing else adds tracks here).
        if (tracksSeen > 0 && tracksSeen < kFiles)
            tracksAtKill = tracksSeen;
        else
            QThread::msleep(5);
    }
    cairn.kill();
    qInfo("killed with %d of %d tracks in the catalog", tracksAtKill, kFiles);
    QVERIFY2(tracksAtKill > 0 && tracksAtKill < kFiles, "the scan was not caught in the middle");
    // Nothing already committed is lost: every track the server showed is in the file (it may
    // have committed more batches between the last poll and the kill, never all of them).
    const qint64 tracksAfterKill = rowsIn(cairn.catalogPath(), u"tracks"_s);
    qInfo("%lld tracks in the catalog file after the kill", tracksAfterKill);
    QVERIFY(tracksAfterKill >= tracksAtKill);
    QVERIFY(tracksAfterKill < kFiles);

    QCOMPARE(cairn.start(), QString());   // its own check of the catalog passed
    QCOMPARE(integrityCheck(cairn.catalogPath()), QStringList{u"ok"_s});
    // The scan it starts anew finishes the job: every file once, none taken for a broken one.
    QCOMPARE(cairn.waitForTracks(kFiles), kFiles);
    QCOMPARE(json(cairn.call("GET", "/api/tracks?limit=1")).value(u"total"_s).toInt(), kFiles);
    QCOMPARE(json(cairn.call("GET", "/api/scan/errors")).value(u"total"_s).toInt(-1), 0);
    QVERIFY(cairn.stop());
}

void TestCrashSafety::killedDuringUserEdits()
{
    QTemporaryDir dir;
    HeadlessCairn cairn(dir.filePath(u"data"_s), {dir.filePath(u"Music"_s)});
    QVERIFY(QDir().mkpath(dir.filePath(u"Music"_s)));
    QCOMPARE(cairn.start(), QString());

    // The kill comes from another thread at a random moment after a few acknowledged edits, so
    // it lands while a request is on its way, in the server or in its transaction.
    std::atomic_int acknowledged{0};
    const qint64 pid = cairn.pid();
    std::thread killer([&acknowledged, pid] {
        while (acknowledged.load() < 8)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(QRandomGenerator::global()->bounded(40)));
        ::kill(pid_t(pid), SIGKILL);
    });
    const auto stopKiller = [&] {
        if (killer.joinable()) {
            acknowledged = 1 << 20;   // it has not killed yet (a check failed early): now
            killer.join();
        }
    };
    const auto joinAtReturn = qScopeGuard(stopKiller);

    struct Edit
    {
        qint64 id = 0;
        bool renamed = false;   // the rename was acknowledged too
    };
    QList<Edit> edits;          // every user whose creation was acknowledged (2xx)
    int unanswered = 0;
    for (int i = 0; i < 2000 && unanswered == 0; ++i) {
        const TestHttpResponse created = cairn.call(
            "POST", "/api/users", u"{\"name\":\"user%1\",\"password\":\"password-%1\"}"_s.arg(i).toUtf8());
        if (created.status / 100 != 2) {
            unanswered += created.status == 0;
            QVERIFY2(created.status == 0, created.body.constData());
            break;
        }
        edits.append({json(created).value(u"id"_s).toInteger(), false});
        ++acknowledged;
        const TestHttpResponse renamed = cairn.call("PATCH", "/api/users/" + QByteArray::number(edits.last().id),
                                                    u"{\"name\":\"renamed%1\"}"_s.arg(i).toUtf8());
        if (renamed.status / 100 != 2) {
            unanswered += renamed.status == 0;
            QVERIFY2(renamed.status == 0, renamed.body.constData());
            break;
        }
        edits.last().renamed = true;
        ++acknowledged;
    }
    stopKiller();
    cairn.kill();
    QVERIFY2(unanswered == 1, "the kill did not interrupt the edits");

    QCOMPARE(cairn.start(), QString());
    QCOMPARE(integrityCheck(cairn.catalogPath()), QStringList{u"ok"_s});
    QHash<qint64, QString> names;
    const QJsonArray users = json(cairn.call("GET", "/api/users")).value(u"items"_s).toArray();
    for (const QJsonValue &user : users)
        names.insert(user.toObject().value(u"id"_s).toInteger(), user.toObject().value(u"name"_s).toString());
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const Edit &edit = edits.at(i);
        QVERIFY2(names.contains(edit.id), qPrintable(u"acknowledged user%1 is gone"_s.arg(i)));
        const QString name = names.value(edit.id);
        // A rename whose answer the kill cut off may or may not have been committed.
        if (edit.renamed || name != u"user%1"_s.arg(i))
            QCOMPARE(name, u"renamed%1"_s.arg(i));
    }
    QVERIFY(cairn.stop());
}

void TestCrashSafety::killedDuringTranscodeCacheWrite()
{
    QTemporaryDir dir;
    const QString library = dir.filePath(u"Music"_s);
    QVERIFY(QDir().mkpath(library));
    constexpr double kSeconds = 600;
    QCOMPARE(makeAudio(QDir(library).filePath(u"long.flac"_s), kSeconds, {{u"title"_s, u"Long"_s}}), QString());
    QCOMPARE(makeVideo(QDir(library).filePath(u"film.mp4"_s), 50, 1280, 720), QString());
    HeadlessCairn cairn(dir.filePath(u"data"_s), {library});
    QCOMPARE(cairn.start(), QString());
    QCOMPARE(cairn.waitForTracks(2), 2);
    const qint64 id = json(cairn.call("GET", "/api/tracks?q=Long")).value(u"items"_s).toArray().first()
                          .toObject().value(u"id"_s).toInteger();
    const QByteArray video = QByteArray::number(json(cairn.call("GET", "/api/videos")).value(u"items"_s).toArray()
                                                    .first().toObject().value(u"id"_s).toInteger());
    const QByteArray preview = "/api/videos/" + video + "/preview";
    const QByteArray transcode = "/api/tracks/" + QByteArray::number(id) + "/transcode?format=mp3&bitrate=320";
    const QString cacheDir = QDir(cairn.dataDir()).filePath(u"cache/transcodes"_s);

    // A whole-track transcode is written to the cache as it streams. This client reads its
    // first bytes, then stops: FFmpeg waits on a full pipe, the entry half written.
    StalledReader slow(cairn.port(), requestBytes("GET", transcode, {cairn.authorization()}));
    QVERIFY2(slow.received().startsWith("HTTP/1.1 200"), slow.received().left(200).constData());
    QTRY_VERIFY2_WITH_TIMEOUT(partFiles(cacheDir).size() == 1,
                              qPrintable(QDir(cacheDir).entryList(QDir::Files).join(u' ') + u'\n' + cairn.output()), 20000);
    // And a preview clip, which FFmpeg writes into the cache folder itself: once it has begun.
    // Its FFmpeg writes nothing to Cairn, so only the parent-death signal can stop it early.
    StalledReader waiting(cairn.port(), requestBytes("GET", preview, {cairn.authorization()}), 0);
    const auto clipBegun = [&] {
        const QStringList parts = partFiles(cacheDir).filter(u".mp4"_s);
        return !parts.isEmpty() && QFileInfo(QDir(cacheDir).filePath(parts.first())).size() > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(clipBegun(), 60000);
    const QList<qint64> children = childrenOf(cairn.pid());
    QCOMPARE(children.size(), 2);
    for (const qint64 child : children)
        QVERIFY2(!processEnded(child), "FFmpeg finished before the kill");
    cairn.kill();
    // Tied to the server with PR_SET_PDEATHSIG, every FFmpeg ends with it at once (the clip
    // would take seconds more). Without it (Windows, macOS; the portable fallbacks) the
    // transcode's FFmpeg ends on its broken output and the clip's finishes its file. Either way
    // none runs on, and the next start sweeps what they left.
    constexpr int kEndsWithinMs = CAIRN_HAS_PARENT_DEATH_SIGNAL ? 1500 : 120000;
    for (const qint64 child : children)
        QTRY_VERIFY2_WITH_TIMEOUT(processEnded(child), qPrintable(u"FFmpeg %1 outlived the server"_s.arg(child)), kEndsWithinMs);

    QCOMPARE(cairn.start(), QString());
    QCOMPARE(integrityCheck(cairn.catalogPath()), QStringList{u"ok"_s});
    QCOMPARE(partFiles(cacheDir), QStringList());   // swept at start
    // What it serves now is a whole transcode, twice the same: made afresh, then from the cache.
    QByteArray bodies[2];
    for (QByteArray &body : bodies) {
        TestHttpClient client(cairn.port());
        TestHttpClient::ReadOptions whole;
        whole.timeoutMs = 120000;
        const TestHttpResponse r = client.request("GET", transcode, {cairn.authorization()}, whole);
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        body = r.body;
        QTRY_VERIFY_WITH_TIMEOUT(partFiles(cacheDir).isEmpty() && QDir(cacheDir).entryList(QDir::Files).size() == 1,
                                 20000);
    }
    QCOMPARE(bodies[1].size(), bodies[0].size());
    QVERIFY(bodies[1] == bodies[0]);
    const QString served = dir.filePath(u"served.mp3"_s);
    QFile out(served);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bodies[1]);
    out.close();
    QCOMPARE(runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, served, u"-f"_s, u"null"_s, u"-"_s}), QByteArray());
    QVERIFY2(qAbs(durationOf(served) - kSeconds) < 1.0, QByteArray::number(durationOf(served)).constData());

    // The preview clip is made again, whole.
    TestHttpClient client(cairn.port());
    TestHttpClient::ReadOptions whole;
    whole.timeoutMs = 180000;
    const TestHttpResponse clip = client.request("GET", preview, {cairn.authorization()}, whole);
    QCOMPARE(clip.status, 200);
    QVERIFY(clip.complete);
    const QString clipFile = dir.filePath(u"clip.mp4"_s);
    QFile clipOut(clipFile);
    QVERIFY(clipOut.open(QIODevice::WriteOnly));
    clipOut.write(clip.body);
    clipOut.close();
    QCOMPARE(runProgram(u"ffmpeg"_s, {u"-v"_s, u"error"_s, u"-i"_s, clipFile, u"-f"_s, u"null"_s, u"-"_s}), QByteArray());
    QVERIFY2(qAbs(durationOf(clipFile) - 30) < 1.0, QByteArray::number(durationOf(clipFile)).constData());
    QVERIFY(cairn.stop());
}

void TestCrashSafety::refusesDamagedCatalog()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"Music"_s)));
    HeadlessCairn cairn(dir.filePath(u"data"_s), {dir.filePath(u"Music"_s)});
    QCOMPARE(cairn.start(), QString());
    QVERIFY(cairn.stop());

    // Garbage over the users table's first page: a sector the disk returned wrong.
    qint64 pageSize = 0;
    qint64 rootPage = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
        db.setDatabaseName(cairn.catalogPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        pageSize = q.value(0).toLongLong();
        QVERIFY(q.exec(u"SELECT rootpage FROM sqlite_schema WHERE name = 'users'"_s) && q.next());
        rootPage = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(u"damage"_s);
    QVERIFY(rootPage > 1);
    QFile catalog(cairn.catalogPath());
    QVERIFY(catalog.open(QIODevice::ReadWrite));
    QVERIFY(catalog.seek((rootPage - 1) * pageSize));
    QCOMPARE(catalog.write(QByteArray(pageSize, '\xa5')), pageSize);
    catalog.close();

    QCOMPARE(cairn.runUntilExit(), 1);
    const QString output = cairn.output();
    QVERIFY2(output.contains(u"damaged"_s) && output.contains(cairn.catalogPath()), qPrintable(output));
    QVERIFY2(!output.contains(u"serving on"_s), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
