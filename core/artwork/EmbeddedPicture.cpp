#include "artwork/EmbeddedPicture.h"

#include <QFile>

#include <apefile.h>
#include <apetag.h>
#include <asffile.h>
#include <attachedpictureframe.h>
#include <fileref.h>
#include <flacfile.h>
#include <flacpicture.h>
#include <id3v2tag.h>
#include <mp4file.h>
#include <mp4tag.h>
#include <mpcfile.h>
#include <mpegfile.h>
#include <oggflacfile.h>
#include <opusfile.h>
#include <aifffile.h>
#include <trueaudiofile.h>
#include <vorbisfile.h>
#include <wavfile.h>
#include <wavpackfile.h>
#include <xiphcomment.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

namespace {

// A picture found in a tag, still in TagLib's (shared, uncopied) buffer.
struct Candidate
{
    TagLib::ByteVector data;
    QByteArray mimeType;
    bool front = false;
};

// Keeps the first front cover, else the first picture.
class Choice
{
public:
    void offer(const TagLib::ByteVector &data, const QByteArray &mimeType, bool front)
    {
        if (data.isEmpty())
            return;
        if (!m_best || (front && !m_best->front))
            m_best = Candidate{data, mimeType, front};
    }
    const std::optional<Candidate> &best() const { return m_best; }

private:
    std::optional<Candidate> m_best;
};

QByteArray latin1(const TagLib::String &s)
{
    return QByteArray(s.toCString());
}

void fromId3v2(TagLib::ID3v2::Tag *tag, Choice &choice)
{
    if (!tag)
        return;
    const TagLib::ID3v2::FrameList frames = tag->frameListMap()["APIC"];
    for (TagLib::ID3v2::Frame *frame : frames) {
        if (auto *apic = dynamic_cast<TagLib::ID3v2::AttachedPictureFrame *>(frame))
            choice.offer(apic->picture(), latin1(apic->mimeType()),
                         apic->type() == TagLib::ID3v2::AttachedPictureFrame::FrontCover);
    }
}

void fromFlacPictures(const TagLib::List<TagLib::FLAC::Picture *> &pictures, Choice &choice)
{
    for (TagLib::FLAC::Picture *p : pictures)
        choice.offer(p->data(), latin1(p->mimeType()), p->type() == TagLib::FLAC::Picture::FrontCover);
}

void fromXiph(TagLib::Ogg::XiphComment *tag, Choice &choice)
{
    if (tag)
        fromFlacPictures(tag->pictureList(), choice);
}

void fromApe(TagLib::APE::Tag *tag, Choice &choice)
{
    if (!tag)
        return;
    const auto &items = tag->itemListMap();
    const auto it = items.find("COVER ART (FRONT)");
    if (it == items.end())
        return;
    // "<file name>\0<image bytes>"
    const TagLib::ByteVector value = it->second.binaryData();
    const int nul = value.find('\0');
    if (nul >= 0)
        choice.offer(value.mid(uint(nul) + 1), {}, true);
}

void fromMp4(TagLib::MP4::Tag *tag, Choice &choice)
{
    if (!tag || !tag->contains("covr"))
        return;
    const TagLib::MP4::CoverArtList covers = tag->item("covr").toCoverArtList();
    for (const TagLib::MP4::CoverArt &cover : covers) {
        QByteArray mime;
        switch (cover.format()) {
        case TagLib::MP4::CoverArt::JPEG: mime = "image/jpeg"_ba; break;
        case TagLib::MP4::CoverArt::PNG: mime = "image/png"_ba; break;
        case TagLib::MP4::CoverArt::GIF: mime = "image/gif"_ba; break;
        case TagLib::MP4::CoverArt::BMP: mime = "image/bmp"_ba; break;
        default: break;
        }
        choice.offer(cover.data(), mime, false);
    }
}

void fromAsf(TagLib::ASF::Tag *tag, Choice &choice)
{
    if (!tag || !tag->contains("WM/Picture"))
        return;
    const TagLib::ASF::AttributeList attributes = tag->attribute("WM/Picture");
    for (const TagLib::ASF::Attribute &attribute : attributes) {
        const TagLib::ASF::Picture p = attribute.toPicture();
        if (p.isValid())
            choice.offer(p.picture(), latin1(p.mimeType()), p.type() == TagLib::ASF::Picture::FrontCover);
    }
}

std::optional<Candidate> pictureOf(TagLib::File *file)
{
    Choice choice;
    if (auto *f = dynamic_cast<TagLib::MPEG::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), choice);
        fromApe(f->APETag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::FLAC::File *>(file)) {
        fromFlacPictures(f->pictureList(), choice);
        fromXiph(f->xiphComment(), choice);
        fromId3v2(f->ID3v2Tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::MP4::File *>(file)) {
        fromMp4(f->tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::Vorbis::File *>(file)) {
        fromXiph(f->tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::Opus::File *>(file)) {
        fromXiph(f->tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::FLAC::File *>(file)) {
        fromXiph(f->tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::APE::File *>(file)) {
        fromApe(f->APETag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::WavPack::File *>(file)) {
        fromApe(f->APETag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::MPC::File *>(file)) {
        fromApe(f->APETag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::RIFF::WAV::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::RIFF::AIFF::File *>(file)) {
        fromId3v2(f->tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::TrueAudio::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), choice);
    } else if (auto *f = dynamic_cast<TagLib::ASF::File *>(file)) {
        fromAsf(f->tag(), choice);
    }
    return choice.best();
}

} // namespace

bool hasPicture(TagLib::File *file)
{
    return file && pictureOf(file).has_value();
}

PictureRead readPicture(const QString &path, qint64 maxBytes)
{
#ifdef Q_OS_WIN
    const TagLib::FileName fileName(reinterpret_cast<const wchar_t *>(path.utf16()));
#else
    const QByteArray encoded = QFile::encodeName(path);
    const TagLib::FileName fileName(encoded.constData());
#endif
    TagLib::FileRef ref(fileName, false);
    if (ref.isNull() || !ref.file()->isValid())
        return {};
    const auto candidate = pictureOf(ref.file());
    if (!candidate)
        return {};
    if (qint64(candidate->data.size()) > maxBytes)
        return {std::nullopt, true};
    return {Picture{QByteArray(candidate->data.data(), qsizetype(candidate->data.size())),
                    candidate->mimeType},
            false};
}

} // namespace cairn::artwork
