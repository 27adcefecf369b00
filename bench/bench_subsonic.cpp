// OpenSubsonic benchmark (issue 13's targets): a 100,000-track library on loopback, then
// getAlbumList2 and search3 pages of 500 (target: p99 < 50 ms) and a full search3 sync of the
// library in pages of 500 songs, albums and artists, as Symfonium does it (target: < 20 s).
// Prints figures; never asserts.
// Usage: bench_subsonic [tracks (default 100000)] [runs per request (default 40)]

#include "BenchLibrary.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

// Pages through search3 with an empty query until every list came back short; returns the
// songs seen (0 on an error).
qint64 fullSync(TestHttpClient &client, qint64 *requests)
{
    qint64 songs = 0;
    bool more = true;
    for (qint64 offset = 0; more; offset += 500) {
        const QByteArray target = "/rest/search3?f=json&c=bench&query=&songCount=500&albumCount=500&artistCount=500"
                                  "&songOffset=" + QByteArray::number(offset) + "&albumOffset=" + QByteArray::number(offset)
            + "&artistOffset=" + QByteArray::number(offset);
        const TestHttpResponse r = client.get(target);
        ++*requests;
        if (r.status != 200)
            return 0;
        const QJsonObject result = QJsonDocument::fromJson(r.body).object()[u"subsonic-response"_s][u"searchResult3"_s].toObject();
        const qsizetype page = result[u"song"_s].toArray().size();
        songs += page;
        more = page == 500 || result[u"album"_s].toArray().size() == 500 || result[u"artist"_s].toArray().size() == 500;
    }
    return songs;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tracks = argc > 1 ? qMax(10, QString::fromLocal8Bit(argv[1]).toInt()) : 100000;
    const int runs = argc > 2 ? qMax(1, QString::fromLocal8Bit(argv[2]).toInt()) : 40;

    TestServer server;
    if (const QString error = startWithSyntheticLibrary(server, tracks); !error.isEmpty()) {
        out << error << Qt::endl;
        return 1;
    }
    TestHttpClient client(server.port());
    const QByteArray rest = "/rest/";
    const QByteArray common = "f=json&c=bench";
    for (const QByteArray type : {"alphabeticalByName", "alphabeticalByArtist", "newest", "random", "frequent"}) {
        const QByteArray target = rest + "getAlbumList2?" + common + "&size=500&type=" + type;
        report(u"getAlbumList2 %1, 500"_s.arg(QString::fromLatin1(type)), measure(client, target, runs), 50);
    }
    const qint64 albums = tracks / 10;
    const QByteArray deep = rest + "getAlbumList2?" + common + "&size=500&type=alphabeticalByName&offset="
        + QByteArray::number(qMax<qint64>(0, albums - 500));
    report(u"getAlbumList2 by name, last page"_s, measure(client, deep, runs), 50);
    report(u"getAlbumList2 byGenre, 500"_s, measure(client, rest + "getAlbumList2?" + common + "&size=500&type=byGenre&genre=Genre%207", runs), 50);

    const QByteArray songsOnly = "&artistCount=0&albumCount=0&songCount=500";
    report(u"search3 \"\" songs 500, first page"_s, measure(client, rest + "search3?" + common + "&query=" + songsOnly, runs), 50);
    report(u"search3 \"\" songs 500, middle page"_s,
           measure(client, rest + "search3?" + common + "&query=" + songsOnly + "&songOffset=" + QByteArray::number(tracks / 2), runs), 50);
    report(u"search3 \"\" songs 500, last page"_s,
           measure(client, rest + "search3?" + common + "&query=" + songsOnly + "&songOffset=" + QByteArray::number(qMax(0, tracks - 500)), runs), 50);
    report(u"search3 \"chanson 12\" 500 each"_s,
           measure(client, rest + "search3?" + common + "&query=chanson%2012&songCount=500&albumCount=500&artistCount=500", runs), 50);

    QElapsedTimer timer;
    timer.start();
    qint64 requests = 0;
    const qint64 songs = fullSync(client, &requests);
    out << "full search3 sync: " << songs << " songs in " << requests << " requests, " << timer.elapsed()
        << " ms (target < 20000 ms)" << Qt::endl;
    return 0;
}
