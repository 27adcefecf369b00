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
    const auto dlna = readDlnaMediaHeaders(ex.request());
    if (const auto *refusal = std::get_if<DlnaRefusal>(&dlna))
        return ex.respond(refusalAnswer(*refusal));
    const auto &headers = std::get<DlnaMediaHeaders>(dlna);
    // The file seeks by bytes only (its contentFeatures say OP=01): DLNA's answer to a time seek
    // on such a resource is 406.
    if (headers.timeSeek)
        return ex.respond(refusalAnswer({406, u"this resource seeks by bytes; TimeSeekRange is for transcodes"_s}));
    deliverTrackFile(db, *id, ex, delivery, {}, headers);
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
