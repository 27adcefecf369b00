#include "dlna/DlnaProfile.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {
namespace {

// DLNA.ORG_FLAGS primary bits (DLNA guidelines 7.4.1.3.24; the same values GUPnP-AV names).
constexpr quint32 kStreamingTransferMode = 1u << 24;
constexpr quint32 kBackgroundTransferMode = 1u << 22;
constexpr quint32 kConnectionStall = 1u << 21;   // the server holds a paused connection open
constexpr quint32 kDlnaV15 = 1u << 20;

// Audio and video go out streamed (a renderer plays while it reads) or downloaded in the
// background; Interactive is the images' mode, so it is not claimed.
constexpr quint32 kMediaFlags = kStreamingTransferMode | kBackgroundTransferMode | kConnectionStall | kDlnaV15;

bool isStereoAtMost(int channels)
{
    return channels == 1 || channels == 2;
}

// MP3 is MPEG-1 Layer III at 32/44.1/48 kHz; MP3X adds MPEG-2's half rates. MPEG-2.5's
// quarter rates have no profile. Mono or stereo only.
QByteArray mp3Profile(int sampleRate, int channels)
{
    if (!isStereoAtMost(channels))
        return {};
    switch (sampleRate) {
    case 32000:
    case 44100:
    case 48000:
        return "MP3"_ba;
    case 16000:
    case 22050:
    case 24000:
        return "MP3X"_ba;
    default:
        return {};
    }
}

// AAC LC in an MP4 ("ISO") or ADTS container: the _320 profile for stereo up to 320 kbit/s,
// the plain one up to 576 kbit/s, MULT5 for up to 5.1 channels. An unknown bitrate takes the
// plain profile, which holds every stereo AAC LC Cairn's catalog and encoder produce.
QByteArray aacProfile(int bitrateKbps, int sampleRate, int channels, const QByteArray &container)
{
    if (sampleRate < 8000 || sampleRate > 48000 || channels <= 0)
        return {};
    if (channels <= 2) {
        if (bitrateKbps > 0 && bitrateKbps <= 320)
            return "AAC_" + container + "_320";
        if (bitrateKbps <= 576)
            return "AAC_" + container;
        return {};
    }
    if (channels <= 6 && bitrateKbps <= 1440)
        return "AAC_MULT5_" + container;
    return {};
}

// WMA standard (wmav1/wmav2) only: WMABASE up to 192 kbit/s, WMAFULL up to 385, both at most
// 48 kHz stereo. WMA Pro and Lossless are other profiles the catalog cannot tell apart.
QByteArray wmaProfile(const Track &track)
{
    if (track.codec != u"wmav1"_s && track.codec != u"wmav2"_s)
        return {};
    if (track.sampleRate <= 0 || track.sampleRate > 48000 || !isStereoAtMost(track.channels) || track.bitrate <= 0)
        return {};
    if (track.bitrate <= 192)
        return "WMABASE"_ba;
    if (track.bitrate <= 385)
        return "WMAFULL"_ba;
    return {};
}

const QHash<QString, QByteArray> &audioMimeTypes()
{
    static const QHash<QString, QByteArray> types = {
        {u"mp3"_s, "audio/mpeg"_ba},        {u"m4a"_s, "audio/mp4"_ba},        {u"m4b"_s, "audio/mp4"_ba},
        {u"mp4"_s, "audio/mp4"_ba},         {u"aac"_s, "audio/vnd.dlna.adts"_ba},
        {u"wav"_s, "audio/wav"_ba},         {u"flac"_s, "audio/flac"_ba},      {u"ogg"_s, "audio/ogg"_ba},
        {u"oga"_s, "audio/ogg"_ba},         {u"opus"_s, "audio/ogg"_ba},       {u"wv"_s, "audio/x-wavpack"_ba},
        {u"ape"_s, "audio/x-ape"_ba},       {u"wma"_s, "audio/x-ms-wma"_ba},   {u"aiff"_s, "audio/aiff"_ba},
        {u"aif"_s, "audio/aiff"_ba},        {u"mka"_s, "audio/x-matroska"_ba}, {u"dsf"_s, "audio/x-dsf"_ba},
        {u"dff"_s, "audio/x-dff"_ba},
    };
    return types;
}

const QHash<QString, QByteArray> &videoMimeTypes()
{
    static const QHash<QString, QByteArray> types = {
        {u"mp4"_s, "video/mp4"_ba},        {u"m4v"_s, "video/mp4"_ba},   {u"mkv"_s, "video/x-matroska"_ba},
        {u"avi"_s, "video/x-msvideo"_ba},  {u"mpg"_s, "video/mpeg"_ba},  {u"mpeg"_s, "video/mpeg"_ba},
        {u"ts"_s, "video/mp2t"_ba},        {u"m2ts"_s, "video/mp2t"_ba}, {u"mts"_s, "video/mp2t"_ba},
        {u"webm"_s, "video/webm"_ba},      {u"mov"_s, "video/quicktime"_ba},
        {u"wmv"_s, "video/x-ms-wmv"_ba},
    };
    return types;
}

QString formatKey(const Track &track)
{
    QString key = track.format.trimmed().toLower();
    if (key.startsWith(u'.'))
        key.remove(0, 1);
    return key;
}

QByteArray audioProfile(const QString &format, const Track &track)
{
    if (format == u"mp3"_s)
        return mp3Profile(track.sampleRate, track.channels);
    if (format == u"m4a"_s || format == u"m4b"_s || format == u"mp4"_s) {
        if (track.codec != u"aac"_s)   // ALAC and others have no profile
            return {};
        return aacProfile(track.bitrate, track.sampleRate, track.channels, "ISO");
    }
    if (format == u"aac"_s) {
        if (!track.codec.isEmpty() && track.codec != u"aac"_s)
            return {};
        return aacProfile(track.bitrate, track.sampleRate, track.channels, "ADTS");
    }
    if (format == u"wma"_s)
        return wmaProfile(track);
    return {};
}

QByteArray operationValue(DlnaSeek seek)
{
    switch (seek) {
    case DlnaSeek::Bytes:
        return "01"_ba;
    case DlnaSeek::Time:
        return "10"_ba;
    case DlnaSeek::BytesAndTime:
        return "11"_ba;
    case DlnaSeek::None:
        break;
    }
    return "00"_ba;
}

// Eight hex digits of primary flags, then 24 reserved zeros: DLNA's 32-digit form.
QByteArray flagsValue(quint32 flags)
{
    return QByteArray::number(flags, 16).rightJustified(8, '0') + QByteArray(24, '0');
}

} // namespace

DlnaMedia dlnaMediaOf(const Track &track)
{
    const QString format = formatKey(track);
    if (track.kind == MediaKind::Video) {
        // The catalog keeps one codec and no H.264 profile, level or audio codec: too little to
        // prove any of the AVC_/MPEG_ video profiles, so videos go without a PN.
        return {videoMimeTypes().value(format, "application/octet-stream"_ba), {}};
    }
    return {audioMimeTypes().value(format, "application/octet-stream"_ba), audioProfile(format, track)};
}

DlnaMedia dlnaMediaOfTranscode(OutputFormat format, int sampleRate, int channels)
{
    switch (format) {
    case OutputFormat::Mp3:
        return {"audio/mpeg"_ba, mp3Profile(sampleRate, channels)};
    case OutputFormat::AacAdts:
        return {"audio/vnd.dlna.adts"_ba, aacProfile(0, sampleRate, channels, "ADTS")};
    case OutputFormat::AacM4a:
        // Fragmented MP4 is not the layout the AAC_ISO profiles describe.
        return {"audio/mp4"_ba, {}};
    case OutputFormat::Vorbis:
    case OutputFormat::Opus:
        return {"audio/ogg"_ba, {}};
    case OutputFormat::Flac:
        return {"audio/flac"_ba, {}};
    case OutputFormat::Wav:
        return {"audio/wav"_ba, {}};
    }
    return {"application/octet-stream"_ba, {}};
}

DlnaMedia dlnaMediaOfVideoTranscode()
{
    // The AVC_TS_* profiles each fix more than the codecs: the H.264 profile and a highest
    // level, a short list of frame sizes and frame rates (broadcast sizes such as 720×576,
    // 1280×720, 1920×1080), peak bitrates. The ladder encodes High profile up to level 5.2, keeps
    // the source's aspect (a film comes out 1280×536) and its rate up to 60 fps, so no one
    // profile holds for every copy; a PN that does not hold makes Samsung TVs refuse the item,
    // none is accepted everywhere. "video/mpeg" is DLNA's type for plain
    // (188-byte packet, "_ISO") MPEG-TS, what FFmpeg's mpegts muxer writes.
    return {"video/mpeg"_ba, {}};
}

QByteArray contentFeatures(const DlnaMedia &media, DlnaSeek seek, bool transcoded)
{
    QByteArray out;
    if (!media.profile.isEmpty())
        out += "DLNA.ORG_PN=" + media.profile + ';';
    out += "DLNA.ORG_OP=" + operationValue(seek);
    out += ";DLNA.ORG_CI="_ba + (transcoded ? '1' : '0');
    out += ";DLNA.ORG_FLAGS=" + flagsValue(kMediaFlags);
    return out;
}

QString protocolInfo(const DlnaMedia &media, DlnaSeek seek, bool transcoded)
{
    return u"http-get:*:"_s + QString::fromLatin1(media.mimeType) + u':'
        + QString::fromLatin1(contentFeatures(media, seek, transcoded));
}

bool needsCompatibleCopy(const Track &track)
{
    const QString format = formatKey(track);
    if (track.kind == MediaKind::Video) {
        static const QStringList awkward{u"mkv"_s, u"webm"_s, u"avi"_s, u"wmv"_s};
        if (awkward.contains(format))
            return true;
        // MP4/QuickTime play where their video is H.264; HEVC, AV1 or MPEG-4 Part 2 often not.
        if (format == u"mp4"_s || format == u"m4v"_s || format == u"mov"_s)
            return !track.codec.isEmpty() && track.codec != u"h264"_s;
        return false;
    }
    static const QStringList awkward{u"flac"_s, u"ogg"_s, u"oga"_s, u"opus"_s, u"wv"_s, u"ape"_s,
                                     u"wma"_s,  u"dsf"_s, u"dff"_s, u"mka"_s,  u"aiff"_s, u"aif"_s};
    if (awkward.contains(format))
        return true;
    if (format == u"m4a"_s || format == u"m4b"_s || format == u"mp4"_s)
        return track.codec == u"alac"_s;
    return false;
}

} // namespace cairn::dlna
