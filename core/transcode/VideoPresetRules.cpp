#include "transcode/VideoPresetRules.h"

#include "transcode/PresetRules.h"

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
    const QString name = p.name.trimmed();
    if (name.isEmpty())
        return u"a video preset needs a name"_s;
    if (name.size() > kMaxPresetNameLength)
        return u"a preset name has at most %1 characters"_s.arg(kMaxPresetNameLength);
    if (!within(p.width, kMinVideoWidth, kMaxVideoWidth) || p.width % 2 != 0)
        return u"width %1 is not valid; allowed: an even number from %2 to %3"_s
            .arg(p.width).arg(kMinVideoWidth).arg(kMaxVideoWidth);
    if (!within(p.height, kMinVideoHeight, kMaxVideoHeight) || p.height % 2 != 0)
        return u"height %1 is not valid; allowed: an even number from %2 to %3"_s
            .arg(p.height).arg(kMinVideoHeight).arg(kMaxVideoHeight);
    if (!within(p.videoKbps, kMinVideoKbps, kMaxVideoKbps))
        return u"video bitrate %1 kbit/s is not valid; allowed: %2 to %3"_s
            .arg(p.videoKbps).arg(kMinVideoKbps).arg(kMaxVideoKbps);
    if (!within(p.audioKbps, kMinVideoAudioKbps, kMaxVideoAudioKbps))
        return u"audio bitrate %1 kbit/s is not valid; allowed: %2 to %3"_s
            .arg(p.audioKbps).arg(kMinVideoAudioKbps).arg(kMaxVideoAudioKbps);
    return std::nullopt;
}

} // namespace cairn
