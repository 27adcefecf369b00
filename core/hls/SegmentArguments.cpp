#include "SegmentArguments.h"

#include "VariantEncoding.h"

#include <QDir>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Every segment file is a fragmented MP4 of its own (ftyp+moov, then moof+mdat) whose
// moov is the same for every segment and every run; SegmentProducer splits it into the
// variant's init segment and the media segment. frag_discont with no edit list and no shift
// makes tfdt the packets' own decode time, so a restarted run writes the same tfdt as a
// continuous one (measured with FFmpeg 5.1; +cmaf moved video by the B-frame delay).
// Fragments of at most a second, each written out as it closes (flush_packets), let a player
// that seeks get the first of a segment's bytes while the rest is still being encoded.
const QString kFmp4Options =
    u"movflags=+frag_keyframe+empty_moov+default_base_moof+frag_discont+skip_trailer"
    u":use_editlist=0:avoid_negative_ts=disabled:frag_duration=1000000:flush_packets=1"_s;

double timeOffset(const SegmentJob &job)
{
    Q_UNUSED(job);
    return kFmp4TimeOffsetSeconds;   // both formats (SegmentArguments.h says why)
}

QStringList segmenterArguments(const SegmentJob &job)
{
    QStringList args{u"-segment_start_number"_s, QString::number(job.firstIndex)};
    if (job.format == SegmentFormat::Fmp4)
        args << u"-segment_format"_s << u"mp4"_s << u"-segment_format_options"_s << kFmp4Options;
    else
        // Every segment is a new MPEG-TS muxer, its continuity counters back at 0: marked as a
        // discontinuity, so readers that join segments into one stream (FFmpeg's HLS demuxer,
        // mpv) do not take the jump for corrupt packets.
        args << u"-segment_format"_s << u"mpegts"_s << u"-segment_format_options"_s
             << u"mpegts_flags=+initial_discontinuity:flush_packets=1"_s;
    args << u"-segment_list"_s << u"pipe:1"_s << u"-segment_list_type"_s << u"csv"_s
         << u"-segment_list_flags"_s << u"+live"_s << u"-reset_timestamps"_s << u"0"_s
         << QDir(job.outputDirectory).filePath(u"seg%d."_s + segmentExtension(job.format));
    return args;
}

// A copy cannot place keyframes: it is cut at the source's own (the timeline's starts), and
// -copyts keeps the source's timestamps, the same whichever index a run starts from.
QStringList passthroughArguments(const SegmentJob &job)
{
    const QString start = ffmpegSeconds(job.timeline.startSeconds(job.firstIndex));
    const double offset = timeOffset(job);
    QStringList cuts;
    // The segmenter compares cut times with the output timestamps, offset included.
    for (int i = job.firstIndex + 1; i < job.timeline.count(); ++i)
        cuts << ffmpegSeconds(job.timeline.startSeconds(i) + offset);
    QStringList args{u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-copyts"_s,
                     u"-ss"_s, start, u"-i"_s, u"file:"_s + job.inputPath,
                     u"-map"_s, u"0:v:0"_s, u"-map"_s, u"0:a:0?"_s, u"-c"_s, u"copy"_s};
    if (offset > 0)
        args << u"-output_ts_offset"_s << ffmpegSeconds(offset);
    args << u"-avoid_negative_ts"_s << u"disabled"_s << u"-max_muxing_queue_size"_s << u"1024"_s
         << u"-f"_s << u"segment"_s;
    if (!cuts.isEmpty())
        args << u"-segment_times"_s << cuts.join(u',');
    else
        args << u"-segment_time"_s << u"86400"_s;   // the last segment: no cut at all
    return args << segmenterArguments(job);
}

} // namespace

QStringList segmentArguments(const SegmentJob &job)
{
    if (job.variant.passthrough)
        return passthroughArguments(job);
    const double startSeconds = job.timeline.startSeconds(job.firstIndex);
    const int target = job.timeline.targetSeconds();
    // The segment muxer cuts at the forced keyframes, and -output_ts_offset with
    // -reset_timestamps 0 gives every segment the same timestamps whichever index the run
    // started from (measured with FFmpeg 5.1).
    QStringList args = encodeInputArguments(job.inputPath, startSeconds);
    args << encodeVideoArguments(job.variant, job.x264Preset, target) << encodeAudioArguments(job.variant);
    args << u"-output_ts_offset"_s << ffmpegSeconds(startSeconds + timeOffset(job)) << u"-avoid_negative_ts"_s
         << u"disabled"_s << u"-max_muxing_queue_size"_s << u"1024"_s
         << u"-f"_s << u"segment"_s << u"-segment_time"_s << QString::number(target);
    return args << segmenterArguments(job);
}

qint64 mediaTimestampAtZero(SegmentFormat format)
{
    constexpr qint64 kTicksPerSecond = 90000;
    constexpr qint64 kMpegTsMuxDelayTicks = 126000;   // 1.4 s, on top of every MPEG-TS timestamp
    const qint64 atZero = kFmp4TimeOffsetSeconds * kTicksPerSecond;
    return format == SegmentFormat::Fmp4 ? atZero : atZero + kMpegTsMuxDelayTicks;
}

QString segmentFileName(int index, SegmentFormat format)
{
    return u"seg%1."_s.arg(index) + segmentExtension(format);
}

std::optional<int> finishedSegmentIndex(QByteArrayView csvLine)
{
    const QByteArrayView line = csvLine.trimmed();
    const auto comma = std::find(line.begin(), line.end(), ',');
    if (comma == line.end())
        return std::nullopt;
    QByteArrayView name = line.first(comma - line.begin());
    if (name.endsWith(".ts"))
        name.chop(3);
    else if (name.endsWith(".m4s"))
        name.chop(4);
    else
        return std::nullopt;
    if (name.size() <= 3 || !name.startsWith("seg"))
        return std::nullopt;
    const QByteArrayView digits = name.sliced(3);
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
