#include "VariantEncoding.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString kbps(int value)
{
    return QString::number(value) + u'k';
}

} // namespace

QString ffmpegSeconds(double value)
{
    return QString::number(value, 'f', 3);   // QString::number is locale-independent
}

QStringList encodeInputArguments(const QString &inputPath, double startSeconds)
{
    return {u"-hide_banner"_s, u"-nostdin"_s, u"-loglevel"_s, u"error"_s, u"-y"_s, u"-ss"_s,
            ffmpegSeconds(startSeconds),
            // "file:" keeps a path that looks like a URL or an option from being read as one.
            u"-i"_s, u"file:"_s + inputPath, u"-map"_s, u"0:v:0"_s, u"-map"_s, u"0:a:0?"_s};
}

// The encoder settings were measured with FFmpeg 5.1 (HLS segments cut at the forced keyframes).
QStringList encodeVideoArguments(const HlsVariant &v, const QString &x264Preset, int keyframeSeconds)
{
    return {u"-c:v"_s, u"libx264"_s, u"-preset"_s, x264Preset,
            u"-profile:v"_s, u"high"_s, u"-level:v"_s, v.h264Level, u"-pix_fmt"_s, u"yuv420p"_s,
            // The signalled level allows 60 fps; square pixels keep players from stretching.
            u"-fpsmax"_s, u"60"_s, u"-vf"_s, u"scale=%1:%2,setsar=1"_s.arg(v.width).arg(v.height),
            u"-b:v"_s, kbps(v.videoKbps), u"-maxrate"_s, kbps(v.maxRateKbps()), u"-bufsize"_s, kbps(2 * v.videoKbps),
            u"-force_key_frames"_s, u"expr:gte(t,n_forced*%1)"_s.arg(keyframeSeconds)};
}

QStringList encodeAudioArguments(const HlsVariant &variant)
{
    if (variant.audioKbps <= 0)
        return {u"-an"_s};
    return {u"-c:a"_s, u"aac"_s, u"-b:a"_s, kbps(variant.audioKbps), u"-ac"_s, u"2"_s, u"-ar"_s, u"48000"_s};
}

} // namespace cairn
