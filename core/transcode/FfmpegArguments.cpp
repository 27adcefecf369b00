#include "transcode/FfmpegArguments.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString seconds(double value)
{
    return QString::number(value, 'f', 6);
}

// The highest allowed rate not above the source's, else the lowest allowed one.
int pickSampleRate(const OutputFormatInfo &info, const Preset &preset, int sourceRate)
{
    if (preset.sampleRate != 0)
        return preset.sampleRate;
    const int wanted = sourceRate > 0 ? sourceRate : 44100;
    // MPEG-2 layer III stops at 160 kbit/s: keep MPEG-1 rates for higher bitrates.
    const int floor = (preset.format == OutputFormat::Mp3 && preset.bitrateKbps > 160) ? 32000 : 0;
    int best = 0;
    for (int rate : info.sampleRates)
        if (rate <= wanted && rate >= floor)
            best = qMax(best, rate);
    if (best == 0)
        for (int rate : info.sampleRates)
            if (rate >= floor && (best == 0 || rate < best))
                best = rate;
    return best;
}

} // namespace

OutputSpec resolveOutput(const Preset &preset, int sourceRate, int sourceChannels)
{
    const OutputFormatInfo &info = infoFor(preset.format);
    OutputSpec out;
    out.format = preset.format;
    out.bitrateKbps = info.lossless ? 0 : preset.bitrateKbps;
    out.sampleRate = pickSampleRate(info, preset, sourceRate);
    const int channels = preset.channels != 0 ? preset.channels : (sourceChannels > 0 ? sourceChannels : 2);
    out.channels = qBound(1, channels, info.maxChannels);
    return out;
}

QStringList ffmpegArguments(const TranscodeJob &job)
{
    const OutputFormatInfo &info = infoFor(job.output.format);
    QStringList args{u"-hide_banner"_s, u"-nostdin"_s, u"-nostats"_s, u"-loglevel"_s, u"error"_s};
    if (job.startSeconds > 0)
        args << u"-ss"_s << seconds(job.startSeconds);
    // "file:" keeps a path that looks like a URL or an option from being read as one.
    args << u"-i"_s << u"file:"_s + job.inputPath;
    if (job.maxSeconds > 0)
        args << u"-t"_s << seconds(job.maxSeconds);
    args << u"-map"_s << u"0:a:0"_s << u"-vn"_s << u"-sn"_s << u"-dn"_s
         << u"-map_metadata"_s << u"-1"_s << u"-map_chapters"_s << u"-1"_s
         << u"-fflags"_s << u"+bitexact"_s << u"-flags:a"_s << u"+bitexact"_s;
    args << u"-c:a"_s << info.encoder;
    if (!info.lossless)
        args << u"-b:a"_s << u"%1k"_s.arg(job.output.bitrateKbps);
    args << u"-ar"_s << QString::number(job.output.sampleRate)
         << u"-ac"_s << QString::number(job.output.channels);
    switch (job.output.format) {
    case OutputFormat::Mp3:
        // No tag and no Xing frame: the byte count then follows from the duration alone.
        args << u"-id3v2_version"_s << u"0"_s << u"-write_xing"_s << u"0"_s << u"-f"_s << info.muxer;
        break;
    case OutputFormat::Opus:
        // Constrained VBR: the average stays at the preset's bitrate whatever the music.
        args << u"-vbr"_s << u"constrained"_s << u"-f"_s << info.muxer;
        break;
    case OutputFormat::AacM4a:
        // Fragmented MP4 is playable while it is still being written (no moov at the end).
        args << u"-movflags"_s << u"+frag_keyframe+empty_moov+default_base_moof"_s << u"-f"_s << info.muxer;
        break;
    case OutputFormat::Wav:
        args << u"-f"_s << u"s16le"_s;
        break;
    default:
        args << u"-f"_s << info.muxer;
        break;
    }
    args << u"pipe:1"_s;
    return args;
}

} // namespace cairn
