// Artwork benchmark: median latency of a cached 300 px cover over HTTP (target < 5 ms) and of
// first-time resizes (decode + scale + encode + cache write), for 1500 px JPEG and PNG covers.
// Usage: bench_artwork [covers (default 20)] [cached requests (default 300)]

#include "ArtworkFixtures.h"
#include "MediaFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "catalog/TrackRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

double medianMs(QList<qint64> nanos)
{
    if (nanos.isEmpty())
        return 0;
    std::sort(nanos.begin(), nanos.end());
    return double(nanos.at(nanos.size() / 2)) / 1e6;
}

double percentileMs(QList<qint64> nanos, double p)
{
    if (nanos.isEmpty())
        return 0;
    std::sort(nanos.begin(), nanos.end());
    return double(nanos.at(qMin(nanos.size() - 1, qsizetype(double(nanos.size()) * p)))) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int covers = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 20;
    const int cachedRequests = argc > 2 ? qMax(1, QString::fromLocal8Bit(argv[2]).toInt()) : 300;

    TestServer backend;
    TestServerOptions options;
    options.artwork = true;
    if (const QString error = backend.start(options); !error.isEmpty()) {
        out << "cannot start: " << error << Qt::endl;
        return 1;
    }
    // One album folder per cover: a 1 s track and a 1500×1500 cover (JPEG and PNG alternate).
    out << "preparing " << covers << " albums…" << Qt::endl;
    QDir library(backend.libraryPath({}));
    for (int i = 0; i < covers; ++i) {
        const QString dir = u"album%1"_s.arg(i);
        library.mkpath(dir);
        const bool png = i % 2 == 1;
        const QColor colour = QColor::fromHsv((i * 37) % 360, 200, 200);
        writeFile(backend.libraryPath(dir + (png ? u"/cover.png"_s : u"/cover.jpg"_s)),
                  makeImage(1500, 1500, png ? "png" : "jpeg", colour));
        if (const QString e = makeAudio(backend.libraryPath(dir + u"/01.mp3"_s), 1.0,
                                        {{u"album"_s, dir}, {u"artist"_s, u"Bench"_s}});
            !e.isEmpty()) {
            out << "ffmpeg failed: " << e << Qt::endl;
            return 1;
        }
    }
    backend.scan();
    QList<qint64> albumIds;
    const TrackPage page = TrackRepository(backend.database()).list(0, 100000);
    for (const Track &t : page.items)
        if (!albumIds.contains(t.albumId))
            albumIds << t.albumId;

    TestHttpClient client(backend.port());
    auto timedGet = [&client](const QByteArray &target, int *status) {
        QElapsedTimer timer;
        timer.start();
        const TestHttpResponse r = client.get(target);
        *status = r.status;
        return timer.nsecsElapsed();
    };

    // First-time resizes: every album once, JPEG and PNG sources separately.
    QList<qint64> firstJpeg, firstPng;
    int status = 0;
    for (qsizetype i = 0; i < albumIds.size(); ++i) {
        const qint64 ns = timedGet("/api/albums/" + QByteArray::number(albumIds.at(i)) + "/art?size=300", &status);
        if (status != 200) {
            out << "unexpected status " << status << Qt::endl;
            return 1;
        }
        (i % 2 == 0 ? firstJpeg : firstPng) << ns;
    }
    const quint64 resizesAfterFirst = backend.artwork()->resizeCount();

    // Cached: the same covers again and again.
    QList<qint64> cached;
    for (int i = 0; i < cachedRequests; ++i)
        cached << timedGet("/api/albums/" + QByteArray::number(albumIds.at(i % albumIds.size())) + "/art?size=300", &status);

    // Revalidation (304) of a cached cover.
    QList<qint64> revalidated;
    const QByteArray target = "/api/albums/" + QByteArray::number(albumIds.first()) + "/art?size=300";
    const QByteArray etag = client.get(target).header("etag");
    for (int i = 0; i < cachedRequests; ++i) {
        QElapsedTimer timer;
        timer.start();
        client.get(target, {"If-None-Match: " + etag});
        revalidated << timer.nsecsElapsed();
    }

    out << Qt::fixed << qSetRealNumberPrecision(2);
    out << "first-time 300 px resize, 1500 px JPEG source: median " << medianMs(firstJpeg) << " ms (n="
        << firstJpeg.size() << ")" << Qt::endl;
    out << "first-time 300 px resize, 1500 px PNG source:  median " << medianMs(firstPng) << " ms (n="
        << firstPng.size() << ")" << Qt::endl;
    out << "cached 300 px over HTTP: median " << medianMs(cached) << " ms, p95 " << percentileMs(cached, 0.95)
        << " ms (n=" << cached.size() << ", target < 5 ms median)" << Qt::endl;
    out << "304 revalidation over HTTP: median " << medianMs(revalidated) << " ms" << Qt::endl;
    out << "resizes: " << resizesAfterFirst << " for " << albumIds.size() << " covers, "
        << backend.artwork()->resizeCount() - resizesAfterFirst << " during the cached phase" << Qt::endl;
    return 0;
}
