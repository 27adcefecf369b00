#include "TagLyrics.h"

#include "LyricsCollector.h"
#include "LyricsText.h"
#include "TagLibText.h"

#include <aifffile.h>
#include <apefile.h>
#include <apetag.h>
#include <asffile.h>
#include <flacfile.h>
#include <id3v2tag.h>
#include <mp4file.h>
#include <mp4tag.h>
#include <mpcfile.h>
#include <mpegfile.h>
#include <mpegproperties.h>
#include <oggflacfile.h>
#include <opusfile.h>
#include <speexfile.h>
#include <synchronizedlyricsframe.h>
#include <trueaudiofile.h>
#include <unsynchronizedlyricsframe.h>
#include <vorbisfile.h>
#include <wavfile.h>
#include <wavpackfile.h>
#include <xiphcomment.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn::taglib {

namespace {

using SyltFrame = TagLib::ID3v2::SynchronizedLyricsFrame;

QString languageOf(const TagLib::ByteVector &code)
{
    return QString::fromLatin1(code.data(), qsizetype(code.size()));
}

// SYLT may count time in MPEG frames; their length follows from the stream (0: unknown).
double mpegFrameMs(TagLib::MPEG::File *file)
{
    const TagLib::MPEG::Properties *props = file->audioProperties();
    if (!props || props->sampleRate() <= 0)
        return 0;
    const bool mpeg1 = props->version() == TagLib::MPEG::Header::Version1;
    const int samples = props->layer() == 1 ? 384 : (props->layer() == 3 && !mpeg1) ? 576 : 1152;
    return samples * 1000.0 / props->sampleRate();
}

// TagLib stores SYLT's content type and time unit bytes as they are in the file, so its enums
// may hold any value from 0 to 255: they are taken as integers at once, never kept as enums
// (an out-of-range enum value is undefined behaviour).
bool holdsLyrics(int type)
{
    return type == SyltFrame::Lyrics || type == SyltFrame::TextTranscription || type == SyltFrame::Other;
}

void fromSylt(const SyltFrame &frame, double frameMs, LyricsCollector &lyrics)
{
    if (!holdsLyrics(int(frame.type())))
        return;   // chords, events, trivia, URLs
    const QString language = languageOf(frame.language());
    const QString description = toQString(frame.description());
    double msPerUnit = 0;
    const int unit = int(frame.timestampFormat());
    if (unit == SyltFrame::AbsoluteMilliseconds)
        msPerUnit = 1;
    else if (unit == SyltFrame::AbsoluteMpegFrames)
        msPerUnit = frameMs;
    const SyltFrame::SynchedTextList texts = frame.synchedText();
    if (msPerUnit <= 0) {
        // Times in no unit we can convert: the words are still worth showing, unsynced.
        QString text;
        for (const SyltFrame::SynchedText &piece : texts)
            text += toQString(piece.text);
        lyrics.addText(text, language, description);
        return;
    }
    QList<LyricLine> pieces;
    pieces.reserve(qsizetype(texts.size()));
    for (const SyltFrame::SynchedText &piece : texts)
        pieces.append({qint64(piece.time * msPerUnit + 0.5), toQString(piece.text)});
    lyrics.add(lyrics::fromTimedPieces(pieces, language, description));
}

void fromId3v2(TagLib::ID3v2::Tag *tag, double frameMs, LyricsCollector &lyrics)
{
    if (!tag)
        return;
    const TagLib::ID3v2::FrameListMap &frames = tag->frameListMap();
    if (const auto uslt = frames.find("USLT"); uslt != frames.end()) {
        for (TagLib::ID3v2::Frame *frame : uslt->second) {
            if (const auto *f = dynamic_cast<TagLib::ID3v2::UnsynchronizedLyricsFrame *>(frame))
                lyrics.addText(toQString(f->text()), languageOf(f->language()), toQString(f->description()));
        }
    }
    if (const auto sylt = frames.find("SYLT"); sylt != frames.end()) {
        for (TagLib::ID3v2::Frame *frame : sylt->second) {
            if (const auto *f = dynamic_cast<SyltFrame *>(frame))
                fromSylt(*f, frameMs, lyrics);
        }
    }
}

void fromXiph(TagLib::Ogg::XiphComment *tag, LyricsCollector &lyrics)
{
    if (!tag)
        return;
    const TagLib::Ogg::FieldListMap &fields = tag->fieldListMap();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const auto key = lyrics::lyricsKey(toQString(it->first));
        if (!key)
            continue;
        for (const TagLib::String &value : it->second)
            lyrics.addText(toQString(value), key->language, key->description);
    }
}

void fromApe(TagLib::APE::Tag *tag, LyricsCollector &lyrics)
{
    if (!tag)
        return;
    const TagLib::APE::ItemListMap &items = tag->itemListMap();   // keys in upper case
    for (const char *name : {"LYRICS", "UNSYNCEDLYRICS"}) {
        const auto it = items.find(name);
        if (it == items.end() || it->second.type() != TagLib::APE::Item::Text)
            continue;
        for (const TagLib::String &value : it->second.values())
            lyrics.addText(toQString(value), {}, {});
    }
}

void fromMp4(TagLib::MP4::Tag *tag, LyricsCollector &lyrics)
{
    if (!tag || !tag->contains("\251lyr"))
        return;
    for (const TagLib::String &value : tag->item("\251lyr").toStringList())
        lyrics.addText(toQString(value), {}, {});
}

void fromAsf(TagLib::ASF::Tag *tag, LyricsCollector &lyrics)
{
    if (!tag)
        return;
    const TagLib::ASF::AttributeListMap &attributes = tag->attributeListMap();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        // WM/Lyrics, or FFmpeg's own "lyrics" attribute in files it wrote.
        const QString name = toQString(it->first);
        const auto key = name == u"WM/Lyrics"_s ? std::optional(lyrics::LyricsKey{}) : lyrics::lyricsKey(name);
        if (!key)
            continue;
        for (const TagLib::ASF::Attribute &attribute : it->second) {
            if (attribute.type() == TagLib::ASF::Attribute::UnicodeType)
                lyrics.addText(toQString(attribute.toString()), key->language, key->description);
        }
    }
}

} // namespace

void collectLyrics(TagLib::File *file, LyricsCollector &lyrics)
{
    if (auto *f = dynamic_cast<TagLib::MPEG::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), mpegFrameMs(f), lyrics);
        fromApe(f->APETag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::FLAC::File *>(file)) {
        fromXiph(f->xiphComment(), lyrics);
        fromId3v2(f->ID3v2Tag(), 0, lyrics);
    } else if (auto *f = dynamic_cast<TagLib::MP4::File *>(file)) {
        fromMp4(f->tag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::Vorbis::File *>(file)) {
        fromXiph(f->tag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::Opus::File *>(file)) {
        fromXiph(f->tag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::FLAC::File *>(file)) {
        fromXiph(f->tag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::Ogg::Speex::File *>(file)) {
        fromXiph(f->tag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::APE::File *>(file)) {
        fromApe(f->APETag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::WavPack::File *>(file)) {
        fromApe(f->APETag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::MPC::File *>(file)) {
        fromApe(f->APETag(), lyrics);
    } else if (auto *f = dynamic_cast<TagLib::RIFF::WAV::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), 0, lyrics);
    } else if (auto *f = dynamic_cast<TagLib::RIFF::AIFF::File *>(file)) {
        fromId3v2(f->tag(), 0, lyrics);
    } else if (auto *f = dynamic_cast<TagLib::TrueAudio::File *>(file)) {
        fromId3v2(f->ID3v2Tag(), 0, lyrics);
    } else if (auto *f = dynamic_cast<TagLib::ASF::File *>(file)) {
        fromAsf(f->tag(), lyrics);
    }
}

} // namespace cairn::taglib
