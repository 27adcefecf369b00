#include "hls/VariantLadder.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cairn {
namespace {

struct FrameSize
{
    int width = 0;
    int height = 0;
};

// H.264 with 4:2:0 chroma needs even sides.
int floorEven(int value)
{
    return qMax(2, value - value % 2);
}

int roundEven(double value)
{
    return qMax(2, int(std::lround(value / 2)) * 2);
}

// The catalog may not know a video's size (a probe that found no dimensions). 1280×720 is the
// most common size of home videos and keeps the ladder to sizes every player decodes, without
// announcing 1080p or 4K variants that would only be upscales if the guess is high.
FrameSize knownSize(const VideoSourceFacts &source)
{
    if (source.width <= 0 || source.height <= 0)
        return {1280, 720};
    return {source.width, source.height};
}

// A portrait source is fitted into the box turned on its side: the "1080p" of a 1080×1920
// phone video is 1080×1920, not 608×1080.
FrameSize orientedBox(const VideoPreset &preset, FrameSize source)
{
    const bool portrait = source.height > source.width;
    const bool boxLandscape = preset.width >= preset.height;
    if (portrait && boxLandscape)
        return {preset.height, preset.width};
    return {preset.width, preset.height};
}

// The source scaled into the box, aspect kept, or nullopt when that would enlarge it.
std::optional<FrameSize> fitWithoutUpscale(FrameSize source, FrameSize box)
{
    if (box.width <= 0 || box.height <= 0)
        return std::nullopt;
    const double scale = qMin(double(box.width) / source.width, double(box.height) / source.height);
    if (scale > 1.0)
        return std::nullopt;
    // Rounded sides stay inside both the box and the source.
    const int width = qMin(roundEven(source.width * scale), qMin(floorEven(box.width), floorEven(source.width)));
    const int height = qMin(roundEven(source.height * scale), qMin(floorEven(box.height), floorEven(source.height)));
    return FrameSize{width, height};
}

// Of two variants with the same frame size only the higher bitrate one stays.
void keepBestPerSize(QList<HlsVariant> &variants)
{
    std::stable_sort(variants.begin(), variants.end(), [](const HlsVariant &a, const HlsVariant &b) {
        return a.bandwidth() > b.bandwidth();
    });
    QList<HlsVariant> kept;
    for (const HlsVariant &variant : std::as_const(variants)) {
        const bool taken = std::any_of(kept.cbegin(), kept.cend(), [&](const HlsVariant &k) {
            return k.width == variant.width && k.height == variant.height;
        });
        if (!taken)
            kept.append(variant);
    }
    variants = kept;
}

const VideoPreset &smallestPreset(const QList<VideoPreset> &presets)
{
    return *std::min_element(presets.cbegin(), presets.cend(), [](const VideoPreset &a, const VideoPreset &b) {
        const qint64 areaA = qint64(a.width) * a.height;
        const qint64 areaB = qint64(b.width) * b.height;
        return areaA != areaB ? areaA < areaB : a.videoKbps < b.videoKbps;
    });
}

} // namespace

QList<HlsVariant> variantLadder(const QList<VideoPreset> &presets, const VideoSourceFacts &source)
{
    if (presets.isEmpty())
        return {};
    const FrameSize size = knownSize(source);
    QList<HlsVariant> variants;
    for (const VideoPreset &preset : presets) {
        if (const auto fitted = fitWithoutUpscale(size, orientedBox(preset, size)))
            variants.append(variantFor(preset, fitted->width, fitted->height, source.hasAudio));
    }
    // A source smaller than every box still plays: once, at its own size.
    if (variants.isEmpty())
        variants.append(variantFor(smallestPreset(presets), floorEven(size.width), floorEven(size.height),
                                   source.hasAudio));
    keepBestPerSize(variants);
    std::stable_sort(variants.begin(), variants.end(), [](const HlsVariant &a, const HlsVariant &b) {
        if (a.bandwidth() != b.bandwidth())
            return a.bandwidth() < b.bandwidth();
        return qint64(a.width) * a.height < qint64(b.width) * b.height;
    });
    return variants;
}

std::optional<HlsVariant> topVariant(const QList<VideoPreset> &presets, const VideoSourceFacts &source)
{
    const QList<HlsVariant> ladder = variantLadder(presets, source);
    if (ladder.isEmpty())
        return std::nullopt;
    return ladder.last();
}

} // namespace cairn
