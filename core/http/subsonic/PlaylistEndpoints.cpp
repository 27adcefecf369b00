// Playlists (the caller's own and others' public ones: list, read, create, update, delete) and
// the saved play queue that lets a listener continue on another device.

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicIds.h"

#include "catalog/PlayQueueRepository.h"
#include "catalog/PlaylistRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"

#include <QDateTime>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

Node playlistNode(const Playlist &p)
{
    Node n(u"playlist"_s);
    n.set(u"id"_s, itemId(IdKind::Playlist, p.id))
        .set(u"name"_s, p.name)
        .set(u"comment"_s, p.comment)
        .set(u"owner"_s, p.ownerName)
        .set(u"public"_s, p.isPublic)
        .set(u"songCount"_s, p.trackCount)
        .set(u"duration"_s, p.durationMs / 1000)
        .set(u"created"_s, isoDateFromSecs(p.createdAt))
        .set(u"changed"_s, isoDateFromSecs(p.changedAt));
    return n;
}

// Tracks in the given order (repeats kept); ids the caller cannot see are skipped.
QList<Track> tracksOf(const Database &db, const QList<qint64> &ids, const Visibility &visibility)
{
    QList<Track> tracks;
    const TrackRepository repository(db);
    QHash<qint64, Track> seen;
    for (const qint64 id : ids) {
        if (!seen.contains(id))
            if (const auto track = repository.find(id, visibility))
                seen.insert(id, *track);
        if (seen.contains(id))
            tracks << seen.value(id);
    }
    return tracks;
}

Result<QList<qint64>> trackIdsOf(const Params &params, const QString &name)
{
    QList<qint64> ids;
    for (const QString &text : params.values(name)) {
        const auto id = parseIdOf(IdKind::Track, text, name);
        if (!id)
            return id.error();
        ids << *id;
    }
    return ids;
}

void answerPlaylist(const Database &db, Call &call, qint64 id)
{
    const auto playlist = PlaylistRepository(db).find(id, call.identity().userId, call.identity().visibility);
    if (!playlist)
        return call.fail(playlist.error());
    Node node = playlistNode(*playlist);
    ItemWriter(db, call.identity().userId).songs(node, tracksOf(db, playlist->trackIds, call.identity().visibility), u"entry"_s);
    call.ok(node);
}

void getPlaylists(const Database &db, Call &call)
{
    Node list(u"playlists"_s);
    list.declareList(u"playlist"_s);
    for (const Playlist &p : PlaylistRepository(db).lists(call.identity().userId, call.identity().visibility))
        list.append(playlistNode(p));
    call.ok(list);
}

void getPlaylist(const Database &db, Call &call)
{
    const auto id = parseIdOf(IdKind::Playlist, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    answerPlaylist(db, call, *id);
}

// With `playlistId` it replaces that playlist's songs (and name, if given); otherwise it
// creates one named `name`.
void createPlaylist(const Database &db, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const auto songs = trackIdsOf(call.params(), u"songId"_s);
    if (!songs)
        return call.fail(songs.error());
    PlaylistRepository playlists(db);
    const Identity &me = call.identity();
    if (call.params().has(u"playlistId"_s)) {
        const auto id = parseIdOf(IdKind::Playlist, call.params().value(u"playlistId"_s), u"playlistId"_s);
        if (!id)
            return call.fail(id.error());
        if (call.params().has(u"name"_s)) {
            PlaylistChanges rename;
            rename.name = call.params().value(u"name"_s);
            if (const Outcome done = playlists.update(*id, me.userId, rename, me.visibility); !done)
                return call.fail(done.error());
        }
        if (const Outcome done = playlists.replaceEntries(*id, me.userId, *songs, me.visibility); !done)
            return call.fail(done.error());
        return answerPlaylist(db, call, *id);
    }
    const auto name = call.params().required(u"name"_s);
    if (!name)
        return call.fail(name.error());
    const auto created = playlists.create(me.userId, *name, *songs, me.visibility);
    if (!created)
        return call.fail(created.error());
    answerPlaylist(db, call, *created);
}

void updatePlaylist(const Database &db, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const Params &params = call.params();
    const auto id = parseIdOf(IdKind::Playlist, params.value(u"playlistId"_s), u"playlistId"_s);
    if (!id)
        return call.fail(id.error());
    PlaylistChanges changes;
    if (params.has(u"name"_s))
        changes.name = params.value(u"name"_s);
    if (params.has(u"comment"_s))
        changes.comment = params.value(u"comment"_s);
    if (params.has(u"public"_s)) {
        const auto isPublic = params.boolean(u"public"_s, false);
        if (!isPublic)
            return call.fail(isPublic.error());
        changes.isPublic = *isPublic;
    }
    const auto added = trackIdsOf(params, u"songIdToAdd"_s);
    if (!added)
        return call.fail(added.error());
    changes.appendTrackIds = *added;
    for (const QString &text : params.values(u"songIndexToRemove"_s)) {
        bool ok = false;
        const int index = text.toInt(&ok);
        if (!ok || index < 0)
            return call.fail(DomainError::invalid(u"parameter 'songIndexToRemove' must be an index from 0"_s));
        changes.removeIndexes << index;
    }
    const Outcome done = PlaylistRepository(db).update(*id, call.identity().userId, changes, call.identity().visibility);
    if (!done)
        return call.fail(done.error());
    call.ok();
}

void deletePlaylist(const Database &db, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const auto id = parseIdOf(IdKind::Playlist, call.params().value(u"id"_s), u"id"_s);
    if (!id)
        return call.fail(id.error());
    const Outcome done = PlaylistRepository(db).remove(*id, call.identity().userId);
    if (!done)
        return call.fail(done.error());
    call.ok();
}

void getPlayQueue(const Database &db, Call &call)
{
    const auto queue = call.identity().userId > 0
        ? PlayQueueRepository(db).load(call.identity().userId, call.identity().visibility)
        : std::nullopt;
    if (!queue)
        return call.ok();   // nothing saved: an empty answer, as the spec's servers give
    Node node(u"playQueue"_s);
    if (queue->currentTrackId > 0)
        node.set(u"current"_s, itemId(IdKind::Track, queue->currentTrackId));
    node.set(u"position"_s, queue->positionMs)
        .set(u"username"_s, call.identity().name)
        .set(u"changed"_s, isoDateFromSecs(queue->changedAt))
        .set(u"changedBy"_s, queue->changedBy);
    ItemWriter(db, call.identity().userId).songs(node, tracksOf(db, queue->trackIds, call.identity().visibility), u"entry"_s);
    call.ok(node);
}

void savePlayQueue(const Database &db, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const Params &params = call.params();
    const auto ids = trackIdsOf(params, u"id"_s);
    if (!ids)
        return call.fail(ids.error());
    PlayQueue queue;
    queue.trackIds = *ids;
    if (params.has(u"current"_s)) {
        const auto current = parseIdOf(IdKind::Track, params.value(u"current"_s), u"current"_s);
        if (!current)
            return call.fail(current.error());
        queue.currentTrackId = *current;
    }
    const auto position = params.integer(u"position"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (!position)
        return call.fail(position.error());
    queue.positionMs = *position;
    queue.changedAt = QDateTime::currentSecsSinceEpoch();
    queue.changedBy = call.clientName();
    const Outcome done = PlayQueueRepository(db).save(call.identity().userId, queue, call.identity().visibility);
    if (!done)
        return call.fail(done.error());
    call.ok();
}

} // namespace

void addPlaylistEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    table.add(u"getPlaylists"_s, Access::User, [db](Call &call) { getPlaylists(*db, call); });
    table.add(u"getPlaylist"_s, Access::User, [db](Call &call) { getPlaylist(*db, call); });
    table.add(u"createPlaylist"_s, Access::User, [db](Call &call) { createPlaylist(*db, call); });
    table.add(u"updatePlaylist"_s, Access::User, [db](Call &call) { updatePlaylist(*db, call); });
    table.add(u"deletePlaylist"_s, Access::User, [db](Call &call) { deletePlaylist(*db, call); });
    table.add(u"getPlayQueue"_s, Access::User, [db](Call &call) { getPlayQueue(*db, call); });
    table.add(u"savePlayQueue"_s, Access::User, [db](Call &call) { savePlayQueue(*db, call); });
}

} // namespace cairn::subsonic
