#include "api/MediaFileRoutes.h"

#include "base/TextValues.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/TrackDelivery.h"

#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

void serveTrackFile(const Database &db, const QStringList &params, HttpExchange &ex, FileDelivery delivery)
{
    const auto id = requireId(params.at(0), u"track"_s);
    if (!id)
        return ex.fail(id.error());
    deliverTrackFile(db, *id, ex, delivery);
}

} // namespace

void addMediaFileRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/stream"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) {
                   serveTrackFile(db, params, ex, FileDelivery::Inline);
               });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/download"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) {
                   serveTrackFile(db, params, ex, FileDelivery::Attachment);
               });
}

} // namespace cairn
