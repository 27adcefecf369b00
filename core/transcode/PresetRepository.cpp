#include "transcode/PresetRepository.h"

#include "transcode/PresetRules.h"

#include "PresetStoreImpl.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

template<>
struct PresetKind<Preset>
{
    static QString table() { return u"presets"_s; }
    static QString noun() { return u"preset"_s; }
    static QStringList columns() { return {u"name"_s, u"format"_s, u"bitrate"_s, u"sample_rate"_s, u"channels"_s}; }
    static QString order() { return u"name COLLATE NOCASE"_s; }
    static std::optional<QString> ruleError(const Preset &p) { return presetError(p); }

    static QVariantList toRow(const Preset &p)
    {
        return {p.name, infoFor(p.format).key, p.bitrateKbps, p.sampleRate, p.channels};
    }

    // A row with a format this build does not know is skipped, not guessed.
    static std::optional<Preset> fromRow(const QSqlQuery &q)
    {
        const auto format = outputFormatFromKey(q.value(2).toString());
        if (!format) {
            qCWarning(lcTranscode) << "preset" << q.value(1).toString() << "has an unknown format; ignored";
            return std::nullopt;
        }
        return Preset{q.value(0).toLongLong(), q.value(1).toString(), *format, q.value(3).toInt(),
                      q.value(4).toInt(), q.value(5).toInt()};
    }
};

template class PresetStore<Preset>;

} // namespace cairn
