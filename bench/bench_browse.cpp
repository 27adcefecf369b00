// Browsing benchmark (issue 12's targets, measured at the API the web app is built on): a
// 10,000-track library, then the latency of the first album grid page (target: visible < 500 ms
// after log-in) and of grouped search as the user types (target: < 150 ms after the last key).
// Prints median / 95th percentile / max; never asserts.
// Usage: bench_browse [tracks (default 10000)] [runs per request (default 50)]

#include "TestHttpClient.h"
#include "TestServer.h"

#include "catalog/Track.h"
#include "catalog/TrackRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

struct Figures
{
    double median = 0, p95 = 0, max = 0;
};

Figures figuresOf(QList<qint64> nanos)
{
    std::sort(nanos.begin(), nanos.end());
    const auto at = [&](double p) { return double(nanos.at(qMin(nanos.size() - 1, qsizetype(double(nanos.size()) * p)))) / 1e6; };
    return {at(0.5), at(0.95), double(nanos.last()) / 1e6};
}

// Albums of ten tracks, 400 artists, 24 genres; titles with accents so folding is exercised.
void fill(TestServer &server, int tracks)
{
    TrackRepository repo(server.database());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < tracks; ++i) {
        Track t;
        t.folderId = server.libraryFolderId();
        t.path = server.libraryPath(u"a%1/t%2.mp3"_s.arg(i / 10).arg(i));
        t.size = 4'000'000;
        t.mtime = QDateTime::currentDateTimeUtc();
        t.format = u"mp3"_s;
        t.codec = u"mp3"_s;
        t.durationMs = 180'000 + (i % 60) * 1000;
        t.bitrate = 192;
        t.sampleRate = 44100;
        t.channels = 2;
        t.title = u"Chanson n°%1 été"_s.arg(i);
        t.artist = u"Artiste %1"_s.arg(i / 25 % 400);
        t.albumArtist = t.artist;
        t.album = u"Album %1 Ünïcode"_s.arg(i / 10);
        t.genre = u"Genre %1"_s.arg(i / 10 % 24);
        t.trackNumber = i % 10 + 1;
        t.year = 1960 + i / 10 % 60;
        repo.upsert(t);
    }
    out << "catalog: " << tracks << " tracks written in " << timer.elapsed() << " ms" << Qt::endl;
}

Figures measure(TestHttpClient &client, const QByteArray &target, int runs)
{
    QList<qint64> nanos;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const TestHttpResponse r = client.get(target);
        nanos << timer.nsecsElapsed();
        if (r.status != 200) {
            out << target << " answered " << r.status << Qt::endl;
            return {};
        }
    }
    return figuresOf(nanos);
}

void report(const QString &what, const Figures &f, double targetMs)
{
    out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << u"median %1 ms  p95 %2 ms  max %3 ms  (target < %4 ms)"_s
                                                                          .arg(f.median, 0, 'f', 1)
                                                                          .arg(f.p95, 0, 'f', 1)
                                                                          .arg(f.max, 0, 'f', 1)
                                                                          .arg(targetMs)
        << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tracks = argc > 1 ? qMax(10, QString::fromLocal8Bit(argv[1]).toInt()) : 10000;
    const int runs = argc > 2 ? qMax(1, QString::fromLocal8Bit(argv[2]).toInt()) : 50;

    TestServer server;
    if (const QString error = server.open(); !error.isEmpty()) {
        out << "cannot open the catalog: " << error << Qt::endl;
        return 1;
    }
    fill(server, tracks);
    if (const QString error = server.start(); !error.isEmpty()) {
        out << "cannot start: " << error << Qt::endl;
        return 1;
    }
    TestHttpClient client(server.port());
    // What the app asks right after log-in (the first grid page), then the other album orders.
    report(u"first album grid (60, by name)"_s, measure(client, "/api/albums?sort=name&limit=60", runs), 500);
    report(u"album grid, recently added"_s, measure(client, "/api/albums?sort=added&limit=60", runs), 500);
    report(u"album grid, most played"_s, measure(client, "/api/albums?sort=played&limit=60", runs), 500);
    report(u"album grid, page 50"_s, measure(client, "/api/albums?sort=name&limit=60&offset=3000", runs), 500);
    report(u"artists (100)"_s, measure(client, "/api/artists?limit=100", runs), 500);
    report(u"an album with its tracks"_s, measure(client, "/api/albums/500", runs), 500);
    // Search as the user types "chanson 12": each prefix is a request.
    for (const QByteArray q : {"c", "cha", "chanson", "chanson%201", "chanson%2012", "%C3%A9t%C3%A9", "%C3%BCn%C3%AFcode%2099"})
        report(u"search q=%1"_s.arg(QString::fromUtf8(q)), measure(client, "/api/search?q=" + q + "&limit=10", runs), 150);
    return 0;
}
