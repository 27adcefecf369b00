#include "ArtworkFixtures.h"

#include "http/HttpExchange.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMutex>
#include <QPainter>
#include <QProcess>
#include <QtEndian>

#include <apefile.h>
#include <apetag.h>
#include <attachedpictureframe.h>
#include <fileref.h>
#include <flacfile.h>
#include <flacpicture.h>
#include <id3v2tag.h>
#include <mpegfile.h>
#include <opusfile.h>
#include <vorbisfile.h>
#include <wavpackfile.h>
#include <xiphcomment.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

QByteArray makeImage(int width, int height, const char *format, const QColor &color, bool transparent)
{
    QImage image(width, height, transparent ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(color);
    if (transparent) {
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        painter.fillRect(0, 0, width / 2, height, Qt::transparent);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

namespace {

// PNG's CRC-32 (ISO 3309), so libpng accepts the header and reads the claimed size.
quint32 crc32Of(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

} // namespace

QByteArray pngClaiming(quint32 width, quint32 height)
{
    auto chunk = [](const QByteArray &type, const QByteArray &payload) -> QByteArray {
        QByteArray out(4, '\0');
        qToBigEndian<quint32>(quint32(payload.size()), out.data());
        const QByteArray body = type + payload;
        QByteArray crc(4, '\0');
        qToBigEndian<quint32>(crc32Of(body), crc.data());
        return out + body + crc;
    };
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8;   // bit depth
    ihdr[9] = 6;   // RGBA
    return "\x89PNG\r\n\x1a\n"_ba + chunk("IHDR"_ba, ihdr) + chunk("IDAT"_ba, QByteArray(64, 'x'))
           + chunk("IEND"_ba, {});
}

QSize imageSize(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QImage image = reader.read();
    return image.isNull() ? QSize() : image.size();
}

QString embedWithFfmpeg(const QString &audio, const QString &cover, const QString &out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"ffmpeg"_s, {u"-nostdin"_s, u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-y"_s,
                          u"-i"_s, audio, u"-i"_s, cover, u"-map"_s, u"0"_s, u"-map"_s, u"1"_s,
                          u"-c"_s, u"copy"_s, u"-disposition:v"_s, u"attached_pic"_s, out});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAll()) + u" (ffmpeg failed)"_s;
    return {};
}

namespace {

TagLib::ByteVector toVector(const QByteArray &data)
{
    return TagLib::ByteVector(data.constData(), uint(data.size()));
}

TagLib::FLAC::Picture *flacPicture(const TaggedPicture &p)
{
    auto *picture = new TagLib::FLAC::Picture;
    picture->setType(p.front ? TagLib::FLAC::Picture::FrontCover : TagLib::FLAC::Picture::BackCover);
    picture->setMimeType("image/jpeg");
    picture->setData(toVector(p.data));
    return picture;
}

} // namespace

bool embedWithTagLib(const QString &path, PictureTag tag, const QList<TaggedPicture> &pictures)
{
    const QByteArray name = QFile::encodeName(path);
    switch (tag) {
    case PictureTag::Xiph: {
        TagLib::FileRef ref(name.constData(), false);
        TagLib::Ogg::XiphComment *comment = nullptr;
        if (auto *vorbis = dynamic_cast<TagLib::Ogg::Vorbis::File *>(ref.file()))
            comment = vorbis->tag();
        else if (auto *opus = dynamic_cast<TagLib::Ogg::Opus::File *>(ref.file()))
            comment = opus->tag();
        if (!comment)
            return false;
        for (const TaggedPicture &p : pictures)
            comment->addPicture(flacPicture(p));
        return ref.save();
    }
    case PictureTag::Flac: {
        TagLib::FLAC::File file(name.constData(), false);
        for (const TaggedPicture &p : pictures)
            file.addPicture(flacPicture(p));
        return file.isValid() && file.save();
    }
    case PictureTag::Ape: {
        TagLib::WavPack::File file(name.constData(), false);
        if (!file.isValid() || pictures.isEmpty())
            return false;
        file.APETag(true)->setData("Cover Art (Front)",
                                   toVector("cover.jpg"_ba + '\0' + pictures.constFirst().data));
        return file.save();
    }
    case PictureTag::Id3v2: {
        TagLib::MPEG::File file(name.constData(), false);
        if (!file.isValid())
            return false;
        for (const TaggedPicture &p : pictures) {
            auto *frame = new TagLib::ID3v2::AttachedPictureFrame;
            frame->setMimeType("image/jpeg");
            frame->setType(p.front ? TagLib::ID3v2::AttachedPictureFrame::FrontCover
                                   : TagLib::ID3v2::AttachedPictureFrame::BackCover);
            frame->setPicture(toVector(p.data));
            file.ID3v2Tag(true)->addFrame(frame);
        }
        return file.save();
    }
    }
    return false;
}

ArtworkBackend::ArtworkBackend() : m_visibility(std::make_shared<Visibility>(Visibility::everything())) {}

namespace {
QMutex visibilityMutex;
}

void ArtworkBackend::setVisibility(const Visibility &visibility)
{
    QMutexLocker lock(&visibilityMutex);
    *m_visibility = visibility;
}

QString ArtworkBackend::start(qint64 cacheBytes)
{
    TestServerOptions options;
    options.artwork = true;
    options.artworkCacheBytes = cacheBytes;
    options.guard = [visibility = m_visibility](const Route &, HttpExchange &ex) {
        Identity identity;
        identity.userId = 1;
        identity.name = u"tester"_s;
        QMutexLocker lock(&visibilityMutex);
        identity.visibility = *visibility;
        ex.setIdentity(identity);
        return true;
    };
    return TestServer::start(options);
}

} // namespace cairn::test
