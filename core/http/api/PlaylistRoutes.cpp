#include "api/PlaylistRoutes.h"

#include "base/TextValues.h"
#include "catalog/PlaylistRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/JsonBody.h"
#include "api/PlaylistJson.h"
#include "api/StateItem.h"
#include "api/TrackList.h"
#include "HttpExchange.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Who asks and which playlist, checked before anything is read or written.
struct Call
{
    qint64 user = 0;
    qint64 playlist = 0;
};

std::optional<Call> callOf(HttpExchange &ex, const QString &idText)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error()), std::nullopt;
    const Result<qint64> id = requireId(idText, u"playlist"_s);
    if (!id)
        return ex.fail(id.error()), std::nullopt;
    return Call{*user, *id};
}

// The playlist as the caller now sees it, with its visible tracks in order.
void respondPlaylist(const Database &db, HttpExchange &ex, const Call &call, int status)
{
    const Visibility &visibility = ex.identity().visibility;
    const Result<Playlist> playlist = PlaylistRepository(db).find(call.playlist, call.user, visibility);
    if (!playlist)
        return ex.fail(playlist.error());
    QJsonObject body = playlistToJson(*playlist, call.user);
    body.insert(u"tracks"_s, trackListJson(db, call.user, playlist->trackIds, visibility));
    ex.respond(HttpResponse::json(status, QJsonDocument(body)));
}

void listPlaylists(const Database &db, HttpExchange &ex)
{
    const qint64 user = ex.identity().userId;
    QJsonArray items;
    if (user > 0) {
        for (const Playlist &p : PlaylistRepository(db).lists(user, ex.identity().visibility))
            items.append(playlistToJson(p, user));
    }
    ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, items}})));
}

void createPlaylist(const Database &db, HttpExchange &ex)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error());
    const Result<QJsonObject> body = objectBody(ex.request().body);
    if (!body)
        return ex.fail(body.error());
    const Result<NewPlaylist> wanted = newPlaylistFromJson(*body);
    if (!wanted)
        return ex.fail(wanted.error());
    PlaylistRepository playlists(db);
    const Visibility &visibility = ex.identity().visibility;
    const Result<qint64> id = playlists.create(*user, wanted->name, wanted->trackIds, visibility);
    if (!id)
        return ex.fail(id.error());
    // The repository creates private playlists without a comment; the rest is the owner's change.
    if (wanted->extra.comment || wanted->extra.isPublic) {
        if (const Outcome done = playlists.update(*id, *user, wanted->extra, visibility); !done)
            return ex.fail(done.error());
    }
    respondPlaylist(db, ex, Call{*user, *id}, 201);
}

void changePlaylist(const Database &db, const QString &idText, HttpExchange &ex)
{
    const auto call = callOf(ex, idText);
    if (!call)
        return;
    const Result<QJsonObject> body = objectBody(ex.request().body);
    if (!body)
        return ex.fail(body.error());
    const Result<PlaylistChanges> changes = playlistChangesFromJson(*body);
    if (!changes)
        return ex.fail(changes.error());
    const Visibility &visibility = ex.identity().visibility;
    if (const Outcome done = PlaylistRepository(db).update(call->playlist, call->user, *changes, visibility); !done)
        return ex.fail(done.error());
    respondPlaylist(db, ex, *call, 200);
}

void replaceTracks(const Database &db, const QString &idText, HttpExchange &ex)
{
    const auto call = callOf(ex, idText);
    if (!call)
        return;
    const Result<QJsonArray> body = arrayBody(ex.request().body);
    if (!body)
        return ex.fail(body.error());
    const Result<QList<qint64>> ids = idArray(*body, u"trackIds"_s);
    if (!ids)
        return ex.fail(DomainError::invalid(u"the body must be a JSON array of track ids (positive integers)"_s));
    const Visibility &visibility = ex.identity().visibility;
    if (const Outcome done = PlaylistRepository(db).replaceEntries(call->playlist, call->user, *ids, visibility); !done)
        return ex.fail(done.error());
    respondPlaylist(db, ex, *call, 200);
}

void deletePlaylist(const Database &db, const QString &idText, HttpExchange &ex)
{
    const auto call = callOf(ex, idText);
    if (!call)
        return;
    if (const Outcome done = PlaylistRepository(db).remove(call->playlist, call->user); !done)
        return ex.fail(done.error());
    ex.respond(HttpResponse::empty(204));
}

} // namespace

void addPlaylistRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/playlists"_s, Access::User,
               [&db](const QStringList &, HttpExchange &ex) { listPlaylists(db, ex); });
    router.add({HttpMethod::Post}, u"/api/playlists"_s, Access::User,
               [&db](const QStringList &, HttpExchange &ex) { createPlaylist(db, ex); });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/playlists/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) {
        if (const auto call = callOf(ex, params.at(0)))
            respondPlaylist(db, ex, *call, 200);
    });
    router.add({HttpMethod::Patch}, u"/api/playlists/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { changePlaylist(db, params.at(0), ex); });
    router.add({HttpMethod::Delete}, u"/api/playlists/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { deletePlaylist(db, params.at(0), ex); });
    router.add({HttpMethod::Put}, u"/api/playlists/{id}/tracks"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { replaceTracks(db, params.at(0), ex); });
}

} // namespace cairn
