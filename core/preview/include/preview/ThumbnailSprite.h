#pragma once
// A sprite of thumbnails: N pictures at evenly spaced times laid out row by row in one JPEG
// grid of ceil(sqrt(N)) columns, for scrub-bar previews. The layout is pure arithmetic, so the
// JSON that describes a sprite and the sprite itself always agree.

#include <QByteArray>
#include <QList>

namespace cairn {

struct SpriteLayout
{
    int count = 0;
    int columns = 0;
    int rows = 0;
    int tileWidth = 0;
    int tileHeight = 0;

    qint64 width() const { return qint64(columns) * tileWidth; }
    qint64 height() const { return qint64(rows) * tileHeight; }
};

// The grid for `count` tiles of `width` pixels (fewer when the whole sprite would exceed
// kMaxSpritePixels) of a video of sourceWidth × sourceHeight (unknown: 16:9).
SpriteLayout spriteLayout(int count, int width, int sourceWidth, int sourceHeight);
inline constexpr qint64 kMaxSpritePixels = 16LL << 20;

// Tile i shows the time i × duration / count, in milliseconds.
QList<qint64> spriteTimes(qint64 durationMs, int count);

// Draws each JPEG into its tile (scaled to fit, centred on black; an undecodable or missing
// one leaves its tile black) and encodes the grid as JPEG. Empty when nothing decodes.
QByteArray composeSprite(const SpriteLayout &layout, const QList<QByteArray> &thumbnails);

} // namespace cairn
