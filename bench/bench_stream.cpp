// Direct-stream benchmark: whole-file throughput, random 1 MiB ranges per second over several
// connections, and the server's RSS while a deliberately slow client downloads a large file.
// Usage: bench_stream [size-in-MiB (default 1024)]

#include "MediaFixtures.h"
#include "TestHttpClient.h"
#include "TestServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace cairn::test;

namespace {

QTextStream out(stdout);

qint64 residentKiB()
{
#ifdef Q_OS_LINUX
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
#endif
    return -1;
}

// Reads `length` body bytes, draining the socket as fast as possible.
qint64 drain(TestHttpClient &c, const QByteArray &target, const QList<QByteArray> &headers)
{
    c.sendRequest("GET", target, headers);
    const TestHttpResponse r = c.read(false, 600000);
    return r.complete ? r.body.size() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int sizeMiB = argc > 1 ? QByteArray(argv[1]).toInt() : 1024;
    // 16-bit stereo 44.1 kHz WAV: 176400 bytes per second.
    const double seconds = sizeMiB * 1048576.0 / 176400.0;

    TestServer fixture;
    out << "generating a " << sizeMiB << " MiB WAV…" << Qt::endl;
    if (const QString e = makeAudio(fixture.libraryPath(u"big.wav"_s), seconds); !e.isEmpty()) {
        out << "ffmpeg failed: " << e << Qt::endl;
        return 1;
    }
    if (const QString e = fixture.start(); !e.isEmpty() || !fixture.scan()) {
        out << "server failed: " << e << Qt::endl;
        return 1;
    }
    const qint64 size = QFileInfo(fixture.libraryPath(u"big.wav"_s)).size();
    const QByteArray target = "/api/tracks/" + QByteArray::number(fixture.trackIdFor(u"big.wav"_s)) + "/stream";

    {   // Whole file, one connection (the client buffers the body, so this is client-bound too).
        TestHttpClient c(fixture.port());
        QElapsedTimer t;
        t.start();
        const qint64 got = drain(c, target, {});
        out << "whole file: " << got / 1048576 << " MiB in " << t.elapsed() << " ms = "
            << QString::number(got / 1048576.0 / (t.nsecsElapsed() / 1e9), 'f', 0) << " MiB/s" << Qt::endl;
    }
    {   // Whole file read by curl in its own process (when installed): the server-side figure.
        const QByteArray speed = runProgram(u"curl"_s, {u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{speed_download}"_s,
                                                        u"http://127.0.0.1:%1%2"_s.arg(fixture.port()).arg(QString::fromLatin1(target))},
                                            600000);
        if (!speed.isEmpty())
            out << "whole file via curl: " << QString::number(speed.toDouble() / 1048576.0, 'f', 0) << " MiB/s" << Qt::endl;
    }
    {   // Random 1 MiB ranges on 4 kept-alive connections, round robin, 2 s.
        std::vector<std::unique_ptr<TestHttpClient>> clients;
        for (int i = 0; i < 4; ++i)
            clients.push_back(std::make_unique<TestHttpClient>(fixture.port()));
        QElapsedTimer t;
        t.start();
        int requests = 0;
        while (t.elapsed() < 2000) {
            for (auto &c : clients) {
                const qint64 first = QRandomGenerator::global()->bounded(qMax<qint64>(1, size - 1048576));
                c->sendRequest("GET", target, {"Range: bytes=" + QByteArray::number(first) + '-' + QByteArray::number(first + 1048575)});
            }
            for (auto &c : clients)
                requests += c->read(false, 60000).status == 206;
        }
        out << "random 1 MiB ranges, 4 connections: " << QString::number(requests / (t.nsecsElapsed() / 1e9), 'f', 0)
            << " req/s" << Qt::endl;
    }
    {   // A slow client: reads 256 KiB every 50 ms (~5 MiB/s); the server's RSS must stay flat.
        TestHttpClient slow(fixture.port());
        slow.socket().setReadBufferSize(256 * 1024);
        slow.sendRequest("GET", target);
        const qint64 before = residentKiB();
        qint64 peak = before;
        for (int i = 0; i < 60; ++i) {
            slow.socket().waitForReadyRead(200);
            slow.socket().read(256 * 1024);
            QThread::msleep(50);
            peak = qMax(peak, residentKiB());
        }
        out << "slow client: RSS " << before / 1024 << " MiB at start, peak " << peak / 1024 << " MiB over 3 s (file "
            << size / 1048576 << " MiB)" << Qt::endl;
    }
    return 0;
}
