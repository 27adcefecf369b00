#include "api/TrackJson.h"

#include "catalog/Track.h"
#include "stream/MediaType.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QJsonObject trackToJson(const Track &t)
{
    QJsonObject o{
        {u"id"_s, t.id},
        {u"kind"_s, t.kind == MediaKind::Video ? u"video"_s : u"audio"_s},
        {u"title"_s, t.title},
        {u"artist"_s, t.artist},
        {u"album"_s, t.album},
        {u"albumArtist"_s, t.albumArtist},
        {u"albumId"_s, t.albumId},
        {u"artistId"_s, t.artistId},
        {u"trackNumber"_s, t.trackNumber},
        {u"discNumber"_s, t.discNumber},
        {u"year"_s, t.year},
        {u"genre"_s, t.genre},
        {u"duration"_s, double(t.durationMs) / 1000.0},
        {u"format"_s, t.format},
        {u"codec"_s, t.codec},
        {u"contentType"_s, QString::fromLatin1(mediaTypeForFormat(t.format))},
        {u"bitrate"_s, t.bitrate},
        {u"sampleRate"_s, t.sampleRate},
        {u"channels"_s, t.channels},
        {u"size"_s, t.size},
    };
    if (t.kind == MediaKind::Video) {
        o.insert(u"width"_s, t.width);
        o.insert(u"height"_s, t.height);
    }
    return o;
}

} // namespace cairn
