#include "api/BrowseJson.h"

#include "catalog/Browse.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QJsonObject albumToJson(const AlbumSummary &a)
{
    return QJsonObject{
        {u"id"_s, a.id},
        {u"title"_s, a.title},
        {u"artist"_s, a.artistName},
        {u"artistId"_s, a.artistId},
        {u"year"_s, a.year},
        {u"genre"_s, a.genre},
        {u"trackCount"_s, a.trackCount},
        {u"duration"_s, double(a.durationMs) / 1000.0},
        {u"addedAt"_s, a.addedAt.toString(Qt::ISODate)},
        {u"plays"_s, a.plays},
    };
}

QJsonObject artistToJson(const ArtistSummary &a)
{
    return QJsonObject{{u"id"_s, a.id}, {u"name"_s, a.name}, {u"albumCount"_s, a.albumCount},
                       {u"trackCount"_s, a.trackCount}};
}

QJsonObject genreToJson(const GenreSummary &g)
{
    return QJsonObject{{u"name"_s, g.name}, {u"albumCount"_s, g.albumCount}, {u"trackCount"_s, g.trackCount}};
}

} // namespace cairn
