#include "transcode/OutputFormat.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QList<OutputFormatInfo> buildTable()
{
    const QList<int> mpegRates{8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    const QList<int> opusRates{8000, 12000, 16000, 24000, 48000};
    const QList<int> aacRates{8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000};
    const QList<int> pcmRates{8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000};
    QList<OutputFormatInfo> t;
    t.append({OutputFormat::Mp3, u"mp3"_s, u"MP3"_s, u"libmp3lame"_s, u"mp3"_s, "audio/mpeg", u"mp3"_s,
              false, 32, 320, {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, 192,
              mpegRates, 2, true});
    t.append({OutputFormat::Vorbis, u"ogg"_s, u"Ogg Vorbis"_s, u"libvorbis"_s, u"ogg"_s, "audio/ogg", u"ogg"_s,
              false, 48, 480, {}, 192, aacRates, 8, false});
    t.append({OutputFormat::Opus, u"opus"_s, u"Opus (Ogg)"_s, u"libopus"_s, u"opus"_s, "audio/ogg; codecs=opus",
              u"opus"_s, false, 6, 510, {}, 96, opusRates, 8, false});
    t.append({OutputFormat::AacM4a, u"m4a"_s, u"AAC in fragmented MP4"_s, u"aac"_s, u"mp4"_s, "audio/mp4",
              u"m4a"_s, false, 32, 512, {}, 256, aacRates, 8, false});
    t.append({OutputFormat::AacAdts, u"aac"_s, u"AAC (ADTS)"_s, u"aac"_s, u"adts"_s, "audio/aac", u"aac"_s,
              false, 32, 512, {}, 256, aacRates, 8, false});
    t.append({OutputFormat::Flac, u"flac"_s, u"FLAC"_s, u"flac"_s, u"flac"_s, "audio/flac", u"flac"_s,
              true, 0, 0, {}, 0, pcmRates, 8, false});
    t.append({OutputFormat::Wav, u"wav"_s, u"WAV (PCM 16 bit)"_s, u"pcm_s16le"_s, u"wav"_s, "audio/wav", u"wav"_s,
              true, 0, 0, {}, 0, pcmRates, 8, true});
    return t;
}

} // namespace

const QList<OutputFormatInfo> &outputFormats()
{
    static const QList<OutputFormatInfo> table = buildTable();
    return table;
}

const OutputFormatInfo &infoFor(OutputFormat format)
{
    for (const auto &info : outputFormats())
        if (info.format == format)
            return info;
    Q_UNREACHABLE();
    return outputFormats().first();
}

std::optional<OutputFormat> outputFormatFromKey(const QString &key)
{
    for (const auto &info : outputFormats())
        if (info.key.compare(key, Qt::CaseInsensitive) == 0)
            return info.format;
    return std::nullopt;
}

QStringList outputFormatKeys()
{
    QStringList keys;
    for (const auto &info : outputFormats())
        keys << info.key;
    return keys;
}

} // namespace cairn
