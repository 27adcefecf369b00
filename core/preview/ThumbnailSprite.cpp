#include "preview/ThumbnailSprite.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPainter>

#include <cmath>

namespace cairn {
namespace {

constexpr int kJpegQuality = 80;
constexpr int kMinTileWidth = 16;

int evenHeightFor(int width, int sourceWidth, int sourceHeight)
{
    const double height = double(width) * sourceHeight / sourceWidth;
    return qMax(2, int(std::lround(height / 2.0)) * 2);
}

} // namespace

SpriteLayout spriteLayout(int count, int width, int sourceWidth, int sourceHeight)
{
    if (sourceWidth <= 0 || sourceHeight <= 0) {
        sourceWidth = 16;
        sourceHeight = 9;
    }
    SpriteLayout layout;
    layout.count = qMax(1, count);
    layout.columns = int(std::ceil(std::sqrt(double(layout.count))));
    layout.rows = (layout.count + layout.columns - 1) / layout.columns;
    // Largest width whose whole grid stays within the pixel budget, kept even like ffmpeg's.
    const double cells = double(layout.columns) * layout.rows;
    const int fitting = int(std::floor(std::sqrt(double(kMaxSpritePixels) * sourceWidth / (sourceHeight * cells))));
    layout.tileWidth = qMax(kMinTileWidth, qMin(width, fitting) / 2 * 2);
    layout.tileHeight = evenHeightFor(layout.tileWidth, sourceWidth, sourceHeight);
    // The even rounding of the height may overshoot the budget by a little.
    while (layout.tileWidth > kMinTileWidth && layout.width() * layout.height() > kMaxSpritePixels) {
        layout.tileWidth -= 2;
        layout.tileHeight = evenHeightFor(layout.tileWidth, sourceWidth, sourceHeight);
    }
    return layout;
}

QList<qint64> spriteTimes(qint64 durationMs, int count)
{
    QList<qint64> times;
    for (int i = 0; i < count; ++i)
        times.append(qMax<qint64>(0, durationMs) * i / qMax(1, count));
    return times;
}

QByteArray composeSprite(const SpriteLayout &layout, const QList<QByteArray> &thumbnails)
{
    QImage sprite(int(layout.width()), int(layout.height()), QImage::Format_RGB888);
    if (sprite.isNull())
        return {};
    sprite.fill(Qt::black);
    int drawn = 0;
    {
        QPainter painter(&sprite);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        for (int i = 0; i < qMin(layout.count, int(thumbnails.size())); ++i) {
            const QImage tile = QImage::fromData(thumbnails.at(i), "JPEG");
            if (tile.isNull())
                continue;
            const QSize fitted = tile.size().scaled(layout.tileWidth, layout.tileHeight, Qt::KeepAspectRatio);
            const int x = (i % layout.columns) * layout.tileWidth + (layout.tileWidth - fitted.width()) / 2;
            const int y = (i / layout.columns) * layout.tileHeight + (layout.tileHeight - fitted.height()) / 2;
            painter.drawImage(QRect(QPoint(x, y), fitted), tile);
            ++drawn;
        }
    }
    if (drawn == 0)
        return {};
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(kJpegQuality);
    if (!writer.write(sprite))
        return {};
    return jpeg;
}

} // namespace cairn
