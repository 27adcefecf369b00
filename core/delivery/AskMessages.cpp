#include "AskMessages.h"

#include "transcode/PresetRules.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::ask {

QString eitherPresetOrFormat(const QStringList &presetNames)
{
    return u"name either 'preset' (one of: %1) or 'format' (one of: %2), with an optional 'bitrate'"_s.arg(
        presetNames.join(u", "_s), outputFormatKeys().join(u", "_s));
}

QString bitrateWithPreset()
{
    return u"'bitrate' goes with 'format', not with 'preset'"_s;
}

QString unknownPreset(const QStringList &presetNames)
{
    return u"'preset' must be one of: %1"_s.arg(presetNames.join(u", "_s));
}

QString unknownFormat()
{
    return u"'format' must be one of: %1"_s.arg(outputFormatKeys().join(u", "_s));
}

QString badBitrate(OutputFormat format)
{
    return u"'bitrate' for %1 must be (kbit/s): %2"_s.arg(infoFor(format).key, allowedBitrates(format));
}

QString badOffset(double limitSeconds)
{
    return u"'offset' must be a number of seconds from 0 to below %1"_s.arg(limitSeconds, 0, 'f', 3);
}

} // namespace cairn::ask
