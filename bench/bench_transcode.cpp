// Transcode benchmark: time to first byte of a FLAC → MP3 320 transcode over HTTP (median of
// 20), the same with offset = 80 % of the track, and transcode speed as a multiple of real
// time; each next to the same job run as a plain `ffmpeg` command in the same run.
// Targets: TTFB < 100 ms, seek TTFB < 150 ms, speed ≥ 0.95 × plain ffmpeg.
// Usage: bench_transcode [track-seconds (default 240)]

#include "MediaFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include "transcode/FfmpegArguments.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);
constexpr int kRuns = 20;

struct Timing
{
    double firstByteMs = -1;
    double totalMs = -1;
    qint64 bytes = 0;
};

// One GET on a fresh connection; the first body byte and the end are timed. `readAll` =
// read to the end, else stop after the first byte.
Timing timeHttp(quint16 port, const QByteArray &target, bool readAll)
{
    Timing t;
    TestHttpClient client(port);
    if (!client.isConnected())
        return t;
    QElapsedTimer clock;
    clock.start();
    client.sendRequest("GET", target, {"Connection: close"_ba});
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    options.timeoutMs = -1;
    options.idleTimeoutMs = 30000;
    options.onBody = [&](const QByteArray &piece) {
        if (t.firstByteMs < 0)
            t.firstByteMs = double(clock.nsecsElapsed()) / 1e6;
        t.bytes += piece.size();
        return readAll;
    };
    if (!client.read(options).complete && !readAll)
        return t;
    t.totalMs = double(clock.nsecsElapsed()) / 1e6;
    return t;
}

// The same job as a plain ffmpeg process writing to a pipe.
Timing timePlain(const QStringList &args, bool readAll)
{
    Timing t;
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(u"ffmpeg"_s, args);
    while (p.waitForReadyRead(30000) || p.bytesAvailable() > 0) {
        const qint64 n = p.readAllStandardOutput().size();
        if (n > 0 && t.firstByteMs < 0)
            t.firstByteMs = double(clock.nsecsElapsed()) / 1e6;
        t.bytes += n;
        if (!readAll && t.firstByteMs >= 0)
            break;
    }
    if (!readAll)
        p.kill();
    p.waitForFinished(60000);
    t.totalMs = double(clock.nsecsElapsed()) / 1e6;
    return t;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

void compareFirstByte(const char *label, quint16 port, const QByteArray &target, const QStringList &plainArgs)
{
    QList<double> server, plain;
    for (int i = 0; i < kRuns; ++i) {
        server << timeHttp(port, target, false).firstByteMs;
        plain << timePlain(plainArgs, false).firstByteMs;
    }
    out << label << ": cairn " << QString::number(median(server), 'f', 1) << " ms, plain ffmpeg "
        << QString::number(median(plain), 'f', 1) << " ms (median of " << kRuns << ")" << Qt::endl;
}

// Transcoding without a cache, every caller the local administrator.
TestServerOptions transcodeOptions()
{
    TestServerOptions options;
    options.transcoding = true;
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 240;

    TestServer fixture;
    const QString flac = fixture.libraryPath(u"track.flac"_s);
    out << "generating " << seconds << " s of FLAC…" << Qt::endl;
    runProgram(u"ffmpeg"_s, {u"-nostdin"_s, u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                             u"anoisesrc=c=pink:a=0.2:d=%1:r=44100"_s.arg(seconds), u"-ac"_s, u"2"_s, flac});
    if (!QFile::exists(flac) || !fixture.start(transcodeOptions()).isEmpty() || !fixture.scan()) {
        out << "set-up failed" << Qt::endl;
        return 1;
    }
    const QByteArray base = "/api/tracks/" + QByteArray::number(fixture.trackIdFor(u"track.flac"_s))
        + "/transcode?preset=MP3%20320";
    const OutputSpec spec{OutputFormat::Mp3, 320, 44100, 2};
    const double seekAt = seconds * 0.8;

    compareFirstByte("time to first byte", fixture.port(), base, ffmpegArguments({flac, spec, 0, 0}));
    compareFirstByte("time to first byte at 80 %", fixture.port(),
                     base + "&offset=" + QByteArray::number(seekAt, 'f', 3), ffmpegArguments({flac, spec, seekAt, 0}));

    const Timing server = timeHttp(fixture.port(), base, true);
    const Timing plain = timePlain(ffmpegArguments({flac, spec, 0, 0}), true);
    const double serverSpeed = seconds / (server.totalMs / 1000);
    const double plainSpeed = seconds / (plain.totalMs / 1000);
    out << "transcode speed: cairn " << QString::number(serverSpeed, 'f', 1) << "x real time ("
        << server.bytes << " bytes), plain ffmpeg " << QString::number(plainSpeed, 'f', 1) << "x ("
        << plain.bytes << " bytes); ratio " << QString::number(serverSpeed / plainSpeed, 'f', 3) << Qt::endl;
    return 0;
}
