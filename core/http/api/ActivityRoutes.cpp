#include "api/ActivityRoutes.h"

#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"
#include "activity/MetricsRegistry.h"
#include "activity/StreamHistory.h"
#include "base/TextValues.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/ActivityEventFeed.h"
#include "api/ActivityJson.h"
#include "api/StreamLimitsJson.h"
#include "HttpExchange.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qint64 kMaxCapKBps = 10LL * 1000 * 1000;   // 10 GB/s: anything above is "no cap"

// The cap in kB/s from `?kBps=` or a JSON body {"kBps": n}; 0 removes the stream's own cap.
Result<qint64> requestedCap(const HttpRequest &request)
{
    if (request.query.hasQueryItem(u"kBps"_s))
        return intParam(request.query, u"kBps"_s, 0, 0, kMaxCapKBps);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonValue value = doc.object().value(u"kBps"_s);
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > double(kMaxCapKBps)
        || value.toDouble() != double(qint64(value.toDouble())))
        return DomainError::invalid(u"kBps must be an integer from 0 to %1 (query or JSON body)"_s.arg(kMaxCapKBps));
    return qint64(value.toDouble());
}

std::optional<StreamSnapshot> liveStream(const ActivityRegistry &activity, qint64 id)
{
    const QList<StreamSnapshot> streams = activity.snapshot();
    for (const StreamSnapshot &s : streams)
        if (s.id == id)
            return s;
    return std::nullopt;
}

void addMetricsRoute(Router &router, const HttpServices &services)
{
    MetricsRegistry *metrics = services.metrics;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/metrics"_s,
               services.publicMetrics ? Access::Public : Access::Admin,
               [metrics](const QStringList &, HttpExchange &ex) {
                   HttpResponse r;
                   r.setHeader("Content-Type", MetricsRegistry::contentType());
                   r.setHeader("Cache-Control", "no-store");
                   r.body = metrics->render();
                   ex.respond(r);
               });
}

// The operator's limits, read and edited by administrators. A change applies at once and is
// kept by the runtime (services.applyStreamLimits) for the next start.
void addLimitsRoutes(Router &router, const HttpServices &services)
{
    ActivityRegistry *activity = services.activity;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/activity/limits"_s, Access::Admin,
               [activity](const QStringList &, HttpExchange &ex) {
                   ex.respond(HttpResponse::json(200, QJsonDocument(streamLimitsJson(activity->limits()))));
               });
    const auto apply = services.applyStreamLimits;
    router.add({HttpMethod::Put}, u"/api/activity/limits"_s, Access::Admin,
               [activity, apply](const QStringList &, HttpExchange &ex) {
                   const Result<StreamLimits> edited = editedStreamLimits(activity->limits(), ex.request().body);
                   if (!edited)
                       return ex.fail(edited.error());
                   if (apply)
                       apply(*edited);
                   else
                       activity->setLimits(*edited);
                   ex.respond(HttpResponse::json(200, QJsonDocument(streamLimitsJson(activity->limits()))));
               });
}

} // namespace

void addActivityRoutes(Router &router, const HttpServices &services)
{
    if (services.metrics)
        addMetricsRoute(router, services);
    ActivityRegistry *activity = services.activity;
    if (!activity)
        return;
    addLimitsRoutes(router, services);

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/activity"_s, Access::Admin,
               [activity](const QStringList &, HttpExchange &ex) {
                   ex.respond(HttpResponse::json(200, QJsonDocument(activityJson(activity->snapshot()))));
               });

    if (const ActivityTimeline *timeline = services.activityTimeline) {
        router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/activity/timeline"_s, Access::Admin,
                   [timeline](const QStringList &, HttpExchange &ex) {
                       ex.respond(HttpResponse::json(
                           200, QJsonDocument(timelineJson(timeline->intervalMs(), timeline->samples()))));
                   });
    }

    router.add({HttpMethod::Get}, u"/api/activity/events"_s, Access::Admin,
               [activity](const QStringList &, HttpExchange &ex) {
                   HttpResponse head;
                   head.setHeader("Content-Type", "text/event-stream; charset=utf-8");
                   head.setHeader("Cache-Control", "no-store");
                   head.setHeader("X-Accel-Buffering", "no");   // nginx would hold the events back
                   ex.stream(head, std::make_unique<ActivityEventFeed>(*activity), StreamInfo::uncounted());
               });

    router.add({HttpMethod::Post}, u"/api/activity/{id}/end"_s, Access::Admin,
               [activity](const QStringList &params, HttpExchange &ex) {
                   const auto id = requireId(params.at(0), u"stream"_s);
                   if (!id)
                       return ex.fail(id.error());
                   if (!activity->end(*id))
                       return ex.fail(DomainError::notFound(u"no such live stream"_s));
                   // The stream's own thread closes it: accepted, done moments later.
                   ex.respond(HttpResponse::json(202, QJsonDocument(QJsonObject{{u"id"_s, *id}, {u"ending"_s, true}})));
               });

    router.add({HttpMethod::Post}, u"/api/activity/{id}/throttle"_s, Access::Admin,
               [activity](const QStringList &params, HttpExchange &ex) {
                   const auto id = requireId(params.at(0), u"stream"_s);
                   if (!id)
                       return ex.fail(id.error());
                   const auto cap = requestedCap(ex.request());
                   if (!cap)
                       return ex.fail(cap.error());
                   if (!activity->throttle(*id, *cap * 1000))
                       return ex.fail(DomainError::notFound(u"no such live stream"_s));
                   const auto stream = liveStream(*activity, *id);
                   if (!stream)
                       return ex.fail(DomainError::notFound(u"no such live stream"_s));
                   ex.respond(HttpResponse::json(200, QJsonDocument(streamJson(*stream))));
               });

    if (!services.database)
        return;
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/activity/history"_s, Access::Admin,
               [&db](const QStringList &, HttpExchange &ex) {
                   const auto limit = intParam(ex.request().query, u"limit"_s, 100, 1, 1000);
                   if (!limit)
                       return ex.fail(limit.error());
                   const StreamHistory history(db);
                   QJsonArray items;
                   const QList<FinishedStream> recent = history.recent(int(*limit));
                   for (const FinishedStream &s : recent)
                       items.append(finishedStreamJson(s));
                   QJsonArray top;
                   const QList<PlayCount> played = history.mostPlayed(20);
                   for (const PlayCount &c : played)
                       top.append(playCountJson(c));
                   ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, items},
                                                                                {u"mostPlayed"_s, top}})));
               });
}

} // namespace cairn
