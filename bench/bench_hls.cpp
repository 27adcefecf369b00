// HLS benchmark: time to first segment of the encoded 720p variant and of the original (the
// source's streams copied) of a 1280×720 25 fps video with audio (a fresh session from the
// start, a fresh session seeking to 80 %, a segment already in the cache; median/min/max over
// fresh servers with empty caches), beside plain FFmpeg's time for the same segment, and how
// many concurrent 720p sessions the machine keeps in real time (each on its own copy of the
// video, so no session reuses another's segments). Prints figures; asserts nothing.
// Usage: bench_hls [video-seconds (default 120)] [runs (default 5)] [max-sessions (default 8)]
//                  [segment-seconds (default 6, as hls/segmentSeconds)]

#include "TestHttpClient.h"
#include "TestServer.h"

#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"
#include "scan/LibraryScanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QtEndian>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QTextStream out(stdout);
int segmentSeconds = 6;   // hls/segmentSeconds of every bench server
constexpr double kConcurrentMediaSeconds = 60;

// The load average (Linux), to print next to the figures: other jobs share the machine.
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"n/a"_s;
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

// One playback session of the 720p variant: its segment URLs and durations.
struct Playback
{
    QList<QByteArray> segments;
    QList<double> seconds;
};

// A GET on the player's kept-alive connection (a new one when the server closed it), the body
// read by whatever framing the server chose; status 0 = no complete answer.
TestHttpResponse fetch(TestHttpClient &client, const QByteArray &target)
{
    if (!client.ensureConnected())
        return {};
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    options.timeoutMs = -1;
    options.idleTimeoutMs = 120000;
    TestHttpResponse r = client.request("GET", target, {}, options);
    if (!r.complete)
        r.status = 0;
    return r;
}

// Which variant a player takes: the encoded 720p one, or the original (stream copy).
enum class Variant { Encoded720p, Original };

// master.m3u8 (opens the session) → the variant's media playlist.
std::optional<Playback> openVariant(TestHttpClient &client, qint64 videoId, Variant which)
{
    const TestHttpResponse master = fetch(client, "/api/videos/" + QByteArray::number(videoId) + "/hls/master.m3u8");
    const QList<QByteArray> lines = master.body.split('\n');
    QByteArray variantUri;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        // Both are 1280x720: the original's URL names it.
        const bool original = lines[i + 1].contains("/original/");
        if (lines[i].startsWith("#EXT-X-STREAM-INF:") && lines[i].contains("RESOLUTION=1280x720")
            && original == (which == Variant::Original))
            variantUri = lines[i + 1].trimmed();
    }
    if (master.status != 200 || variantUri.isEmpty())
        return std::nullopt;
    const TestHttpResponse media = fetch(client, variantUri);
    Playback playback;
    const QList<QByteArray> mediaLines = media.body.split('\n');
    for (qsizetype i = 0; i + 1 < mediaLines.size(); ++i)
        if (mediaLines[i].startsWith("#EXTINF:")) {
            playback.seconds << mediaLines[i].mid(8).split(',').first().toDouble();
            playback.segments << mediaLines[i + 1].trimmed();
        }
    if (media.status != 200 || playback.segments.isEmpty())
        return std::nullopt;
    return playback;
}

// Where a box ends in `bytes` from `offset` (size 1 = 64-bit size), or -1 when it is not all there.
qint64 boxEnd(const QByteArray &bytes, qint64 offset)
{
    if (offset + 16 > bytes.size())
        return -1;
    const auto *at = reinterpret_cast<const uchar *>(bytes.constData() + offset);
    qint64 size = qFromBigEndian<quint32>(at);
    if (size == 1)
        size = qint64(qFromBigEndian<quint64>(at + 8));
    return size >= 8 && offset + size <= bytes.size() ? offset + size : -1;
}

struct SegmentTime
{
    double lastByteMs = -1;
    double firstFragmentMs = -1;   // the first moof and its mdat received whole: decodable
};

// From the request of `segment` to its first whole fragment and to its last byte; -1 when it failed.
SegmentTime timeSegment(TestHttpClient &client, const QByteArray &segment)
{
    QElapsedTimer clock;
    clock.start();
    SegmentTime time;
    if (!client.ensureConnected())
        return time;
    QByteArray body;
    TestHttpClient::ReadOptions options;
    options.framing = TestHttpClient::Framing::Any;
    options.timeoutMs = -1;
    options.idleTimeoutMs = 120000;
    options.onBody = [&](const QByteArray &piece) {
        body += piece;
        if (time.firstFragmentMs < 0) {
            const qint64 moofEnd = body.mid(4, 4) == "moof" ? boxEnd(body, 0) : -1;
            if (moofEnd > 0 && boxEnd(body, moofEnd) > 0)
                time.firstFragmentMs = double(clock.nsecsElapsed()) / 1e6;
        }
        return true;
    };
    const TestHttpResponse reply = client.request("GET", segment, {}, options);
    if (reply.complete && reply.status == 200 && !body.isEmpty())
        time.lastByteMs = double(clock.nsecsElapsed()) / 1e6;
    else
        time.firstFragmentMs = -1;
    return time;
}

// The catalog with N copies of the video, scanned once; lives for the whole benchmark.
struct Library
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    QList<qint64> videoIds;   // copy i → track id
};

QString makeLibrary(Library &library, double seconds, int copies)
{
    const QString folder = library.dir.filePath(u"library"_s);
    QDir().mkpath(folder);
    const QString first = QDir(folder).filePath(u"video0.mp4"_s);
    const QString duration = QString::number(seconds);
    QProcess ffmpeg;
    ffmpeg.start(u"ffmpeg"_s, {u"-nostdin"_s, u"-v"_s, u"error"_s, u"-y"_s,
                              u"-f"_s, u"lavfi"_s, u"-i"_s, u"testsrc2=size=1280x720:rate=25:duration="_s + duration,
                              u"-f"_s, u"lavfi"_s, u"-i"_s, u"sine=frequency=440:sample_rate=48000:duration="_s + duration,
                              u"-c:v"_s, u"libx264"_s, u"-preset"_s, u"ultrafast"_s, u"-pix_fmt"_s, u"yuv420p"_s,
                              u"-c:a"_s, u"aac"_s, u"-b:a"_s, u"128k"_s, u"-shortest"_s, first});
    if (!ffmpeg.waitForFinished(-1) || ffmpeg.exitCode() != 0 || !QFileInfo::exists(first))
        return u"ffmpeg failed: "_s + QString::fromLocal8Bit(ffmpeg.readAllStandardError());
    for (int i = 1; i < copies; ++i)
        if (!QFile::copy(first, QDir(folder).filePath(u"video%1.mp4"_s.arg(i))))
            return u"cannot copy the video"_s;

    library.db = std::make_unique<Database>(library.dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = library.db->open())
        return *error;
    if (!FolderRepository(*library.db).add(folder))
        return u"cannot add the library folder"_s;
    LibraryScanner(*library.db).scanNow();
    const TrackPage page = TrackRepository(*library.db).list(0, 1000);
    library.videoIds.resize(copies);
    for (const Track &t : page.items) {
        const int copy = QFileInfo(t.path).completeBaseName().mid(5).toInt();
        if (t.kind == MediaKind::Video && copy >= 0 && copy < copies)
            library.videoIds[copy] = t.id;
    }
    if (library.videoIds.contains(0))
        return u"the scan did not find every video"_s;
    return {};
}

// Transcoding (an empty cache in its own directory), activity, HLS and the HTTP server on an
// ephemeral port, serving the benchmark's one catalog; every caller is the local administrator.
// One per measurement: destroying it stops every FFmpeg, so measurements never overlap.
class BenchServer : public TestServer
{
public:
    BenchServer(const Database &db, const QString &dataDir, int maxTranscodes)
    {
        TestServerOptions options;
        options.database = &db;
        options.workDirectory = dataDir;
        options.hls = true;   // the default settings (x264 veryfast) but for the segment length
        options.hlsSettings.segmentSeconds = segmentSeconds;
        options.maxTranscodes = maxTranscodes;
        options.guard = [](const Route &, HttpExchange &ex) {
            ex.setIdentity({0, u"bench"_s, true, Visibility::everything()});
            return true;
        };
        m_error = start(options);
    }

    const QString &error() const { return m_error; }

private:
    QString m_error;
};

struct Spread
{
    double median = -1, min = -1, max = -1;
    int failed = 0;
};

Spread spreadOf(QList<double> values)
{
    Spread s;
    s.failed = int(values.removeIf([](double v) { return v < 0; }));
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values.at(values.size() / 2);
    s.min = values.first();
    s.max = values.last();
    return s;
}

struct FirstSegmentTimes
{
    QList<double> cold, seek, cached, plainCold, plainSeek;
    QList<double> coldFirst, seekFirst;   // to the first whole fragment
};

// Plain FFmpeg making the same segment on its own (the 720p encode, or a stream copy), from
// `start` for `seconds`, into an fMP4 file: what any server running FFmpeg per request pays.
double plainFfmpegMs(const QString &video, double start, double seconds, Variant which, const QString &output)
{
    QStringList args{u"-nostdin"_s, u"-v"_s, u"error"_s, u"-y"_s, u"-ss"_s, QString::number(start), u"-i"_s, video,
                     u"-t"_s, QString::number(seconds)};
    if (which == Variant::Encoded720p)
        args << u"-c:v"_s << u"libx264"_s << u"-preset"_s << u"veryfast"_s << u"-b:v"_s << u"2800k"_s
             << u"-c:a"_s << u"aac"_s << u"-b:a"_s << u"128k"_s;
    else
        args << u"-c"_s << u"copy"_s;
    args << u"-movflags"_s << u"frag_keyframe+empty_moov"_s << output;
    QElapsedTimer clock;
    clock.start();
    QProcess ffmpeg;
    ffmpeg.start(u"ffmpeg"_s, args);
    if (!ffmpeg.waitForFinished(-1) || ffmpeg.exitCode() != 0)
        return -1;
    return double(clock.nsecsElapsed()) / 1e6;
}

// One run: a fresh server and cache; segment 0 of a new session, then segment 0 again in
// another new session (now from the cache); then a fresh server again for a new session's
// first request at 80 % of the video; plain FFmpeg for both segments.
QString measureFirstSegments(const Library &library, const QString &dataDir, Variant which, FirstSegmentTimes &times)
{
    double seekStart = 0, seekSeconds = 0, firstSeconds = 0;
    {
        BenchServer server(*library.db, dataDir + u"/a"_s, 4);
        if (!server.error().isEmpty())
            return server.error();
        TestHttpClient player(server.port());
        const auto playback = openVariant(player, library.videoIds.at(0), which);
        if (!playback)
            return u"no such variant"_s;
        const SegmentTime cold = timeSegment(player, playback->segments.at(0));
        times.cold << cold.lastByteMs;
        times.coldFirst << cold.firstFragmentMs;
        firstSeconds = playback->seconds.at(0);
        TestHttpClient again(server.port());
        const auto second = openVariant(again, library.videoIds.at(0), which);
        times.cached << (second ? timeSegment(again, second->segments.at(0)).lastByteMs : -1);
    }
    BenchServer server(*library.db, dataDir + u"/b"_s, 4);
    if (!server.error().isEmpty())
        return server.error();
    TestHttpClient player(server.port());
    const auto playback = openVariant(player, library.videoIds.at(0), which);
    if (!playback)
        return u"no such variant"_s;
    const int at = int(playback->segments.size() * 0.8);
    const SegmentTime seek = timeSegment(player, playback->segments.at(at));
    times.seek << seek.lastByteMs;
    times.seekFirst << seek.firstFragmentMs;
    for (int i = 0; i < at; ++i)
        seekStart += playback->seconds.at(i);
    seekSeconds = playback->seconds.at(at);
    const QString video = TrackRepository(*library.db).find(library.videoIds.at(0))->path;
    const QString output = QDir(dataDir).filePath(u"plain.mp4"_s);
    times.plainCold << plainFfmpegMs(video, 0, firstSeconds, which, output);
    times.plainSeek << plainFfmpegMs(video, seekStart, seekSeconds, which, output);
    return {};
}

// One player fetching consecutive segments as fast as it can, from the master request on,
// until `mediaSeconds` are delivered: media seconds per wall second (0 when a request failed).
double playAsFastAsPossible(quint16 port, qint64 videoId, double mediaSeconds)
{
    QElapsedTimer clock;
    clock.start();
    TestHttpClient player(port);
    const auto playback = openVariant(player, videoId, Variant::Encoded720p);
    if (!playback)
        return 0;
    double delivered = 0;
    for (qsizetype i = 0; i < playback->segments.size() && delivered < mediaSeconds; ++i) {
        if (fetch(player, playback->segments.at(i)).status != 200)
            return 0;
        delivered += playback->seconds.at(i);
    }
    return delivered / (double(clock.nsecsElapsed()) / 1e9);
}

// The slowest of `sessions` players running at once on separate copies of the video.
double slowestOfConcurrent(const Library &library, const QString &dataDir, int sessions)
{
    BenchServer server(*library.db, dataDir, sessions + 2);
    if (!server.error().isEmpty())
        return 0;
    std::vector<double> ratios(size_t(sessions), 0.0);
    std::vector<std::unique_ptr<QThread>> players;
    for (int i = 0; i < sessions; ++i)
        players.emplace_back(QThread::create([&, i] {
            ratios[size_t(i)] = playAsFastAsPossible(server.port(), library.videoIds.at(i), kConcurrentMediaSeconds);
        }));
    for (auto &player : players)
        player->start();
    for (auto &player : players)
        player->wait();
    return *std::min_element(ratios.begin(), ratios.end());
}

QString ms(double value)
{
    return value < 0 ? u"—"_s : QString::number(value, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"cairn.*.info=false\ncairn.*.debug=false"_s);   // warnings only
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 120;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int maxSessions = argc > 3 ? QByteArray(argv[3]).toInt() : 8;
    segmentSeconds = argc > 4 ? qBound(2, QByteArray(argv[4]).toInt(), 20) : 6;

    out << "bench_hls on " << QThread::idealThreadCount() << " cores, load average " << loadAverage()
        << " — the machine is shared with other jobs (builds), so the figures are indicative" << Qt::endl;
    out << "generating a " << seconds << " s 1280x720 25 fps video with audio (x264 ultrafast) and "
        << maxSessions - 1 << " copies…" << Qt::endl;
    Library library;
    if (const QString error = makeLibrary(library, seconds, qMax(1, maxSessions)); !error.isEmpty()) {
        out << "set-up failed: " << error << Qt::endl;
        return 1;
    }

    const std::pair<Variant, const char *> variants[] = {{Variant::Encoded720p, "720p encoded"},
                                                          {Variant::Original, "original (copy)"}};
    FirstSegmentTimes times[2];
    for (int v = 0; v < 2; ++v)
        for (int run = 0; run < runs; ++run) {
            const QString dir = library.dir.filePath(u"run%1-%2"_s.arg(v).arg(run));
            if (const QString error = measureFirstSegments(library, dir, variants[v].first, times[v]); !error.isEmpty()) {
                out << variants[v].second << " run " << run << " failed: " << error << Qt::endl;
                return 1;
            }
            out << variants[v].second << " run " << run + 1 << "/" << runs << ": first segment "
                << ms(times[v].cold.last()) << " ms (first fragment " << ms(times[v].coldFirst.last())
                << ", plain ffmpeg " << ms(times[v].plainCold.last()) << "), at 80 % " << ms(times[v].seek.last())
                << " ms (first fragment " << ms(times[v].seekFirst.last()) << ", plain ffmpeg "
                << ms(times[v].plainSeek.last()) << "), cached "
                << QString::number(times[v].cached.last(), 'f', 1) << " ms" << Qt::endl;
        }

    QList<std::pair<int, double>> concurrency;
    int sustained = 0;
    for (int n = 1; n <= maxSessions; ++n) {
        const double slowest = slowestOfConcurrent(library, library.dir.filePath(u"sessions%1"_s.arg(n)), n);
        concurrency << std::pair{n, slowest};
        out << n << " concurrent 720p sessions: slowest " << QString::number(slowest, 'f', 2) << "x real time"
            << Qt::endl;
        if (slowest < 1.0)
            break;
        sustained = n;
    }

    out << Qt::endl << "summary (" << QThread::idealThreadCount() << " cores shared with other builds, load average now "
        << loadAverage() << "; 720p = 1280x720, 2800k video + 128k audio, x264 veryfast, " << segmentSeconds
        << " s segments)" << Qt::endl;
    out << "time to first segment, request to last byte   median     min     max  (runs)" << Qt::endl;
    const auto row = [](const char *label, const QList<double> &values, int decimals) {
        const Spread s = spreadOf(values);
        out << qSetFieldWidth(45) << Qt::left << label << qSetFieldWidth(8) << Qt::right
            << QString::number(s.median, 'f', decimals) << QString::number(s.min, 'f', decimals)
            << QString::number(s.max, 'f', decimals) << qSetFieldWidth(0) << "  (" << values.size() - s.failed
            << (s.failed ? u" ok, %1 failed)"_s.arg(s.failed) : u")"_s) << Qt::endl;
    };
    for (int v = 0; v < 2; ++v) {
        out << variants[v].second << Qt::endl;
        row("  new session, segment 0 (ms)", times[v].cold, 0);
        row("    its first whole fragment (ms)", times[v].coldFirst, 0);
        row("    plain ffmpeg, the same segment (ms)", times[v].plainCold, 0);
        row("  new session, segment at 80 % (ms)", times[v].seek, 0);
        row("    its first whole fragment (ms)", times[v].seekFirst, 0);
        row("    plain ffmpeg, the same segment (ms)", times[v].plainSeek, 0);
        row("  segment already cached (ms)", times[v].cached, 1);
    }
    out << "concurrent sessions, " << kConcurrentMediaSeconds << " s of media each: slowest session's media s / wall s"
        << Qt::endl;
    for (const auto &[n, ratio] : concurrency)
        out << "  N=" << n << "  " << QString::number(ratio, 'f', 2) << (ratio >= 1.0 ? "  keeps up" : "  falls behind")
            << Qt::endl;
    out << "largest N in real time: " << sustained
        << (sustained == maxSessions ? u" (the cap; more may work)"_s : QString()) << Qt::endl;
    return 0;
}
