#include "api/FavouriteRoutes.h"

#include "catalog/FavouriteRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/StateItem.h"
#include "api/StateJson.h"
#include "HttpExchange.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Starring and unstarring answer the same refusals: a malformed path is 400, an item the caller
// cannot see is 404 whether or not it is starred.
void setFavourite(const Database &db, const QStringList &params, bool starred, HttpExchange &ex)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error());
    const Result<StateItem> item = visibleStateItem(db, params.at(0), params.at(1), ex.identity().visibility);
    if (!item)
        return ex.fail(item.error());
    FavouriteRepository favourites(db);
    const Outcome done = starred ? favourites.star(*user, item->kind, {item->id}, QDateTime::currentSecsSinceEpoch())
                                 : favourites.unstar(*user, item->kind, {item->id});
    if (!done)
        return ex.fail(done.error());
    ex.respond(HttpResponse::empty(204));
}

void listFavourites(const Database &db, HttpExchange &ex)
{
    const qint64 user = ex.identity().userId;
    const Visibility &visibility = ex.identity().visibility;
    const FavouriteRepository favourites(db);
    QJsonObject body{{u"tracks"_s, QJsonArray()}, {u"albums"_s, QJsonArray()}, {u"artists"_s, QJsonArray()}};
    if (user > 0) {
        body = QJsonObject{
            {u"tracks"_s, tracksWithState(db, user, favourites.starredTracks(user, visibility))},
            {u"albums"_s, albumsWithState(db, user, favourites.starredAlbums(user, visibility))},
            {u"artists"_s, artistsWithState(db, user, favourites.starredArtists(user, visibility))},
        };
    }
    ex.respond(HttpResponse::json(200, QJsonDocument(body)));
}

} // namespace

void addFavouriteRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/favourites"_s, Access::User,
               [&db](const QStringList &, HttpExchange &ex) { listFavourites(db, ex); });
    router.add({HttpMethod::Put}, u"/api/favourites/{kind}/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { setFavourite(db, params, true, ex); });
    router.add({HttpMethod::Delete}, u"/api/favourites/{kind}/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { setFavourite(db, params, false, ex); });
}

} // namespace cairn
