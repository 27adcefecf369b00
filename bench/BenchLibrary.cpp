#include "BenchLibrary.h"

#include "TestHttpClient.h"
#include "TestServer.h"

#include "catalog/Track.h"
#include "catalog/TrackRepository.h"
#include "catalog/WriteTransaction.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {
namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

} // namespace

void fillSyntheticLibrary(TestServer &server, int tracks)
{
    TrackRepository repo(server.database());
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 2000;
    for (int start = 0; start < tracks; start += kBatch) {
        WriteTransaction batch(server.database());
        for (int i = start; i < qMin(tracks, start + kBatch); ++i) {
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
        batch.commit();
    }
    out() << "catalog: " << tracks << " tracks written in " << timer.elapsed() << " ms" << Qt::endl;
}

QString startWithSyntheticLibrary(TestServer &server, int tracks)
{
    if (const QString error = server.open(); !error.isEmpty())
        return u"cannot open the catalog: "_s + error;
    fillSyntheticLibrary(server, tracks);
    if (const QString error = server.start(); !error.isEmpty())
        return u"cannot start: "_s + error;
    return {};
}

Figures figuresOf(QList<qint64> nanos)
{
    if (nanos.isEmpty())
        return {0, 0, 0, 0, true};
    std::sort(nanos.begin(), nanos.end());
    const auto at = [&](double p) { return double(nanos.at(qMin(nanos.size() - 1, qsizetype(double(nanos.size()) * p)))) / 1e6; };
    return {at(0.5), at(0.95), at(0.99), double(nanos.last()) / 1e6, false};
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
            out() << target << " answered " << r.status << Qt::endl;
            return {0, 0, 0, 0, true};
        }
    }
    return figuresOf(nanos);
}

void report(const QString &what, const Figures &f, double targetMs)
{
    if (f.failed) {
        out() << what << ": failed" << Qt::endl;
        return;
    }
    out() << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0)
          << u"median %1 ms  p95 %2 ms  p99 %3 ms  max %4 ms  (target < %5 ms)"_s.arg(f.median, 0, 'f', 1)
                 .arg(f.p95, 0, 'f', 1)
                 .arg(f.p99, 0, 'f', 1)
                 .arg(f.max, 0, 'f', 1)
                 .arg(targetMs)
          << Qt::endl;
}

} // namespace cairn::test
