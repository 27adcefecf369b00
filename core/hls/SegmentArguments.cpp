#include "SegmentArguments.h"

#include <QDir>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString seconds(double value)
{
    return QString::number(value, 'f', 3);   // QString::number is locale-independent
}

QString kbps(int value)
{
    return QString::number(value) + u'k';
}

// The encoder and muxer settings were measured with FFmpeg 5.1: the segment muxer cuts at the
// forced keyframes, and -output_ts_offset with -reset_timestamps 0 gives every segment the same
// timestamps whichever index the run started from.
QStringList videoArguments(const SegmentJob &job)
{
    const HlsVariant &v = job.variant;
    return {u"-c:v"_s, u"libx264"_s, u"-preset"_s, job.x264Preset,
            u"-profile:v"_s, u"high"_s, u"-level:v"_s, v.h264Level, u"-pix_fmt"_s, u"yuv420p"_s,
            // The signalled level allows 60 fps; square pixels keep players from stretching.
            u"-fpsmax"_s, u"60"_s, u"-vf"_s, u"scale=%1:%2,setsar=1"_s.arg(v.width).arg(v.height),
            u"-b:v"_s, kbps(v.videoKbps), u"-maxrate"_s, kbps(v.maxRateKbps()), u"-bufsize"_s, kbps(2 * v.videoKbps),
            u"-force_key_frames"_s, u"expr:gte(t,n_forced*%1)"_s.arg(job.timeline.targetSeconds())};
}

QStringList audioArguments(const SegmentJob &job)
{
    if (job.variant.audioKbps <= 0)
        return {u"-an"_s};
    return {u"-c:a"_s, u"aac"_s, u"-b:a"_s, kbps(job.variant.audioKbps), u"-ac"_s, u"2"_s, u"-ar"_s, u"48000"_s};
}

// A copy cannot place keyframes: it is cut at the source's own (the timeline's starts), and
// -copyts keeps the source's timestamps, the same whichever index a run starts from.
QStringList passthroughArguments(const SegmentJob &job)
{
    const QString start = seconds(job.timeline.startSeconds(job.firstIndex));
    QStringList cuts;
    for (int i = job.firstIndex + 1; i < job.timeline.count(); ++i)
        cuts << seconds(job.timeline.startSeconds(i));
    QStringList args{u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-copyts"_s,
                     u"-ss"_s, start, u"-i"_s, u"file:"_s + job.inputPath,
                     u"-map"_s, u"0:v:0"_s, u"-map"_s, u"0:a:0?"_s, u"-c"_s, u"copy"_s,
                     u"-avoid_negative_ts"_s, u"disabled"_s, u"-max_muxing_queue_size"_s, u"1024"_s,
                     u"-f"_s, u"segment"_s};
    if (!cuts.isEmpty())
        args << u"-segment_times"_s << cuts.join(u',');
    else
        args << u"-segment_time"_s << u"86400"_s;   // the last segment: no cut at all
    args << u"-segment_start_number"_s << QString::number(job.firstIndex)
         << u"-segment_format"_s << u"mpegts"_s
         << u"-segment_list"_s << u"pipe:1"_s << u"-segment_list_type"_s << u"csv"_s
         << u"-segment_list_flags"_s << u"+live"_s << u"-reset_timestamps"_s << u"0"_s
         << QDir(job.outputDirectory).filePath(u"seg%d.ts"_s);
    return args;
}

} // namespace

QStringList segmentArguments(const SegmentJob &job)
{
    if (job.variant.passthrough)
        return passthroughArguments(job);
    const QString start = seconds(job.timeline.startSeconds(job.firstIndex));
    const QString target = QString::number(job.timeline.targetSeconds());
    QStringList args{u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-ss"_s, start,
                     // "file:" keeps a path that looks like a URL or an option from being read as one.
                     u"-i"_s, u"file:"_s + job.inputPath,
                     u"-map"_s, u"0:v:0"_s, u"-map"_s, u"0:a:0?"_s};
    args << videoArguments(job) << audioArguments(job);
    args << u"-output_ts_offset"_s << start << u"-avoid_negative_ts"_s << u"disabled"_s
         << u"-max_muxing_queue_size"_s << u"1024"_s
         << u"-f"_s << u"segment"_s << u"-segment_time"_s << target
         << u"-segment_start_number"_s << QString::number(job.firstIndex)
         << u"-segment_format"_s << u"mpegts"_s
         << u"-segment_list"_s << u"pipe:1"_s << u"-segment_list_type"_s << u"csv"_s
         << u"-segment_list_flags"_s << u"+live"_s << u"-reset_timestamps"_s << u"0"_s
         << QDir(job.outputDirectory).filePath(u"seg%d.ts"_s);
    return args;
}

QString segmentFileName(int index)
{
    return u"seg%1.ts"_s.arg(index);
}

std::optional<int> finishedSegmentIndex(QByteArrayView csvLine)
{
    const QByteArrayView line = csvLine.trimmed();
    const auto comma = std::find(line.begin(), line.end(), ',');
    if (comma == line.end())
        return std::nullopt;
    const QByteArrayView name = line.first(comma - line.begin());
    if (name.size() <= 6 || !name.startsWith("seg") || !name.endsWith(".ts"))
        return std::nullopt;
    const QByteArrayView digits = name.sliced(3, name.size() - 6);
    // Digits only: toInt would also take a sign or surrounding blanks.
    if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    bool ok = false;
    const int index = digits.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return index;
}

} // namespace cairn
