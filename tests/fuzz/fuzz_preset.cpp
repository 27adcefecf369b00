// Transcoding presets from JSON (core/http/api PresetJson over JsonBody; core/transcode
// PresetRules, VideoPresetRules, FfmpegArguments): a POST/PATCH body read onto a preset,
// validated, and — when valid — capped for a user and turned into FFmpeg's arguments.
// Input: the request body.

#include "FuzzSupport.h"

#include "api/JsonBody.h"
#include "api/PresetJson.h"
#include "transcode/FfmpegArguments.h"
#include "transcode/PresetRules.h"
#include "transcode/VideoPresetRules.h"

using namespace cairn;
using namespace Qt::Literals::StringLiterals;

namespace {

void checkValidAudio(const Preset &preset)
{
    const OutputFormatInfo &info = infoFor(preset.format);
    for (int maxKbps : {0, 1, 8, 31, 32, 64, 95, 128, 160, 320, 100000}) {
        const Preset capped = cappedPreset(preset, maxKbps);
        fuzz::require(!presetError(capped), "a capped preset is valid");
    }
    for (int rate : {0, 8000, 22050, 44100, 96000, 192000, 2147483647}) {
        for (int channels : {0, 1, 2, 6, 255}) {
            const OutputSpec out = resolveOutput(preset, rate, channels);
            fuzz::require(out.sampleRate > 0, "a concrete sample rate");
            fuzz::require(out.channels >= 1 && out.channels <= info.maxChannels, "a channel count the format takes");
            fuzz::require(info.lossless ? out.bitrateKbps == 0 : out.bitrateKbps == preset.bitrateKbps,
                          "the preset's bitrate");
            const QStringList args = ffmpegArguments(TranscodeJob{u"/music/a.flac"_s, out, 1.5, 0});
            fuzz::require(args.endsWith(u"pipe:1"_s) && args.contains(info.encoder), "a complete argument list");
        }
    }
    const auto again = presetFromJson(presetToJson(preset), Preset{});
    fuzz::require(again && again->name == preset.name && again->format == preset.format
                      && again->bitrateKbps == preset.bitrateKbps && again->sampleRate == preset.sampleRate
                      && again->channels == preset.channels,
                  "a preset's JSON reads back");
}

void checkValidVideo(const VideoPreset &preset)
{
    fuzz::require(preset.width % 2 == 0 && preset.height % 2 == 0, "an even frame box");
    fuzz::require(preset.width >= kMinVideoWidth && preset.width <= kMaxVideoWidth, "a width in range");
    fuzz::require(preset.height >= kMinVideoHeight && preset.height <= kMaxVideoHeight, "a height in range");
    VideoPreset expected = preset;
    expected.id = 0;
    const auto again = presetFromJson(presetToJson(preset), VideoPreset{});
    fuzz::require(again && *again == expected, "a video preset's JSON reads back");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto object = objectBody(body);
    if (!object)
        return 0;
    // A new preset starts from the defaults, an edit from the stored one: both bases are read.
    for (const Preset &base : {Preset{}, Preset{3, u"mobile"_s, OutputFormat::Opus, 96, 48000, 2}}) {
        const auto preset = presetFromJson(*object, base);
        if (preset && !presetError(*preset))
            checkValidAudio(*preset);
    }
    for (const VideoPreset &base : {VideoPreset{}, VideoPreset{4, u"720p"_s, 1280, 720, 3000, 128}}) {
        const auto preset = presetFromJson(*object, base);
        if (preset && !videoPresetError(*preset))
            checkValidVideo(*preset);
    }
    return 0;
}
