#include "transcode/PresetRules.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QString joined(const QList<int> &values)
{
    QStringList parts;
    for (int v : values)
        parts << QString::number(v);
    return parts.join(u", "_s);
}

bool bitrateAllowed(const OutputFormatInfo &info, int kbps)
{
    if (info.lossless)
        return kbps == 0;
    if (!info.kbpsSteps.isEmpty())
        return info.kbpsSteps.contains(kbps);
    return kbps >= info.minKbps && kbps <= info.maxKbps;
}

} // namespace

QString allowedBitrates(OutputFormat format)
{
    const OutputFormatInfo &info = infoFor(format);
    if (info.lossless)
        return u"none (lossless: 0)"_s;
    if (!info.kbpsSteps.isEmpty())
        return joined(info.kbpsSteps);
    return u"%1 to %2"_s.arg(info.minKbps).arg(info.maxKbps);
}

QString allowedSampleRates(OutputFormat format)
{
    return u"0 (the source's), "_s + joined(infoFor(format).sampleRates);
}

std::optional<QString> presetError(const Preset &p)
{
    static const PresetRule<Preset> kRules[] = {
        {presetNameMissing<Preset>, [](const Preset &) { return u"a preset needs a name"_s; }},
        {presetNameTooLong<Preset>, presetNameTooLongMessage<Preset>},
        {[](const Preset &p) { return !bitrateAllowed(infoFor(p.format), p.bitrateKbps); },
         [](const Preset &p) {
             return u"bitrate %1 kbit/s is not valid for %2; allowed: %3"_s
                 .arg(p.bitrateKbps).arg(infoFor(p.format).key, allowedBitrates(p.format));
         }},
        {[](const Preset &p) { return p.sampleRate != 0 && !infoFor(p.format).sampleRates.contains(p.sampleRate); },
         [](const Preset &p) {
             return u"sample rate %1 Hz is not valid for %2; allowed: %3"_s
                 .arg(p.sampleRate).arg(infoFor(p.format).key, allowedSampleRates(p.format));
         }},
        // MPEG-2 layer III (below 32 kHz) stops at 160 kbit/s.
        {[](const Preset &p) {
             return p.format == OutputFormat::Mp3 && p.sampleRate != 0 && p.sampleRate < 32000 && p.bitrateKbps > 160;
         },
         [](const Preset &) { return u"MP3 below 32000 Hz allows at most 160 kbit/s"_s; }},
        {[](const Preset &p) { return p.channels < 0 || p.channels > infoFor(p.format).maxChannels; },
         [](const Preset &p) {
             return u"%1 channels is not valid for %2; allowed: 0 (the source's) to %3"_s
                 .arg(p.channels).arg(infoFor(p.format).key).arg(infoFor(p.format).maxChannels);
         }},
    };
    return firstBrokenRule<Preset>(kRules, p);
}

int bitrateAtMost(OutputFormat format, int kbps)
{
    const OutputFormatInfo &info = infoFor(format);
    if (info.lossless)
        return 0;
    if (!info.kbpsSteps.isEmpty()) {
        int best = 0;
        for (int step : info.kbpsSteps)
            if (step <= kbps)
                best = step;
        return best;
    }
    return kbps < info.minKbps ? 0 : qMin(kbps, info.maxKbps);
}

Preset cappedPreset(const Preset &preset, int maxKbps)
{
    if (maxKbps <= 0)
        return preset;
    const OutputFormatInfo &info = infoFor(preset.format);
    if (!info.lossless && preset.bitrateKbps <= maxKbps)
        return preset;
    Preset capped = preset;
    capped.id = 0;
    if (info.lossless || bitrateAtMost(preset.format, maxKbps) == 0) {
        capped.format = OutputFormat::Mp3;
        capped.sampleRate = 0;
        capped.channels = qMin(capped.channels, 2);
    }
    capped.bitrateKbps = qMax(bitrateAtMost(capped.format, maxKbps), infoFor(capped.format).kbpsSteps.value(0, 32));
    return capped;
}

} // namespace cairn
