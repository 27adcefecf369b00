#include "hls/HlsVariant.h"

#include "transcode/VideoPreset.h"

#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// H.264 Table A-1, the levels Cairn signals. Frame size in macroblocks, macroblocks per second.
struct LevelLimits
{
    QStringView name;
    int levelIdc;
    qint64 maxFrameMbs;
    qint64 maxMbsPerSecond;
};

constexpr LevelLimits kLevels[] = {
    {u"3.1", 31, 3600, 108000},
    {u"4.0", 40, 8192, 245760},
    {u"4.2", 42, 8704, 522240},
    {u"5.2", 52, 36864, 2073600},
};

constexpr const LevelLimits &kHighestLevel = kLevels[std::size(kLevels) - 1];

// Headroom for 60 fps sources: the encoder keeps the source's frame rate.
constexpr qint64 kFramesPerSecond = 60;

// MPEG-TS packet and PES headers on top of the elementary streams' bitrates.
constexpr qint64 kBitsPerKbpsWithOverhead = 1050;

bool fits(const LevelLimits &level, qint64 widthMbs, qint64 heightMbs)
{
    const qint64 frameMbs = widthMbs * heightMbs;
    // A-3.1 (f): neither side may exceed sqrt(8 * MaxFS) macroblocks.
    const qint64 maxSideSquared = 8 * level.maxFrameMbs;
    return frameMbs <= level.maxFrameMbs && frameMbs * kFramesPerSecond <= level.maxMbsPerSecond
        && widthMbs * widthMbs <= maxSideSquared && heightMbs * heightMbs <= maxSideSquared;
}

} // namespace

int HlsVariant::maxRateKbps() const
{
    return videoKbps * 11 / 10;
}

qint64 HlsVariant::bandwidth() const
{
    if (measuredPeakBps > 0)
        return measuredPeakBps * kBitsPerKbpsWithOverhead / 1000;
    return (qint64(maxRateKbps()) + audioKbps) * kBitsPerKbpsWithOverhead;
}

qint64 HlsVariant::averageBandwidth() const
{
    if (measuredAverageBps > 0)
        return measuredAverageBps * kBitsPerKbpsWithOverhead / 1000;
    return (qint64(videoKbps) + audioKbps) * kBitsPerKbpsWithOverhead;
}

QString h264LevelFor(int width, int height)
{
    const qint64 widthMbs = (qMax(width, 1) + 15) / 16;
    const qint64 heightMbs = (qMax(height, 1) + 15) / 16;
    for (const LevelLimits &level : kLevels)
        if (fits(level, widthMbs, heightMbs))
            return level.name.toString();
    return kHighestLevel.name.toString();
}

QString codecsFor(const QString &h264Level, bool hasAudio)
{
    int levelIdc = kHighestLevel.levelIdc;
    for (const LevelLimits &level : kLevels)
        if (h264Level == level.name)
            levelIdc = level.levelIdc;
    QString codecs = u"avc1.6400"_s + u"%1"_s.arg(levelIdc, 2, 16, QChar(u'0'));
    if (hasAudio)
        codecs += u",mp4a.40.2"_s;
    return codecs;
}

HlsVariant variantFor(const VideoPreset &preset, int width, int height, bool hasAudio)
{
    HlsVariant variant;
    variant.key = QString::number(preset.id);
    variant.name = preset.name;
    variant.width = width;
    variant.height = height;
    variant.videoKbps = preset.videoKbps;
    variant.audioKbps = hasAudio ? preset.audioKbps : 0;
    variant.h264Level = h264LevelFor(width, height);
    variant.codecs = codecsFor(variant.h264Level, hasAudio);
    return variant;
}

} // namespace cairn
