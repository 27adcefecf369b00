#pragma once
// Decodes an image within strict limits and scales it to fit a square, keeping its aspect:
// a JPEG, or a PNG when the image has transparency. Dimensions are checked from the header
// before any pixel is decoded, so a file claiming 60000×60000 pixels costs nothing.

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

namespace cairn::artwork {

struct EncodedImage
{
    QByteArray data;
    QByteArray mimeType;   // "image/jpeg", "image/png", …
    QSize size;            // pixels; invalid when only the type is known (e.g. WebP without a codec)
};

struct ImageCheck
{
    std::optional<EncodedImage> image;   // the input, with its type and size (data shared)
    QString error;                       // why the bytes are not a usable image
};

struct ResizeResult
{
    std::optional<EncodedImage> image;
    QString error;
};

class ImageResizer
{
public:
    static constexpr int kMaxSide = 16384;             // either dimension
    static constexpr qint64 kMaxPixels = 64LL << 20;   // 64 Mpx, 256 MiB as 32-bit pixels
    static constexpr int kAllocationLimitMiB = 300;    // QImageReader's own guard above that

    // Installs the process-wide QImageReader allocation limit (idempotent).
    static void installLimits();

    // Identifies the image from its header: type and dimensions, no pixel decoding.
    static ImageCheck inspect(const QByteArray &data);
    // Scales into a maxSide×maxSide square (never enlarges), smoothly.
    static ResizeResult resize(const QByteArray &data, int maxSide);
};

} // namespace cairn::artwork
