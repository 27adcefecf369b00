#include "TagLibReader.h"

#include "artwork/EmbeddedPicture.h"

#include "LyricsCollector.h"
#include "TagFields.h"
#include "TagLibText.h"
#include "TagLyrics.h"

#include <QFile>
#include <QFileInfo>

#include <aifffile.h>
#include <apefile.h>
#include <asffile.h>
#include <audioproperties.h>
#include <fileref.h>
#include <flacfile.h>
#include <mp4file.h>
#include <mp4properties.h>
#include <mpcfile.h>
#include <mpegfile.h>
#include <oggflacfile.h>
#include <opusfile.h>
#include <speexfile.h>
#include <tpropertymap.h>
#include <trueaudiofile.h>
#include <vorbisfile.h>
#include <wavfile.h>
#include <wavpackfile.h>

using namespace Qt::Literals::StringLiterals;

namespace cairn::taglib {

namespace {

QString codecOf(TagLib::File *file, const QString &format)
{
    if (dynamic_cast<TagLib::MPEG::File *>(file))
        return u"mp3"_s;
    if (dynamic_cast<TagLib::FLAC::File *>(file) || dynamic_cast<TagLib::Ogg::FLAC::File *>(file))
        return u"flac"_s;
    if (dynamic_cast<TagLib::Ogg::Vorbis::File *>(file))
        return u"vorbis"_s;
    if (dynamic_cast<TagLib::Ogg::Opus::File *>(file))
        return u"opus"_s;
    if (dynamic_cast<TagLib::Ogg::Speex::File *>(file))
        return u"speex"_s;
    if (auto *mp4 = dynamic_cast<TagLib::MP4::File *>(file)) {
        const auto *props = mp4->audioProperties();
        return props && props->codec() == TagLib::MP4::Properties::ALAC ? u"alac"_s : u"aac"_s;
    }
    if (dynamic_cast<TagLib::RIFF::WAV::File *>(file) || dynamic_cast<TagLib::RIFF::AIFF::File *>(file))
        return u"pcm"_s;
    if (dynamic_cast<TagLib::WavPack::File *>(file))
        return u"wavpack"_s;
    if (dynamic_cast<TagLib::ASF::File *>(file))
        return u"wma"_s;
    if (dynamic_cast<TagLib::APE::File *>(file))
        return u"ape"_s;
    if (dynamic_cast<TagLib::MPC::File *>(file))
        return u"musepack"_s;
    if (dynamic_cast<TagLib::TrueAudio::File *>(file))
        return u"tta"_s;
    return format;
}

} // namespace

std::optional<TagLibRead> read(const QString &path)
{
#ifdef Q_OS_WIN
    const TagLib::FileName fileName(reinterpret_cast<const wchar_t *>(path.utf16()));
#else
    const QByteArray encoded = QFile::encodeName(path);
    const TagLib::FileName fileName(encoded.constData());
#endif
    TagLib::FileRef ref(fileName, true, TagLib::AudioProperties::Average);
    if (ref.isNull() || !ref.file()->isValid())
        return std::nullopt;
    const TagLib::AudioProperties *props = ref.audioProperties();
    if (!props || props->lengthInMilliseconds() <= 0 || props->sampleRate() <= 0)
        return std::nullopt;

    Track track;
    track.path = path;
    track.kind = MediaKind::Audio;
    track.format = QFileInfo(path).suffix().toLower();
    track.codec = codecOf(ref.file(), track.format);
    track.durationMs = props->lengthInMilliseconds();
    track.bitrate = props->bitrate();
    track.sampleRate = props->sampleRate();
    track.channels = props->channels();
    track.embeddedArt = artwork::hasPicture(ref.file()) ? EmbeddedArt::Picture : EmbeddedArt::None;

    const TagLib::PropertyMap tags = ref.file()->properties();
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (!it->second.isEmpty())
            applyTag(track, toQString(it->first), toQString(it->second.front()));
    }
    LyricsCollector lyrics(path);
    collectLyrics(ref.file(), lyrics);
    return TagLibRead{track, lyrics.lyrics()};
}

} // namespace cairn::taglib
