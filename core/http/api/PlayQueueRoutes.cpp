#include "api/PlayQueueRoutes.h"

#include "catalog/PlayQueueRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/JsonBody.h"
#include "api/StateItem.h"
#include "api/StateJson.h"
#include "api/TrackList.h"
#include "HttpExchange.h"

#include <QDateTime>
#include <QJsonDocument>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Who saved a queue, as OpenSubsonic's getPlayQueue names clients: the JSON API's caller is the
// web app.
const QString kClientName = u"web"_s;
// A position past a day is a client's mistake, not a place in a track.
constexpr qint64 kMaxPositionMs = 24LL * 3600 * 1000;

Result<PlayQueue> queueFromJson(const QByteArray &bytes)
{
    const Result<QJsonObject> body = objectBody(bytes);
    if (!body)
        return body.error();
    if (Outcome known = onlyKnownFields(*body, {u"trackIds"_s, u"currentTrackId"_s, u"positionMs"_s}); !known)
        return known.error();
    PlayQueue queue;
    const Result<QList<qint64>> ids = idArray(body->value(u"trackIds"_s), u"trackIds"_s);
    if (!ids)
        return ids.error();
    queue.trackIds = *ids;
    if (body->contains(u"currentTrackId"_s)) {
        const Result<qint64> current = integerIn(body->value(u"currentTrackId"_s), u"currentTrackId"_s, 0,
                                                 std::numeric_limits<qint64>::max());
        if (!current)
            return current.error();
        queue.currentTrackId = *current;
    } else if (!queue.trackIds.isEmpty()) {
        queue.currentTrackId = queue.trackIds.first();
    }
    if (body->contains(u"positionMs"_s)) {
        const Result<qint64> position = integerIn(body->value(u"positionMs"_s), u"positionMs"_s, 0, kMaxPositionMs);
        if (!position)
            return position.error();
        queue.positionMs = *position;
    }
    if (queue.trackIds.isEmpty())
        queue.currentTrackId = 0;
    queue.changedAt = QDateTime::currentSecsSinceEpoch();
    queue.changedBy = kClientName;
    return queue;
}

void showQueue(const Database &db, HttpExchange &ex)
{
    const qint64 user = ex.identity().userId;
    const Visibility &visibility = ex.identity().visibility;
    std::optional<PlayQueue> queue;
    if (user > 0)
        queue = PlayQueueRepository(db).load(user, visibility);
    const PlayQueue shown = queue.value_or(PlayQueue());
    QJsonArray ids;
    for (const qint64 id : shown.trackIds)
        ids.append(id);
    ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{
        {u"trackIds"_s, ids},
        {u"tracks"_s, trackListJson(db, user, shown.trackIds, visibility)},
        {u"currentTrackId"_s, shown.currentTrackId},
        {u"positionMs"_s, shown.positionMs},
        {u"changedAt"_s, timeJson(shown.changedAt)},
        {u"changedBy"_s, shown.changedBy},
    })));
}

void saveQueue(const Database &db, HttpExchange &ex)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error());
    const Result<PlayQueue> queue = queueFromJson(ex.request().body);
    if (!queue)
        return ex.fail(queue.error());
    if (const Outcome done = PlayQueueRepository(db).save(*user, *queue, ex.identity().visibility); !done)
        return ex.fail(done.error());
    ex.respond(HttpResponse::empty(204));
}

} // namespace

void addPlayQueueRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/queue"_s, Access::User,
               [&db](const QStringList &, HttpExchange &ex) { showQueue(db, ex); });
    router.add({HttpMethod::Put}, u"/api/queue"_s, Access::User,
               [&db](const QStringList &, HttpExchange &ex) { saveQueue(db, ex); });
}

} // namespace cairn
