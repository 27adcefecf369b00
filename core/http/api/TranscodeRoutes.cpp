#include "api/TranscodeRoutes.h"

#include "base/TextValues.h"
#include "delivery/MediaPlanner.h"
#include "delivery/TranscodeQuery.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/TrackDelivery.h"

#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

void transcodeTrack(const MediaPlanner &planner, TranscodeService *service, const QStringList &params,
                    HttpExchange &ex)
{
    const auto id = requireId(params.at(0), u"track"_s);
    if (!id)
        return ex.fail(id.error());
    const Caller caller{ex.identity().userId, ex.identity().visibility};
    const auto track = planner.visibleTrack(*id, caller);
    if (!track)
        return ex.fail(track.error());
    auto ask = readTranscodeQuery(ex.request().query, planner.presetNames());
    if (!ask)
        return ex.fail(ask.error());
    const auto dlna = readDlnaMediaHeaders(ex.request());
    if (const auto *refusal = std::get_if<DlnaRefusal>(&dlna))
        return ex.respond(refusalAnswer(*refusal));
    const auto &headers = std::get<DlnaMediaHeaders>(dlna);
    if (headers.timeSeek) {
        // A renderer's seek in time is the query's offset, and wins over it.
        if (const auto refusal = timeSeekRefusal(*headers.timeSeek, double(track->durationMs) / 1000.0))
            return ex.respond(refusalAnswer(*refusal));
        ask->offsetSeconds = headers.timeSeek->startSeconds;
    }
    const auto plan = planner.plan(*id, caller, *ask);
    if (!plan)
        return ex.fail(plan.error());

    deliverPlan(ex, service, *plan, {}, headers);
}

} // namespace

void addTranscodeRoutes(Router &router, const HttpServices &services)
{
    TranscodeService *service = services.transcoding;
    const MediaPlanner planner(*services.database, service, services.users);
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/transcode"_s, Access::User,
               [planner, service](const QStringList &params, HttpExchange &ex) {
                   transcodeTrack(planner, service, params, ex);
               });
}

} // namespace cairn
