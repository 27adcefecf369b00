#include "transcode/VideoPresetRules.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

bool within(int value, int low, int high)
{
    return value >= low && value <= high;
}

} // namespace

std::optional<QString> videoPresetError(const VideoPreset &p)
{
    static const PresetRule<VideoPreset> kRules[] = {
        {presetNameMissing<VideoPreset>, [](const VideoPreset &) { return u"a video preset needs a name"_s; }},
        {presetNameTooLong<VideoPreset>, presetNameTooLongMessage<VideoPreset>},
        {[](const VideoPreset &p) { return !within(p.width, kMinVideoWidth, kMaxVideoWidth) || p.width % 2 != 0; },
         [](const VideoPreset &p) {
             return u"width %1 is not valid; allowed: an even number from %2 to %3"_s
                 .arg(p.width).arg(kMinVideoWidth).arg(kMaxVideoWidth);
         }},
        {[](const VideoPreset &p) { return !within(p.height, kMinVideoHeight, kMaxVideoHeight) || p.height % 2 != 0; },
         [](const VideoPreset &p) {
             return u"height %1 is not valid; allowed: an even number from %2 to %3"_s
                 .arg(p.height).arg(kMinVideoHeight).arg(kMaxVideoHeight);
         }},
        {[](const VideoPreset &p) { return !within(p.videoKbps, kMinVideoKbps, kMaxVideoKbps); },
         [](const VideoPreset &p) {
             return u"video bitrate %1 kbit/s is not valid; allowed: %2 to %3"_s
                 .arg(p.videoKbps).arg(kMinVideoKbps).arg(kMaxVideoKbps);
         }},
        {[](const VideoPreset &p) { return !within(p.audioKbps, kMinVideoAudioKbps, kMaxVideoAudioKbps); },
         [](const VideoPreset &p) {
             return u"audio bitrate %1 kbit/s is not valid; allowed: %2 to %3"_s
                 .arg(p.audioKbps).arg(kMinVideoAudioKbps).arg(kMaxVideoAudioKbps);
         }},
    };
    return firstBrokenRule<VideoPreset>(kRules, p);
}

} // namespace cairn
