#include "QrCodeImage.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace cairn {

QImage qrCodeImage(const QString &text, int pixelsPerModule)
{
    const QByteArray utf8 = text.toUtf8();
    // Error correction M: survives a smudged screen or a reflection, still small for a URL.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    constexpr int kQuietZone = 4;
    const int modules = code->width + 2 * kQuietZone;
    QImage image(modules * pixelsPerModule, modules * pixelsPerModule, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)   // bit 0: a dark module
                painter.fillRect((x + kQuietZone) * pixelsPerModule, (y + kQuietZone) * pixelsPerModule,
                                 pixelsPerModule, pixelsPerModule, Qt::black);
        }
    }
    return image;
}

} // namespace cairn
