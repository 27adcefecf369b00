#include "api/MediaFileRoutes.h"

#include "base/TextValues.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/CallerLink.h"
#include "api/SubtitleRoutes.h"
#include "api/TrackDelivery.h"
#include "catalog/TrackRepository.h"

#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

struct MediaFileContext
{
    const Database &db;
    const VideoSubtitles *subtitles;   // may be null: no CaptionInfo.sec
    const Authenticator *auth;
};

void serveTrackFile(const MediaFileContext &c, const QStringList &params, HttpExchange &ex, FileDelivery delivery)
{
    const Database &db = c.db;
    const auto id = requireId(params.at(0), u"track"_s);
    if (!id)
        return ex.fail(id.error());
    const auto dlna = readDlnaMediaHeaders(ex.request());
    if (const auto *refusal = std::get_if<DlnaRefusal>(&dlna))
        return ex.respond(refusalAnswer(*refusal));
    DlnaMediaHeaders headers = std::get<DlnaMediaHeaders>(dlna);
    // The file seeks by bytes only (its contentFeatures say OP=01): DLNA's answer to a time seek
    // on such a resource is 406.
    if (headers.timeSeek)
        return ex.respond(refusalAnswer({406, u"this resource seeks by bytes; TimeSeekRange is for transcodes"_s}));
    const auto track = TrackRepository(db).find(*id, ex.identity().visibility);
    if (!track)
        return ex.fail(DomainError::notFound(u"no such track"_s));
    // A Samsung TV asks where the video's subtitles are as it starts playing it.
    if (headers.wantsCaptionInfo && c.subtitles)
        if (const auto path = subRipPath(c.subtitles, *track))
            headers.captionUrl = callerLink(c.auth, ex, *path);
    deliverTrackFile(db, *track, ex, delivery, {}, headers);
}

} // namespace

void addMediaFileRoutes(Router &router, const HttpServices &services)
{
    const MediaFileContext c{*services.database, services.subtitles, services.auth};
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/stream"_s, Access::User,
               [c](const QStringList &params, HttpExchange &ex) { serveTrackFile(c, params, ex, FileDelivery::Inline); });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/download"_s, Access::User,
               [c](const QStringList &params, HttpExchange &ex) {
                   serveTrackFile(c, params, ex, FileDelivery::Attachment);
               });
}

} // namespace cairn
