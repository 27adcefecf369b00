#include "transcode/VideoPresetRepository.h"

#include "transcode/VideoPresetRules.h"

#include "PresetStoreImpl.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

template<>
struct PresetKind<VideoPreset>
{
    static QString table() { return u"video_presets"_s; }
    static QString noun() { return u"video preset"_s; }
    static QStringList columns()
    {
        return {u"name"_s, u"width"_s, u"height"_s, u"video_bitrate"_s, u"audio_bitrate"_s};
    }
    static QString order() { return u"height, width, name COLLATE NOCASE"_s; }
    static std::optional<QString> ruleError(const VideoPreset &p) { return videoPresetError(p); }

    static QVariantList toRow(const VideoPreset &p) { return {p.name, p.width, p.height, p.videoKbps, p.audioKbps}; }

    static std::optional<VideoPreset> fromRow(const QSqlQuery &q)
    {
        return VideoPreset{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                           q.value(3).toInt(),      q.value(4).toInt(),    q.value(5).toInt()};
    }
};

template class PresetStore<VideoPreset>;

} // namespace cairn
