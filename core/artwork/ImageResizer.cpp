#include "ImageResizer.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

namespace {

constexpr int kJpegQuality = 85;

QByteArray mimeTypeOf(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return "image/jpeg"_ba;
    if (format == "png" || format == "gif" || format == "bmp" || format == "webp")
        return "image/"_ba + format;
    return {};
}

// Formats Qt may lack a plugin for, recognised by their signature.
QByteArray sniffMimeType(const QByteArray &data)
{
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return "image/webp"_ba;
    return {};
}

bool hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(line[x]) < 255)
                return true;
    }
    return false;
}

QString sizeError(const QSize &size)
{
    if (!size.isValid() || size.isEmpty())
        return u"the image has no readable dimensions"_s;
    if (size.width() > ImageResizer::kMaxSide || size.height() > ImageResizer::kMaxSide
        || qint64(size.width()) * size.height() > ImageResizer::kMaxPixels)
        return u"the image claims %1×%2 pixels, more than allowed"_s.arg(size.width()).arg(size.height());
    return {};
}

} // namespace

void ImageResizer::installLimits()
{
    QImageReader::setAllocationLimit(kAllocationLimitMiB);
}

ImageCheck ImageResizer::inspect(const QByteArray &data)
{
    if (data.isEmpty())
        return {std::nullopt, u"empty image"_s};
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray mime = mimeTypeOf(reader.format());
    if (mime.isEmpty()) {
        const QByteArray sniffed = sniffMimeType(data);
        if (!sniffed.isEmpty())
            return {EncodedImage{data, sniffed, {}}, {}};
        return {std::nullopt, u"not an image of a known type"_s};
    }
    const QSize size = reader.size();
    if (const QString error = sizeError(size); !error.isEmpty())
        return {std::nullopt, error};
    return {EncodedImage{data, mime, size}, {}};
}

ResizeResult ImageResizer::resize(const QByteArray &data, int maxSide)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (reader.format().isEmpty())
        return {std::nullopt, u"not an image of a known type"_s};
    const QSize source = reader.size();
    if (const QString error = sizeError(source); !error.isEmpty())
        return {std::nullopt, error};

    QSize target = source;
    if (source.width() > maxSide || source.height() > maxSide)
        target = source.scaled(maxSide, maxSide, Qt::KeepAspectRatio).expandedTo({1, 1});
    if (target != source) {
        // Decoders that can (JPEG) decode straight at a reduced scale: far less memory and time.
        reader.setScaledSize(target);
        reader.setQuality(75);
    }
    QImage image = reader.read();
    if (image.isNull())
        return {std::nullopt, u"the image cannot be decoded: %1"_s.arg(reader.errorString())};
    if (image.width() > maxSide || image.height() > maxSide)
        image = image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    EncodedImage out;
    out.size = image.size();
    QBuffer encoded(&out.data);
    encoded.open(QIODevice::WriteOnly);
    if (hasTransparency(image)) {
        out.mimeType = "image/png"_ba;
        QImageWriter writer(&encoded, "png");
        if (!writer.write(image))
            return {std::nullopt, u"cannot encode PNG: %1"_s.arg(writer.errorString())};
    } else {
        out.mimeType = "image/jpeg"_ba;
        QImageWriter writer(&encoded, "jpeg");
        writer.setQuality(kJpegQuality);
        writer.setOptimizedWrite(true);
        if (!writer.write(image.convertToFormat(QImage::Format_RGB32)))
            return {std::nullopt, u"cannot encode JPEG: %1"_s.arg(writer.errorString())};
    }
    encoded.close();
    return {out, {}};
}

} // namespace cairn::artwork
