// The caller's own marks on the library: star and unstar (songs, albums, artists), setRating,
// scrobble (a play, or with submission=false what is playing now) and getNowPlaying.

#include "subsonic/EndpointTable.h"
#include "subsonic/ItemWriter.h"
#include "subsonic/SubsonicIds.h"

#include "activity/NowPlaying.h"
#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/FavouriteRepository.h"
#include "catalog/PlayRepository.h"
#include "catalog/RatingRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"

#include <QDateTime>

#include <limits>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

ItemKind itemKindOf(IdKind kind)
{
    switch (kind) {
    case IdKind::Album: return ItemKind::Album;
    case IdKind::Artist: return ItemKind::Artist;
    case IdKind::Track:
    case IdKind::Playlist: break;
    }
    return ItemKind::Track;
}

// The item when the caller may see it; NotFound otherwise (hidden items do not exist for them).
Result<ItemId> visibleItem(const Database &db, const ItemId &id, const Visibility &visibility)
{
    bool found = false;
    switch (id.kind) {
    case IdKind::Track: found = TrackRepository(db).find(id.value, visibility).has_value(); break;
    case IdKind::Album: found = AlbumRepository(db).find(id.value, visibility).has_value(); break;
    case IdKind::Artist: found = ArtistRepository(db).find(id.value, visibility).has_value(); break;
    case IdKind::Playlist: break;
    }
    if (!found)
        return DomainError::notFound(u"no such item: %1"_s.arg(itemId(id.kind, id.value)));
    return id;
}

// Every id of `id`, `albumId` and `artistId`, each checked; the first problem stops it all.
Result<QList<ItemId>> starTargets(const Database &db, const Call &call)
{
    QList<ItemId> targets;
    const QList<std::pair<QString, IdKind>> parameters{{u"id"_s, IdKind::Track}, {u"albumId"_s, IdKind::Album},
                                                       {u"artistId"_s, IdKind::Artist}};
    for (const auto &[name, bare] : parameters) {
        for (const QString &text : call.params().values(name)) {
            const auto id = parseItemId(text, name, bare);
            if (!id)
                return id.error();
            const auto visible = visibleItem(db, *id, call.identity().visibility);
            if (!visible)
                return visible.error();
            targets << *visible;
        }
    }
    if (targets.isEmpty())
        return DomainError::invalid(u"required parameter 'id', 'albumId' or 'artistId' is missing"_s);
    return targets;
}

void star(const Database &db, Call &call, bool on)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const auto targets = starTargets(db, call);
    if (!targets)
        return call.fail(targets.error());
    FavouriteRepository favourites(db);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const ItemId &t : *targets) {
        const Outcome done = on ? favourites.star(call.identity().userId, itemKindOf(t.kind), {t.value}, now)
                                : favourites.unstar(call.identity().userId, itemKindOf(t.kind), {t.value});
        if (!done)
            return call.fail(done.error());
    }
    call.ok();
}

void setRating(const Database &db, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const auto id = parseItemId(call.params().value(u"id"_s), u"id"_s, IdKind::Track);
    if (!id)
        return call.fail(id.error());
    const auto rating = call.params().requiredInteger(u"rating"_s, 0, 5);
    if (!rating)
        return call.fail(rating.error());
    const auto visible = visibleItem(db, *id, call.identity().visibility);
    if (!visible)
        return call.fail(visible.error());
    const Outcome done = RatingRepository(db).set(call.identity().userId, itemKindOf(id->kind), id->value, int(*rating));
    if (!done)
        return call.fail(done.error());
    call.ok();
}

void scrobble(const Database &db, NowPlaying &nowPlaying, Call &call)
{
    if (const auto error = accountRequired(call))
        return call.fail(*error);
    const auto submission = call.params().boolean(u"submission"_s, true);
    if (!submission)
        return call.fail(submission.error());
    const QStringList ids = call.params().values(u"id"_s);
    const QStringList times = call.params().values(u"time"_s);
    if (ids.isEmpty())
        return call.fail(DomainError::invalid(u"required parameter 'id' is missing"_s));
    QList<std::pair<Track, qint64>> plays;   // track, when (seconds)
    for (int i = 0; i < ids.size(); ++i) {
        const auto id = parseIdOf(IdKind::Track, ids.at(i), u"id"_s);
        if (!id)
            return call.fail(id.error());
        const auto track = TrackRepository(db).find(*id, call.identity().visibility);
        if (!track)
            return call.fail(DomainError::notFound(u"no such song: %1"_s.arg(ids.at(i).left(64))));
        qint64 at = QDateTime::currentSecsSinceEpoch();
        if (i < times.size()) {
            bool ok = false;
            const qint64 ms = times.at(i).toLongLong(&ok);
            if (!ok || ms < 0)
                return call.fail(DomainError::invalid(u"parameter 'time' must be milliseconds since 1970"_s));
            at = ms / 1000;
        }
        plays.append({*track, at});
    }
    if (!*submission) {
        const Track &track = plays.first().first;
        nowPlaying.report({call.identity().userId, call.identity().name, call.clientName(), track.id, {}}, track.durationMs);
        return call.ok();
    }
    PlayRepository recorder(db);
    for (const auto &[track, at] : plays)
        if (const Outcome done = recorder.recordPlay(call.identity().userId, track.id, at); !done)
            return call.fail(done.error());
    call.ok();
}

void getNowPlaying(const Database &db, const NowPlaying &nowPlaying, Call &call)
{
    Node list(u"nowPlaying"_s);
    list.declareList(u"entry"_s);
    const ItemWriter writer(db, call.identity().userId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const TrackRepository tracks(db);
    for (const NowPlayingEntry &e : nowPlaying.entries()) {
        const auto track = tracks.find(e.trackId, call.identity().visibility);
        if (!track)
            continue;   // the caller may not see what others play outside their folders
        Node entry = writer.song(*track, u"entry"_s);
        entry.set(u"username"_s, e.userName)
            .set(u"minutesAgo"_s, e.since.secsTo(now) / 60)
            .set(u"playerId"_s, 0)
            .set(u"playerName"_s, e.player);
        list.append(entry);
    }
    call.ok(list);
}

} // namespace

void addAnnotationEndpoints(EndpointTable &table, const HttpServices &services)
{
    const Database *db = services.database;
    auto nowPlaying = std::make_shared<NowPlaying>();
    table.add(u"star"_s, Access::User, [db](Call &call) { star(*db, call, true); });
    table.add(u"unstar"_s, Access::User, [db](Call &call) { star(*db, call, false); });
    table.add(u"setRating"_s, Access::User, [db](Call &call) { setRating(*db, call); });
    table.add(u"scrobble"_s, Access::User, [db, nowPlaying](Call &call) { scrobble(*db, *nowPlaying, call); });
    table.add(u"getNowPlaying"_s, Access::User, [db, nowPlaying](Call &call) { getNowPlaying(*db, *nowPlaying, call); });
}

} // namespace cairn::subsonic
