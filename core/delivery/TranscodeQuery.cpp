#include "delivery/TranscodeQuery.h"

#include "delivery/StartOffset.h"
#include "transcode/PresetRules.h"

#include "AskMessages.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString value(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
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

} // namespace

Result<MediaAsk> readTranscodeQuery(const QUrlQuery &query, const QStringList &presetNames)
{
    const bool hasPreset = query.hasQueryItem(u"preset"_s);
    const bool hasFormat = query.hasQueryItem(u"format"_s);
    if (hasPreset == hasFormat)
        return DomainError::invalid(ask::eitherPresetOrFormat(presetNames), presetNames);
    if (hasPreset && query.hasQueryItem(u"bitrate"_s))
        return DomainError::invalid(ask::bitrateWithPreset());

    MediaAsk ask;
    if (hasPreset) {
        ask.preset = value(query, u"preset"_s);
        if (ask.preset.isEmpty())   // not the original file: no preset has an empty name
            return DomainError::invalid(ask::unknownPreset(presetNames), presetNames);
    } else {
        ask.format = outputFormatFromKey(value(query, u"format"_s));
        if (!ask.format)
            return DomainError::invalid(ask::unknownFormat(), outputFormatKeys());
        if (query.hasQueryItem(u"bitrate"_s)) {
            const auto kbps = parseKbps(value(query, u"bitrate"_s));
            if (!kbps || presetError(Preset{0, u"ad hoc"_s, *ask.format, *kbps, 0, 0}))
                return DomainError::invalid(ask::badBitrate(*ask.format));
            ask.bitrateKbps = *kbps;
        }
    }

    if (query.hasQueryItem(u"offset"_s)) {
        // The bound is the track's duration, which the planner knows: it refuses NaN with it.
        const auto offset = parseOffsetSeconds(value(query, u"offset"_s));
        ask.offsetSeconds = offset ? *offset : std::numeric_limits<double>::quiet_NaN();
    }
    return ask;
}

} // namespace cairn
