// Browsing benchmark (issue 12's targets, measured at the API the web app is built on): a
// 10,000-track library, then the latency of the first album grid page (target: visible < 500 ms
// after log-in) and of grouped search as the user types (target: < 150 ms after the last key).
// Prints median / 95th percentile / max; never asserts.
// Usage: bench_browse [tracks (default 10000)] [runs per request (default 50)]

#include "BenchLibrary.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tracks = argc > 1 ? qMax(10, QString::fromLocal8Bit(argv[1]).toInt()) : 10000;
    const int runs = argc > 2 ? qMax(1, QString::fromLocal8Bit(argv[2]).toInt()) : 50;

    TestServer server;
    if (const QString error = startWithSyntheticLibrary(server, tracks); !error.isEmpty()) {
        out << error << Qt::endl;
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
