#include "scan/MediaTypes.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace cairn::media {

std::optional<MediaKind> kindOfExtension(const QString &extension)
{
    static const QSet<QString> audio{u"mp3"_s, u"flac"_s, u"ogg"_s, u"oga"_s, u"opus"_s,
                                     u"m4a"_s, u"m4b"_s, u"aac"_s, u"wav"_s, u"wv"_s,
                                     u"wma"_s, u"aif"_s, u"aiff"_s, u"ape"_s, u"mpc"_s,
                                     u"mka"_s, u"tta"_s, u"spx"_s};
    static const QSet<QString> video{u"mp4"_s, u"m4v"_s, u"mkv"_s, u"webm"_s, u"avi"_s,
                                     u"mov"_s, u"wmv"_s, u"mpg"_s, u"mpeg"_s, u"ts"_s,
                                     u"m2ts"_s, u"ogv"_s, u"flv"_s};
    if (audio.contains(extension))
        return MediaKind::Audio;
    if (video.contains(extension))
        return MediaKind::Video;
    return std::nullopt;
}

} // namespace cairn::media
