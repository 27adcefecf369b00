#include "stream/MediaType.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

const QHash<QString, QByteArray> &mediaTypes()
{
    static const QHash<QString, QByteArray> types = {
        {u"mp3"_s, "audio/mpeg"_ba},       {u"flac"_s, "audio/flac"_ba},
        {u"ogg"_s, "audio/ogg"_ba},        {u"oga"_s, "audio/ogg"_ba},
        {u"opus"_s, "audio/opus"_ba},      {u"m4a"_s, "audio/mp4"_ba},
        {u"m4b"_s, "audio/mp4"_ba},        {u"aac"_s, "audio/aac"_ba},
        {u"wav"_s, "audio/wav"_ba},        {u"wv"_s, "audio/x-wavpack"_ba},
        {u"wma"_s, "audio/x-ms-wma"_ba},   {u"ape"_s, "audio/x-ape"_ba},
        {u"aiff"_s, "audio/aiff"_ba},      {u"aif"_s, "audio/aiff"_ba},
        {u"mka"_s, "audio/x-matroska"_ba}, {u"mp4"_s, "video/mp4"_ba},
        {u"m4v"_s, "video/mp4"_ba},        {u"mkv"_s, "video/x-matroska"_ba},
        {u"webm"_s, "video/webm"_ba},      {u"avi"_s, "video/x-msvideo"_ba},
        {u"mov"_s, "video/quicktime"_ba},
    };
    return types;
}

} // namespace

QByteArray mediaTypeForFormat(const QString &format)
{
    QString key = format.trimmed().toLower();
    if (key.startsWith(u'.'))
        key.remove(0, 1);
    return mediaTypes().value(key, "application/octet-stream"_ba);
}

} // namespace cairn
