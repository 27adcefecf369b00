#include "transcode/TranscodeQuery.h"

#include "transcode/PresetRules.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr double kMaxUnknownOffset = 86400;

QString value(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

// Plain decimal digits, optionally with a fraction ("12", "12.5"); no sign, exponent or spaces.
std::optional<double> parseSeconds(const QString &text)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    int dots = 0;
    for (QChar c : text) {
        if (c == u'.')
            ++dots;
        else if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    if (dots > 1 || text.startsWith(u'.') || text.endsWith(u'.'))
        return std::nullopt;
    return text.toDouble();
}

std::optional<int> parseKbps(const QString &text)
{
    if (text.isEmpty() || text.size() > 6)
        return std::nullopt;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    return text.toInt();
}

std::variant<Preset, QString> adHocPreset(const QUrlQuery &query)
{
    const auto format = outputFormatFromKey(value(query, u"format"_s));
    if (!format)
        return u"'format' must be one of: %1"_s.arg(outputFormatKeys().join(u", "_s));
    Preset preset;
    preset.name = u"ad hoc"_s;
    preset.format = *format;
    preset.bitrateKbps = infoFor(*format).defaultKbps;
    if (query.hasQueryItem(u"bitrate"_s)) {
        const auto kbps = parseKbps(value(query, u"bitrate"_s));
        if (!kbps || presetError(Preset{0, preset.name, *format, *kbps, 0, 0}))
            return u"'bitrate' for %1 must be (kbit/s): %2"_s.arg(infoFor(*format).key, allowedBitrates(*format));
        preset.bitrateKbps = *kbps;
    }
    return preset;
}

} // namespace

std::variant<TranscodeRequest, QString> parseTranscodeQuery(const QUrlQuery &query, const PresetLookup &findPreset,
                                                            const QStringList &presetNames, double durationSeconds)
{
    const bool hasPreset = query.hasQueryItem(u"preset"_s);
    const bool hasFormat = query.hasQueryItem(u"format"_s);
    const QString presetList = presetNames.join(u", "_s);
    if (hasPreset == hasFormat)
        return u"name either 'preset' (one of: %1) or 'format' (one of: %2), with an optional 'bitrate'"_s
            .arg(presetList, outputFormatKeys().join(u", "_s));
    if (hasPreset && query.hasQueryItem(u"bitrate"_s))
        return u"'bitrate' goes with 'format', not with 'preset'"_s;

    TranscodeRequest request;
    if (hasPreset) {
        const auto preset = findPreset(value(query, u"preset"_s));
        if (!preset)
            return u"'preset' must be one of: %1"_s.arg(presetList);
        request.preset = *preset;
    } else {
        auto preset = adHocPreset(query);
        if (const auto *error = std::get_if<QString>(&preset))
            return *error;
        request.preset = std::get<Preset>(preset);
    }

    if (query.hasQueryItem(u"offset"_s)) {
        const double limit = durationSeconds > 0 ? durationSeconds : kMaxUnknownOffset;
        const auto offset = parseSeconds(value(query, u"offset"_s));
        if (!offset || *offset >= limit)
            return u"'offset' must be a number of seconds from 0 to below %1"_s.arg(limit, 0, 'f', 3);
        request.offsetSeconds = *offset;
    }
    return request;
}

} // namespace cairn
