#include "api/StateJson.h"

#include "catalog/AnnotationRepository.h"
#include "catalog/Browse.h"
#include "catalog/Track.h"

#include "api/BrowseJson.h"
#include "api/TrackJson.h"

#include <QDateTime>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

void addState(QJsonObject &item, const ItemAnnotation &state)
{
    item.insert(u"favourite"_s, state.starredAt > 0);
    item.insert(u"starredAt"_s, timeJson(state.starredAt));
    item.insert(u"rating"_s, state.rating);
    item.insert(u"playCount"_s, state.playCount);
    item.insert(u"lastPlayedAt"_s, timeJson(state.lastPlayedAt));
}

template<typename T, typename ToJson>
QJsonArray withState(const Database &db, qint64 userId, ItemKind kind, const QList<T> &items, ToJson toJson)
{
    QHash<qint64, ItemAnnotation> states;
    if (userId > 0 && !items.isEmpty()) {
        QList<qint64> ids;
        ids.reserve(items.size());
        for (const T &item : items)
            ids << item.id;
        states = AnnotationRepository(db).forItems(userId, kind, ids);
    }
    QJsonArray array;
    for (const T &item : items) {
        QJsonObject json = toJson(item);
        addState(json, states.value(item.id));
        array.append(json);
    }
    return array;
}

} // namespace

QJsonValue timeJson(qint64 secs)
{
    return secs > 0 ? QJsonValue(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate)) : QJsonValue();
}

QJsonArray tracksWithState(const Database &db, qint64 userId, const QList<Track> &tracks)
{
    return withState(db, userId, ItemKind::Track, tracks, trackToJson);
}

QJsonArray albumsWithState(const Database &db, qint64 userId, const QList<AlbumSummary> &albums)
{
    return withState(db, userId, ItemKind::Album, albums, albumToJson);
}

QJsonArray artistsWithState(const Database &db, qint64 userId, const QList<ArtistSummary> &artists)
{
    return withState(db, userId, ItemKind::Artist, artists, artistToJson);
}

} // namespace cairn
