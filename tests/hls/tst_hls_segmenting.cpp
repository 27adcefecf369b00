// Producing segments: FFmpeg's argument lists (encoded and copied variants), the CSV lines it
// prints per finished segment, the keyframe index of real files, and one real FFmpeg run
// proving a restarted segmenter continues the same stream.

#include "MediaFixtures.h"
#include "hls/Fmp4Split.h"
#include "hls/SegmentArguments.h"
#include "hls/SourceIndex.h"
#include "hls/HlsPlaylist.h"
#include "hls/HlsVariant.h"
#include "hls/MpegTsArguments.h"
#include "transcode/VideoPreset.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {
struct FfmpegRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

FfmpegRun runFfmpeg(const QStringList &args)
{
    QProcess p;
    p.start(u"ffmpeg"_s, args);
    FfmpegRun run;
    if (!p.waitForStarted(10000) || !p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QList<int> finishedIndexes(const QByteArray &stdoutText)
{
    QList<int> out;
    for (const QByteArray &line : stdoutText.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const auto index = finishedSegmentIndex(line);
        out << index.value_or(-1);
    }
    return out;
}

struct ProbedSegment
{
    int width = 0;
    int height = 0;
    double startTime = -1;
    bool startsWithKeyframe = false;
};

ProbedSegment probe(const QString &path)
{
    const QByteArray json = test::runProgram(
        u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-select_streams"_s, u"v:0"_s, u"-show_entries"_s,
                       u"stream=width,height,start_time:frame=key_frame,pict_type"_s, u"-read_intervals"_s,
                       u"%+#1"_s, u"-show_frames"_s, u"-of"_s, u"json"_s, path});
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject stream = root.value(u"streams"_s).toArray().at(0).toObject();
    const QJsonObject frame = root.value(u"frames"_s).toArray().at(0).toObject();
    ProbedSegment s;
    s.width = stream.value(u"width"_s).toInt();
    s.height = stream.value(u"height"_s).toInt();
    s.startTime = stream.value(u"start_time"_s).toString(u"-1"_s).toDouble();
    s.startsWithKeyframe = frame.value(u"key_frame"_s).toInt() == 1 && frame.value(u"pict_type"_s).toString() == u"I";
    return s;
}

// init + the media segments, as a player appends them.
QString concatenate(const QString &path, const QStringList &parts)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    for (const QString &part : parts)
        out.write(test::readFile(part));
    return path;
}

// "stream,pts,dts" of every packet (ffprobe's own order), in the streams' time bases.
QStringList packetTimes(const QString &path, const QString &streams)
{
    const QByteArray csv = test::runProgram(u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-select_streams"_s, streams,
                                                            u"-show_entries"_s, u"packet=stream_index,pts,dts"_s,
                                                            u"-of"_s, u"csv=p=0"_s, path});
    return QString::fromUtf8(csv).split(u'\n', Qt::SkipEmptyParts);
}

// What FFmpeg says while decoding all of `path`: nothing, for a clean stream.
QByteArray decodeWarnings(const QString &path)
{
    const FfmpegRun run = runFfmpeg({u"-v"_s, u"warning"_s, u"-i"_s, path, u"-f"_s, u"null"_s, u"-"_s});
    return run.exitCode == 0 ? run.err.trimmed() : "exit " + QByteArray::number(run.exitCode) + ": " + run.err;
}

} // namespace

class TestHlsSegmenting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void segmentArgumentList();
    void finishedSegment_data();
    void finishedSegment();
    void restartedRunContinuesTheStream();
    void fmp4RestartKeepsTimestamps_data();
    void fmp4RestartKeepsTimestamps();
    void passthroughArgumentList();
    void mpegTsArgumentList();
    void mpegTsStreamOfARealFile();
    void sourceIndexOfRealFiles();
    void originalRatesAreMeasured_data();
    void originalRatesAreMeasured();
    void mpegTsCopiedSegmentsReadAsOneStream();
};

void TestHlsSegmenting::segmentArgumentList()
{
    SegmentJob job;
    job.inputPath = u"/media/a film.mkv"_s;
    job.variant = variantFor(VideoPreset{3, u"720p"_s, 1280, 720, 2800, 128}, 1280, 534, true);
    job.timeline = SegmentTimeline(100000, 6);
    job.firstIndex = 7;
    job.outputDirectory = u"/cache/hls/x"_s;
    job.format = SegmentFormat::MpegTs;
    const QStringList expected{
        u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-ss"_s, u"42.000"_s,
        u"-i"_s, u"file:/media/a film.mkv"_s, u"-map"_s, u"0:v:0"_s, u"-map"_s, u"0:a:0?"_s,
        u"-c:v"_s, u"libx264"_s, u"-preset"_s, u"veryfast"_s, u"-profile:v"_s, u"high"_s, u"-level:v"_s, u"4.0"_s,
        u"-pix_fmt"_s, u"yuv420p"_s, u"-fpsmax"_s, u"60"_s, u"-vf"_s, u"scale=1280:534,setsar=1"_s, u"-b:v"_s, u"2800k"_s, u"-maxrate"_s, u"3080k"_s,
        u"-bufsize"_s, u"5600k"_s, u"-force_key_frames"_s, u"expr:gte(t,n_forced*6)"_s,
        u"-c:a"_s, u"aac"_s, u"-b:a"_s, u"128k"_s, u"-ac"_s, u"2"_s, u"-ar"_s, u"48000"_s,
        u"-output_ts_offset"_s, u"52.000"_s, u"-avoid_negative_ts"_s, u"disabled"_s,
        u"-max_muxing_queue_size"_s, u"1024"_s, u"-f"_s, u"segment"_s, u"-segment_time"_s, u"6"_s,
        u"-segment_start_number"_s, u"7"_s, u"-segment_format"_s, u"mpegts"_s, u"-segment_format_options"_s,
        u"mpegts_flags=+initial_discontinuity:flush_packets=1"_s, u"-segment_list"_s, u"pipe:1"_s,
        u"-segment_list_type"_s, u"csv"_s, u"-segment_list_flags"_s, u"+live"_s, u"-reset_timestamps"_s, u"0"_s,
        u"/cache/hls/x/seg%d.ts"_s};
    QCOMPARE(segmentArguments(job), expected);

    job.variant = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 640, 360, false);
    job.firstIndex = 0;
    job.x264Preset = u"ultrafast"_s;
    const QStringList silent = segmentArguments(job);
    QVERIFY(silent.contains(u"-an"_s));
    QVERIFY(!silent.contains(u"-c:a"_s));
    QCOMPARE(silent.at(silent.indexOf(u"-ss"_s) + 1), u"0.000"_s);
    QCOMPARE(silent.at(silent.indexOf(u"-preset"_s) + 1), u"ultrafast"_s);
    QCOMPARE(silent.at(silent.indexOf(u"-level:v"_s) + 1), u"3.1"_s);

    QCOMPARE(segmentFileName(0, SegmentFormat::MpegTs), u"seg0.ts"_s);
    QCOMPARE(segmentFileName(12, SegmentFormat::Fmp4), u"seg12.m4s"_s);

    // Fragmented MP4: the same encode, timestamps 10 s later, each segment an fMP4 of its own.
    job.format = SegmentFormat::Fmp4;
    job.firstIndex = 7;
    const QStringList fmp4 = segmentArguments(job);
    QCOMPARE(fmp4.at(fmp4.indexOf(u"-output_ts_offset"_s) + 1), u"52.000"_s);
    QCOMPARE(fmp4.at(fmp4.indexOf(u"-segment_format"_s) + 1), u"mp4"_s);
    QCOMPARE(fmp4.at(fmp4.indexOf(u"-segment_format_options"_s) + 1),
             u"movflags=+frag_keyframe+empty_moov+default_base_moof+frag_discont+skip_trailer"
             u":use_editlist=0:avoid_negative_ts=disabled:frag_duration=1000000:flush_packets=1"_s);
    QCOMPARE(fmp4.constLast(), u"/cache/hls/x/seg%d.m4s"_s);
}

void TestHlsSegmenting::finishedSegment_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("index");   // -1 = nullopt
    QTest::newRow("ffmpeg's line") << QByteArray("seg12.ts,72.000000,78.000000") << 12;
    QTest::newRow("with line break") << QByteArray("seg0.ts,0.000000,6.000000\n") << 0;
    QTest::newRow("with CRLF") << QByteArray("seg3.ts,18.000000,20.000000\r\n") << 3;
    QTest::newRow("largest int") << QByteArray("seg2147483647.ts,1,2") << 2147483647;
    QTest::newRow("fMP4") << QByteArray("seg12.m4s,82.000000,88.000000") << 12;
    QTest::newRow("fMP4 without number") << QByteArray("seg.m4s,1.0,2.0") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("blank") << QByteArray(" \n") << -1;
    QTest::newRow("no number") << QByteArray("seg.ts,1.0,2.0") << -1;
    QTest::newRow("not a number") << QByteArray("segx.ts,1.0,2.0") << -1;
    QTest::newRow("negative") << QByteArray("seg-1.ts,1.0,2.0") << -1;
    QTest::newRow("plus sign") << QByteArray("seg+1.ts,1.0,2.0") << -1;
    QTest::newRow("inner blank") << QByteArray("seg 1.ts,1.0,2.0") << -1;
    QTest::newRow("hex") << QByteArray("seg0x1.ts,1.0,2.0") << -1;
    QTest::newRow("huge") << QByteArray("seg99999999999.ts,1.0,2.0") << -1;
    QTest::newRow("no comma") << QByteArray("seg12.ts") << -1;
    QTest::newRow("other extension") << QByteArray("seg12.mp4,1.0,2.0") << -1;
    QTest::newRow("with a directory") << QByteArray("/tmp/seg12.ts,1.0,2.0") << -1;
    QTest::newRow("comma first") << QByteArray(",seg12.ts") << -1;
}

void TestHlsSegmenting::finishedSegment()
{
    QFETCH(QByteArray, line);
    QFETCH(int, index);
    const std::optional<int> parsed = finishedSegmentIndex(line);
    QCOMPARE(parsed.value_or(-1), index);
    QCOMPARE(parsed.has_value(), index >= 0);
}

// The continuity guarantee: a segmenter restarted at a seek writes the same segment, with the
// same timestamps, as one that ran from the start.
void TestHlsSegmenting::restartedRunContinuesTheStream()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dir.filePath(u"source.mp4"_s);
    const QString made = test::makeVideo(source, 20, 854, 480);
    QVERIFY2(made.isEmpty(), qPrintable(made));

    SegmentJob job;
    job.inputPath = source;
    job.variant = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 640, 360, true);
    job.timeline = SegmentTimeline(20000, 6);
    job.format = SegmentFormat::MpegTs;
    QCOMPARE(job.timeline.count(), 4);

    const QStringList outputs{dir.filePath(u"from0"_s), dir.filePath(u"from2"_s)};
    const QList<int> firstIndexes{0, 2};
    for (qsizetype run = 0; run < outputs.size(); ++run) {
        QVERIFY(QDir().mkpath(outputs.at(run)));
        job.firstIndex = firstIndexes.at(run);
        job.outputDirectory = outputs.at(run);
        const FfmpegRun result = runFfmpeg(segmentArguments(job));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QList<int> expected;
        for (int i = job.firstIndex; i < job.timeline.count(); ++i)
            expected << i;
        QCOMPARE(finishedIndexes(result.out), expected);
        for (int i : expected)
            QVERIFY(QFileInfo::exists(QDir(outputs.at(run)).filePath(segmentFileName(i, job.format))));
        QVERIFY(!QFileInfo::exists(QDir(outputs.at(run)).filePath(segmentFileName(job.timeline.count(), job.format))));
    }

    const ProbedSegment whole = probe(QDir(outputs.at(0)).filePath(segmentFileName(2, job.format)));
    const ProbedSegment restarted = probe(QDir(outputs.at(1)).filePath(segmentFileName(2, job.format)));
    const ProbedSegment next = probe(QDir(outputs.at(0)).filePath(segmentFileName(3, job.format)));
    for (const ProbedSegment &s : {whole, restarted, next}) {
        QVERIFY(s.startsWithKeyframe);
        QCOMPARE(s.width, 640);
        QCOMPARE(s.height, 360);
        QVERIFY(s.startTime >= 0);
    }
    QVERIFY2(std::abs(whole.startTime - restarted.startTime) < 0.001,
             qPrintable(u"%1 vs %2"_s.arg(whole.startTime).arg(restarted.startTime)));
    // Segments start on the grid: the next one exactly one target later.
    QVERIFY(std::abs(next.startTime - whole.startTime - 6.0) < 0.001);
}

void TestHlsSegmenting::fmp4RestartKeepsTimestamps_data()
{
    QTest::addColumn<bool>("copy");
    QTest::newRow("encoded") << false;
    QTest::newRow("original (copied)") << true;
}

// fMP4 across a seek restart: one init for every run, a restarted run's segments carry the
// continuous run's video timestamps (tfdt and samples), a player mixing segments of both
// decodes without a warning, and a middle segment decodes alone after the init.
void TestHlsSegmenting::fmp4RestartKeepsTimestamps()
{
    QFETCH(bool, copy);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dir.filePath(u"source.mp4"_s);
    QCOMPARE(test::makeVideo(source, 20, 854, 480), QString());   // keyframes at 0 and 10 s

    SegmentJob job;
    job.inputPath = source;
    job.format = SegmentFormat::Fmp4;
    if (copy) {
        const auto index = readSourceIndex(source);
        QVERIFY(index);
        job.timeline = SegmentTimeline::fromKeyframes(index->keyframesMs, index->durationMs, 6);
        job.variant = passthroughVariant(*index, job.timeline);
    } else {
        job.variant = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 640, 360, true);
        job.timeline = SegmentTimeline(20000, 6);
    }
    const int count = job.timeline.count();
    QVERIFY(count >= 2);
    const int restartAt = count - 1 > 1 ? 2 : 1;

    const QStringList outputs{dir.filePath(u"from0"_s), dir.filePath(u"restart"_s)};
    for (qsizetype run = 0; run < outputs.size(); ++run) {
        QVERIFY(QDir().mkpath(outputs.at(run)));
        job.firstIndex = run == 0 ? 0 : restartAt;
        job.outputDirectory = outputs.at(run);
        const FfmpegRun result = runFfmpeg(segmentArguments(job));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        for (const int i : finishedIndexes(result.out)) {
            QString error;
            QVERIFY2(splitFmp4Segment(QDir(outputs.at(run)).filePath(segmentFileName(i, job.format)),
                                      QDir(outputs.at(run)).filePath(u"init.mp4"_s), &error),
                     qPrintable(error));
        }
    }
    const auto file = [&](int run, const QString &name) { return QDir(outputs.at(run)).filePath(name); };
    const auto segment = [&](int run, int i) { return file(run, segmentFileName(i, SegmentFormat::Fmp4)); };
    QCOMPARE(test::readFile(file(1, u"init.mp4"_s)), test::readFile(file(0, u"init.mp4"_s)));
    const QString init = file(0, u"init.mp4"_s);

    // The restarted segment's video is timed exactly as the continuous run's.
    const QString whole = concatenate(dir.filePath(u"whole.mp4"_s), {init, segment(0, restartAt)});
    const QString restarted = concatenate(dir.filePath(u"restarted.mp4"_s), {init, segment(1, restartAt)});
    const QStringList video = packetTimes(whole, u"v:0"_s);
    QVERIFY(!video.isEmpty());
    QCOMPARE(packetTimes(restarted, u"v:0"_s), video);
    if (!copy) {   // on the grid: its first frame at 10 s + the segment's start (12800 ticks a second)
        QStringList first = packetTimes(restarted, u"v:0"_s).constFirst().split(u',');
        QCOMPARE(first.at(1).toLongLong(), qint64(10 + 6 * restartAt) * 12800);
    }

    // A player that played the start, then a restarted run: one stream, no warning.
    QStringList mixed{init};
    for (int i = 0; i < count; ++i)
        mixed << segment(i < restartAt ? 0 : 1, i);
    QCOMPARE(decodeWarnings(concatenate(dir.filePath(u"mixed.mp4"_s), mixed)), QByteArray());
    QCOMPARE(decodeWarnings(restarted), QByteArray());
}

void TestHlsSegmenting::passthroughArgumentList()
{
    SourceIndex index;
    index.width = 1920;
    index.height = 1080;
    index.h264Profile = 100;
    index.h264Constraints = 0;
    index.h264Level = 40;
    index.hasAudio = true;
    index.bitRate = 8000000;
    const HlsVariant original = passthroughVariant(index, SegmentTimeline::fromKeyframes({0, 6000, 12500, 18500}, 24000, 6));
    QCOMPARE(original.key, u"original"_s);
    QCOMPARE(original.codecs, u"avc1.640028,mp4a.40.2"_s);
    QVERIFY(original.passthrough);
    QCOMPARE(original.videoKbps, 8000);

    SegmentJob job;
    job.inputPath = u"/media/film.mp4"_s;
    job.variant = original;
    job.timeline = SegmentTimeline::fromKeyframes({0, 6000, 12500, 18500}, 24000, 6);
    job.firstIndex = 1;
    job.outputDirectory = u"/cache/hls/o"_s;
    job.format = SegmentFormat::MpegTs;
    const QStringList args = segmentArguments(job);
    // Copied, never encoded; cut at the keyframes after the first one; source timestamps kept.
    QVERIFY(args.contains(u"-copyts"_s));
    QCOMPARE(args.at(args.indexOf(u"-c"_s) + 1), u"copy"_s);
    QVERIFY(!args.contains(u"libx264"_s));
    QCOMPARE(args.at(args.indexOf(u"-ss"_s) + 1), u"6.000"_s);
    // Cut times and timestamps 10 s later, as fMP4's.
    QCOMPARE(args.at(args.indexOf(u"-output_ts_offset"_s) + 1), u"10.000"_s);
    QCOMPARE(args.at(args.indexOf(u"-segment_times"_s) + 1), u"22.500,28.500"_s);
    QCOMPARE(args.at(args.indexOf(u"-segment_start_number"_s) + 1), u"1"_s);
    QCOMPARE(args.constLast(), u"/cache/hls/o/seg%d.ts"_s);
    job.format = SegmentFormat::Fmp4;
    const QStringList fmp4 = segmentArguments(job);
    QCOMPARE(fmp4.at(fmp4.indexOf(u"-output_ts_offset"_s) + 1), u"10.000"_s);
    QCOMPARE(fmp4.at(fmp4.indexOf(u"-segment_times"_s) + 1), u"22.500,28.500"_s);
    QCOMPARE(fmp4.constLast(), u"/cache/hls/o/seg%d.m4s"_s);
    // From the last segment on there is nothing to cut.
    job.firstIndex = 3;
    QVERIFY(!segmentArguments(job).contains(u"-segment_times"_s));
}

void TestHlsSegmenting::mpegTsArgumentList()
{
    MpegTsJob job;
    job.inputPath = u"/media/a film.mkv"_s;
    job.variant = variantFor(VideoPreset{3, u"720p"_s, 1280, 720, 2800, 128}, 1280, 534, true);
    job.startSeconds = 42.5;
    job.x264Preset = u"faster"_s;
    job.keyframeSeconds = 4;
    const QStringList args = mpegTsArguments(job);
    // The rung's encoding, exactly as its HLS segments get it.
    SegmentJob segments;
    segments.inputPath = job.inputPath;
    segments.variant = job.variant;
    segments.timeline = SegmentTimeline(100000, 4);
    segments.x264Preset = job.x264Preset;
    const QStringList hls = segmentArguments(segments);
    const auto encoding = [](const QStringList &list) {
        return list.mid(list.indexOf(u"-c:v"_s), list.indexOf(u"-ar"_s) + 2 - list.indexOf(u"-c:v"_s));
    };
    QCOMPARE(encoding(args), encoding(hls));
    QCOMPARE(args.at(args.indexOf(u"-ss"_s) + 1), u"42.500"_s);
    QCOMPARE(args.at(args.indexOf(u"-i"_s) + 1), u"file:/media/a film.mkv"_s);
    QCOMPARE(args.at(args.indexOf(u"-force_key_frames"_s) + 1), u"expr:gte(t,n_forced*4)"_s);
    // One stream on stdout: no segmenter, no timestamp offset.
    QCOMPARE(args.mid(args.size() - 3), (QStringList{u"-f"_s, u"mpegts"_s, u"pipe:1"_s}));
    QVERIFY(!args.contains(u"segment"_s));
    QVERIFY(!args.contains(u"-output_ts_offset"_s));

    job.variant = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 640, 360, false);
    const QStringList silent = mpegTsArguments(job);
    QVERIFY(silent.contains(u"-an"_s));
    QVERIFY(!silent.contains(u"-c:a"_s));
}

void TestHlsSegmenting::mpegTsStreamOfARealFile()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.webm"_s);
    const FfmpegRun made = runFfmpeg({u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                      u"testsrc2=size=320x240:rate=25:duration=4"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                      u"sine=duration=4"_s, u"-c:v"_s, u"libvpx"_s, u"-c:a"_s, u"libvorbis"_s,
                                      u"-shortest"_s, source});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    MpegTsJob job;
    job.inputPath = source;
    job.variant = variantFor(VideoPreset{1, u"360p"_s, 640, 360, 800, 96}, 320, 240, true);
    job.startSeconds = 1;
    job.x264Preset = u"ultrafast"_s;
    const FfmpegRun run = runFfmpeg(mpegTsArguments(job));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // A transport stream: 188-byte packets, each starting with the sync byte.
    QVERIFY(run.out.size() > 188 * 10);
    QCOMPARE(run.out.size() % 188, 0);
    for (qsizetype at = 0; at < run.out.size(); at += 188)
        QCOMPARE(run.out.at(at), char(0x47));
}

void TestHlsSegmenting::sourceIndexOfRealFiles()
{
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(u"h264.mp4"_s);
    QCOMPARE(test::makeVideo(mp4, 25, 320, 240), QString());   // x264 ultrafast: a keyframe every 250 frames
    const auto index = readSourceIndex(mp4);
    QVERIFY(index);
    QCOMPARE(index->width, 320);
    QCOMPARE(index->height, 240);
    QCOMPARE(index->h264Profile, 66);   // Constrained Baseline
    QVERIFY(index->hasAudio);
    QCOMPARE(index->keyframesMs, (QList<qint64>{0, 10000, 20000}));
    QVERIFY(qAbs(index->durationMs - 25000) < 100);
    QCOMPARE(index->fileSize, QFileInfo(mp4).size());
    QCOMPARE(index->keyframeBytes.size(), index->keyframesMs.size());
    QVERIFY(index->keyframeBytes.at(0) > 0 && index->keyframeBytes.at(0) < index->keyframeBytes.at(1));

    const QString mkv = dir.filePath(u"h264.mkv"_s);
    QCOMPARE(test::makeVideo(mkv, 25, 320, 240), QString());
    const auto cues = readSourceIndex(mkv);   // Matroska: from its cues
    QVERIFY(cues);
    // Matroska's video starts 23 ms in (the AAC encoder's priming delay): keyframes keep it.
    QCOMPARE(cues->keyframesMs.size(), 3);
    QVERIFY(cues->keyframesMs.at(0) >= 0 && cues->keyframesMs.at(0) < 100);
    QCOMPARE(cues->keyframesMs.at(1) - cues->keyframesMs.at(0), 10000);
    QCOMPARE(cues->keyframesMs.at(2) - cues->keyframesMs.at(1), 10000);

    const QString webm = dir.filePath(u"vp8.webm"_s);
    QCOMPARE(test::makeVideo(webm, 3, 320, 240), QString());
    QVERIFY(!readSourceIndex(webm));   // VP8 cannot be copied into MPEG-TS
    const QString mp3 = dir.filePath(u"song.mp3"_s);
    QCOMPARE(test::makeAudio(mp3, 2), QString());
    QVERIFY(!readSourceIndex(mp3));
    QVERIFY(!readSourceIndex(dir.filePath(u"missing.mp4"_s)));
    QFile junk(dir.filePath(u"junk.mp4"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    QVERIFY(!readSourceIndex(junk.fileName()));
}


void TestHlsSegmenting::originalRatesAreMeasured_data()
{
    QTest::addColumn<QString>("extension");
    QTest::newRow("MP4 (sample table)") << u"mp4"_s;
    QTest::newRow("Matroska (cues)") << u"mkv"_s;
}

// A source quiet for 12 s, then busy (noise) for 12 s, with a keyframe every 6 s: BANDWIDTH is
// the busiest segment's rate, AVERAGE-BANDWIDTH the file's, both as the packets really weigh.
void TestHlsSegmenting::originalRatesAreMeasured()
{
    QFETCH(QString, extension);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"busy."_s + extension);
    const FfmpegRun made = runFfmpeg({u"-v"_s, u"error"_s, u"-f"_s, u"lavfi"_s, u"-i"_s,
                                      u"testsrc2=s=320x240:r=25:d=24,noise=alls=80:allf=t:enable='gte(t,12)'"_s,
                                      u"-f"_s, u"lavfi"_s, u"-i"_s, u"sine=d=24"_s, u"-c:v"_s, u"libx264"_s,
                                      u"-preset"_s, u"ultrafast"_s, u"-g"_s, u"150"_s, u"-c:a"_s, u"aac"_s,
                                      u"-shortest"_s, path});
    QCOMPARE(made.exitCode, 0);
    const auto index = readSourceIndex(path);
    QVERIFY(index);
    const SegmentTimeline timeline = SegmentTimeline::fromKeyframes(index->keyframesMs, index->durationMs, 6);
    QCOMPARE(timeline.count(), 4);
    const HlsVariant original = passthroughVariant(*index, timeline);

    // The truth: every packet's size by the 6-second window its time falls in.
    const QStringList packets = QString::fromUtf8(test::runProgram(
        u"ffprobe"_s, {u"-v"_s, u"error"_s, u"-show_entries"_s, u"packet=pts_time,size"_s, u"-of"_s, u"csv=p=0"_s, path}))
                                    .split(u'\n', Qt::SkipEmptyParts);
    QList<qint64> windowBytes(4, 0);
    qint64 total = 0;
    for (const QString &line : packets) {
        const QStringList f = line.split(u',');
        const int window = qBound(0, int(f.value(0).toDouble() / 6.0), 3);
        windowBytes[window] += f.value(1).toLongLong();
        total += f.value(1).toLongLong();
    }
    const qint64 busiest = *std::max_element(windowBytes.begin(), windowBytes.end()) * 8 / 6;
    const qint64 average = total * 8 / 24;
    QVERIFY2(busiest > 3 * average / 2, qPrintable(u"the noise should dominate: %1 vs %2"_s.arg(busiest).arg(average)));
    const auto near = [](qint64 measured, qint64 truth, double slack) {
        return measured >= truth * (1.0 - slack) && measured <= truth * (1.0 + slack);
    };
    // The file's size over its duration holds its container too: a few per cent.
    QVERIFY2(near(original.measuredAverageBps, average, 0.10),
             qPrintable(u"average %1, packets say %2"_s.arg(original.measuredAverageBps).arg(average)));
    QVERIFY2(near(original.measuredPeakBps, busiest, 0.10),
             qPrintable(u"peak %1, packets say %2"_s.arg(original.measuredPeakBps).arg(busiest)));
    QCOMPARE(original.bandwidth(), original.measuredPeakBps * 105 / 100);
    QCOMPARE(original.averageBandwidth(), original.measuredAverageBps * 105 / 100);
}

// MPEG-TS segments of the copied original, read back through a playlist by FFmpeg's HLS reader
// (mpv's): one stream without a warning. Each segment's muxer starts its continuity counters
// again; unmarked, that read as "Packet corrupt" at every boundary.
void TestHlsSegmenting::mpegTsCopiedSegmentsReadAsOneStream()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"source.mp4"_s);
    QCOMPARE(test::makeVideo(source, 25, 320, 240), QString());   // keyframes at 0, 10, 20 s
    const auto index = readSourceIndex(source);
    QVERIFY(index);
    SegmentJob job;
    job.inputPath = source;
    job.format = SegmentFormat::MpegTs;
    job.timeline = SegmentTimeline::fromKeyframes(index->keyframesMs, index->durationMs, 6);
    job.variant = passthroughVariant(*index, job.timeline);
    job.outputDirectory = dir.path();
    QCOMPARE(job.timeline.count(), 3);
    const FfmpegRun run = runFfmpeg(segmentArguments(job));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(finishedIndexes(run.out), (QList<int>{0, 1, 2}));
    const QString playlist = dir.filePath(u"index.m3u8"_s);
    QFile file(playlist);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(mediaPlaylist(job.timeline, [](int i) { return segmentFileName(i, SegmentFormat::MpegTs); }));
    file.close();
    const FfmpegRun read = runFfmpeg({u"-v"_s, u"warning"_s, u"-allowed_extensions"_s, u"ALL"_s, u"-i"_s, playlist,
                                      u"-f"_s, u"null"_s, u"-"_s});
    QCOMPARE(read.exitCode, 0);
    QCOMPARE(read.err.trimmed(), QByteArray());
}

QTEST_GUILESS_MAIN(TestHlsSegmenting)
#include "tst_hls_segmenting.moc"
