#include "api/MediaFileRoutes.h"

#include "base/TextValues.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "stream/ContentDisposition.h"
#include "stream/MediaType.h"

#include "FileReply.h"
#include "HttpExchange.h"
#include "HttpLog.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

enum class Delivery { Inline, Attachment };

void serveTrackFile(const Database &db, const QStringList &params, HttpExchange &ex, Delivery delivery)
{
    const auto id = requireId(params.at(0), u"track"_s);
    if (!id)
        return ex.fail(id.error());
    TrackRepository tracks(db);
    const auto track = tracks.find(*id, ex.identity().visibility);
    if (!track)
        return ex.fail(DomainError::notFound(u"no such track"_s));
    if (!QFileInfo(track->path).isFile()) {
        // The file went away since the last scan: the catalog learns it now.
        qCInfo(lcHttp) << "track" << *id << "is gone from disk; removing it from the catalog";
        tracks.remove(*id);
        return ex.fail(DomainError::notFound(u"no such track"_s));
    }
    FileReplyOptions options;
    options.entityId = track->id;
    options.contentType = mediaTypeForFormat(track->format);
    if (delivery == Delivery::Attachment)
        options.contentDisposition = attachmentDisposition(QFileInfo(track->path).fileName());
    options.stream.kind = delivery == Delivery::Attachment ? StreamKind::Download : StreamKind::Direct;
    options.stream.trackId = track->id;
    options.stream.title = track->title.isEmpty() ? QFileInfo(track->path).completeBaseName() : track->title;
    if (!replyWithFile(ex, track->path, options)) {
        qCWarning(lcHttp) << "cannot open the file of track" << *id;
        ex.fail(DomainError::failed(u"the media file cannot be read"_s));
    }
}

} // namespace

void addMediaFileRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/stream"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) {
                   serveTrackFile(db, params, ex, Delivery::Inline);
               });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/download"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) {
                   serveTrackFile(db, params, ex, Delivery::Attachment);
               });
}

} // namespace cairn
