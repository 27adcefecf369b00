// Catalog benchmark (issue 18's targets): synthetic libraries of 10,000 and 100,000 tracks, then
// the latency of a track search as the user types it (target: p50 < 5 ms, p99 < 10 ms at 100k)
// and of deep pages of the track, album and artist lists and of Subsonic's offsets (target:
// < 20 ms for 500 tracks at offset 99,000). Prints median / 99th percentile / max; never asserts.
// Usage: bench_catalog [runs per request (default 30)] [sizes… (default 10000 100000)]

#include "BenchLibrary.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "catalog/TrackRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>

#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

// The durations the access log reports, in the order the requests finished.
QMutex served;
QList<qint64> servedNanos;

void captureAccessLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression duration(u" ([0-9.]+)ms$"_s);
    if (qstrcmp(context.category, "cairn.http.access") == 0) {
        const auto match = duration.match(message);
        if (match.hasMatch()) {
            QMutexLocker lock(&served);
            servedNanos << qint64(match.captured(1).toDouble() * 1e6);
        }
        return;
    }
    if (type != QtInfoMsg && type != QtDebugMsg)
        out << message << Qt::endl;
}

struct Timings
{
    Figures server;
    Figures client;
};

// Every request of `targets`, `runs` times each (interleaved), as one set of figures.
Timings measureAll(TestHttpClient &client, const QList<QByteArray> &targets, int runs)
{
    {
        QMutexLocker lock(&served);
        servedNanos.clear();
    }
    QList<qint64> nanos;
    for (int i = 0; i < runs; ++i) {
        for (const QByteArray &target : targets) {
            QElapsedTimer timer;
            timer.start();
            if (client.get(target).status != 200) {
                out << target << " failed" << Qt::endl;
                return {{0, 0, 0, 0, true}, {0, 0, 0, 0, true}};
            }
            nanos << timer.nsecsElapsed();
        }
    }
    QThread::msleep(50);   // the last request's log line
    QMutexLocker lock(&served);
    return {figuresOf(servedNanos), figuresOf(nanos)};
}

void report(const QString &what, const Timings &t, double p50Target, double p99Target)
{
    if (t.server.failed || t.client.failed) {
        out << what << ": failed" << Qt::endl;
        return;
    }
    out << qSetFieldWidth(42) << Qt::left << what << qSetFieldWidth(0)
        << u"server p50 %1 ms (target < %2)  p99 %3 ms (target < %4)  max %5  | client p50 %6  p99 %7"_s
               .arg(t.server.median, 0, 'f', 1)
               .arg(p50Target)
               .arg(t.server.p99, 0, 'f', 1)
               .arg(p99Target)
               .arg(t.server.max, 0, 'f', 1)
               .arg(t.client.median, 0, 'f', 1)
               .arg(t.client.p99, 0, 'f', 1)
        << Qt::endl;
}

int run(int tracks, int runs)
{
    TestServer server;
    out << "--- " << tracks << " tracks" << Qt::endl;
    if (const QString error = startWithSyntheticLibrary(server, tracks); !error.isEmpty()) {
        out << error << Qt::endl;
        return 1;
    }
    TestHttpClient client(server.port());

    // What a user types, key by key, then other words of the library; every track's title holds
    // "chanson" and "été" (100 % of the library matches the first prefixes).
    const QList<QByteArray> typed{"c", "ch", "cha", "chan", "chanson", "chanson%201", "chanson%2012",
                                  "chanson%20123", "chanson%201234", "%C3%A9t%C3%A9", "artiste%207",
                                  "album%2099%20unicode", "%C3%BCn%C3%AFcode%2099", "chanson%2098765", "zzz"};
    QList<QByteArray> searches;
    for (const QByteArray &q : typed)
        searches << "/api/tracks?limit=50&q=" + q;
    report(u"/api/tracks?q= (15 queries typed)"_s, measureAll(client, searches, runs), 5, 10);
    for (const QByteArray &q : typed) {
        report(u"  q=%1"_s.arg(QString::fromUtf8(QByteArray::fromPercentEncoding(q))),
                   measureAll(client, {"/api/tracks?limit=50&q=" + q}, runs), 5, 10);
    }
    QList<QByteArray> grouped;
    for (const QByteArray &q : typed)
        grouped << "/api/search?limit=10&q=" + q;
    report(u"/api/search?q= (grouped, 15 queries)"_s, measureAll(client, grouped, runs), 5, 10);
    QList<QByteArray> subsonic;
    for (const QByteArray &q : typed)
        subsonic << "/rest/search3?f=json&c=bench&songCount=20&albumCount=20&artistCount=20&query=" + q;
    report(u"search3 (15 queries)"_s, measureAll(client, subsonic, runs), 5, 10);

    // The catalog alone (no HTTP, no JSON): what the index and the paging cost.
    const TrackRepository repository(server.database());
    const auto inCatalog = [&](const QString &what, const std::function<void()> &call, double target) {
        QList<qint64> nanos;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            call();
            nanos << timer.nsecsElapsed();
        }
        const Figures f = figuresOf(nanos);
        out << qSetFieldWidth(42) << Qt::left << what << qSetFieldWidth(0)
            << u"catalog p50 %1 ms  p99 %2 ms  (target < %3 ms)"_s.arg(f.median, 0, 'f', 1).arg(f.p99, 0, 'f', 1).arg(target)
            << Qt::endl;
    };
    inCatalog(u"TrackRepository::list(q, 50), 15 queries"_s, [&] {
        for (const QByteArray &q : typed)
            (void)repository.list(0, 50, QString::fromUtf8(QByteArray::fromPercentEncoding(q)));
    }, 15 * 5);
    inCatalog(u"TrackRepository::list(offset %1, 500)"_s.arg(tracks - 1000),
              [&] { (void)repository.list(tracks - 1000, 500); }, 20);
    inCatalog(u"TrackRepository::list(offset 0, 500)"_s, [&] { (void)repository.list(0, 500); }, 20);
    // Keyset paging from the same depth: the cursor a client holds after reading that far.
    const std::optional<LibraryCursor> deepCursor = repository.list(qMax(0, tracks - 1500), 500).next;
    if (deepCursor) {
        inCatalog(u"TrackRepository::listAfter(at %1, 500)"_s.arg(tracks - 1000),
                  [&] { (void)repository.listAfter(*deepCursor, 500, Visibility::everything()); }, 20);
    }

    const QByteArray deepTracks = QByteArray::number(qMax(0, tracks - 1000));
    report(u"/api/tracks first page (500)"_s, measureAll(client, {"/api/tracks?offset=0&limit=500"}, runs), 20, 20);
    report(u"/api/tracks?offset=%1&limit=500"_s.arg(QString::fromLatin1(deepTracks)),
           measureAll(client, {"/api/tracks?limit=500&offset=" + deepTracks}, runs), 20, 20);
    report(u"/api/tracks?offset=%1&limit=50"_s.arg(QString::fromLatin1(deepTracks)),
           measureAll(client, {"/api/tracks?limit=50&offset=" + deepTracks}, runs), 20, 20);
    if (deepCursor) {
        report(u"/api/tracks?after=(at %1)&limit=500"_s.arg(QString::fromLatin1(deepTracks)),
               measureAll(client, {"/api/tracks?limit=500&after=" + deepCursor->encoded().toLatin1()}, runs), 20, 20);
    }
    const QByteArray deepAlbums = QByteArray::number(qMax(0, tracks / 10 - 100));
    report(u"/api/albums?offset=%1&limit=100"_s.arg(QString::fromLatin1(deepAlbums)),
           measureAll(client, {"/api/albums?sort=name&limit=100&offset=" + deepAlbums}, runs), 20, 20);
    const QByteArray nearDeepAlbums = QByteArray::number(qMax(0, tracks / 10 - 200));
    const QString albumCursor = QJsonDocument::fromJson(client.get("/api/albums?sort=name&limit=100&offset=" + nearDeepAlbums).body)
                                    .object().value(u"next"_s).toString();
    if (!albumCursor.isEmpty()) {
        report(u"/api/albums?after=(at %1)&limit=100"_s.arg(QString::fromLatin1(deepAlbums)),
               measureAll(client, {"/api/albums?limit=100&after=" + albumCursor.toLatin1()}, runs), 20, 20);
    }
    report(u"/api/artists?offset=300&limit=100"_s, measureAll(client, {"/api/artists?limit=100&offset=300"}, runs), 20, 20);
    report(u"search3 \"\" songs 500 at offset %1"_s.arg(QString::fromLatin1(deepTracks)),
           measureAll(client, {"/rest/search3?f=json&c=bench&query=&artistCount=0&albumCount=0&songCount=500&songOffset="
                               + deepTracks}, runs), 20, 20);
    report(u"getAlbumList2 by name, 500 at offset %1"_s.arg(tracks / 10 - 500),
           measureAll(client, {"/rest/getAlbumList2?f=json&c=bench&type=alphabeticalByName&size=500&offset="
                               + QByteArray::number(qMax(0, tracks / 10 - 500))}, runs), 20, 20);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qInstallMessageHandler(captureAccessLog);
    const int runs = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 30;
    QList<int> sizes;
    for (int i = 2; i < argc; ++i)
        sizes << qMax(10, QString::fromLocal8Bit(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = {10000, 100000};
    for (const int tracks : std::as_const(sizes)) {
        if (const int failed = run(tracks, runs))
            return failed;
    }
    return 0;
}
