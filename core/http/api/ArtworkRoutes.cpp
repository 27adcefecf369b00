#include "api/ArtworkRoutes.h"

#include "artwork/ArtworkService.h"
#include "base/TextValues.h"
#include "catalog/ArtworkRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "stream/HttpDate.h"

#include "ConditionalRequest.h"
#include "HttpExchange.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The URL names no version, so a day's freshness then revalidation (a cheap 304); clients that
// add `v` (any value that changes with the ETag) may keep the answer for a year.
constexpr QByteArrayView kCacheControl = "private, max-age=86400";
constexpr QByteArrayView kImmutableCacheControl = "private, max-age=31536000, immutable";

// `size`: absent → 0 (the original); an optionally signed decimal integer → clamped into the
// allowed range; anything else → 400.
Result<int> sizeParam(const QUrlQuery &query)
{
    if (!query.hasQueryItem(u"size"_s))
        return 0;
    QString text = query.queryItemValue(u"size"_s, QUrl::FullyDecoded);
    const bool negative = text.startsWith(u'-');
    if (negative || text.startsWith(u'+'))
        text.remove(0, 1);
    const bool digits = !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits)
        return DomainError::invalid(u"'size' must be an integer (it is clamped to %1–%2)"_s
                                        .arg(artwork::ArtworkService::kMinSize)
                                        .arg(artwork::ArtworkService::kMaxSize));
    if (negative)
        return artwork::ArtworkService::kMinSize;
    // Long digit strings cannot overflow: anything past 9 digits is simply "very large".
    const qint64 value = text.size() > 9 ? artwork::ArtworkService::kMaxSize : text.toLongLong();
    return artwork::ArtworkService::clampSize(value);
}

void setValidators(HttpResponse &r, const artwork::ArtworkValidators &v, const HttpRequest &request)
{
    r.setHeader("ETag", v.etag);
    r.setHeader("Last-Modified", formatHttpDate(v.lastModified));
    r.setHeader("Cache-Control", (request.query.hasQueryItem(u"v"_s) ? kImmutableCacheControl
                                                                      : kCacheControl).toByteArray());
}

std::optional<ArtSource> findSource(const Database &db, ArtOf of, qint64 id, const Visibility &visibility)
{
    const ArtworkRepository repository(db);
    switch (of) {
    case ArtOf::Track: return repository.forTrack(id, visibility);
    case ArtOf::Album: return repository.forAlbum(id, visibility);
    case ArtOf::Artist: return repository.forArtist(id, visibility);
    }
    return std::nullopt;
}

// The answer for an artwork the service could not deliver; nullopt when it did.
std::optional<DomainError> errorOf(const artwork::Artwork &art)
{
    switch (art.status) {
    case artwork::Artwork::Status::NoArtwork: return DomainError::notFound(u"no artwork"_s);
    case artwork::Artwork::Status::BadImage:
        return DomainError::unprocessable(u"the artwork image is unusable: "_s + art.error);
    case artwork::Artwork::Status::Ok: break;
    }
    return std::nullopt;
}

QString nameOf(ArtOf of)
{
    switch (of) {
    case ArtOf::Track: return u"track"_s;
    case ArtOf::Album: return u"album"_s;
    case ArtOf::Artist: return u"artist"_s;
    }
    return {};
}

} // namespace

namespace {

constexpr int kBusyRetryAfterSeconds = 5;

void sendArtwork(const artwork::Artwork &art, HttpExchange &ex)
{
    if (const auto error = errorOf(art))
        return ex.fail(*error);
    HttpResponse r;
    r.status = 200;
    r.setHeader("Content-Type", art.mimeType);
    setValidators(r, art.validators, ex.request());
    r.body = art.data;
    ex.respond(r);
}

} // namespace

void serveArtwork(const Database &db, artwork::ArtworkService &service, ArtOf of, qint64 id, HttpExchange &ex)
{
    const auto size = sizeParam(ex.request().query);
    if (!size)
        return ex.fail(size.error());
    const int pixels = *size;

    const auto source = findSource(db, of, id, ex.identity().visibility);
    if (!source)
        return ex.fail(DomainError::notFound(u"no such "_s + nameOf(of)));
    const auto validators = service.validators(*source, pixels);
    if (!validators)
        return ex.fail(DomainError::notFound(u"no artwork"_s));

    // Revalidation is answered from the source file's stamp alone: no decoding, no cache read.
    if (answerPreconditions(ex, {validators->etag, validators->lastModified},
                            [&](HttpResponse &r) { setValidators(r, *validators, ex.request()); }))
        return;

    // A video's poster frame is taken by the FFmpeg queue while the worker serves others.
    if (service.needsVideoFrame(*source, pixels)) {
        const DeferredAnswer later = ex.defer();
        service.prepareVideoFrame(*source, later.context(), [later, &service, source = *source, pixels](bool busy) {
            later.give([&](HttpExchange &ex) {
                if (busy)
                    return ex.fail(DomainError::busy(u"too many FFmpeg jobs are running or waiting; try again shortly"_s,
                                                     kBusyRetryAfterSeconds));
                sendArtwork(service.fetch(source, pixels, artwork::ArtworkService::FrameGrab::Never), ex);
            });
        });
        return;
    }
    sendArtwork(service.fetch(*source, pixels, artwork::ArtworkService::FrameGrab::Never), ex);
}

void addArtworkRoutes(Router &router, const HttpServices &services)
{
    if (!services.artwork)
        return;
    const Database &db = *services.database;
    artwork::ArtworkService &service = *services.artwork;
    const QList<QPair<QString, ArtOf>> routes{{u"/api/tracks/{id}/art"_s, ArtOf::Track},
                                              {u"/api/albums/{id}/art"_s, ArtOf::Album},
                                              {u"/api/artists/{id}/art"_s, ArtOf::Artist}};
    // Not a structured binding: clang before 16 cannot capture one in a lambda (the fuzz build).
    for (const auto &route : routes) {
        const ArtOf of = route.second;
        router.add({HttpMethod::Get, HttpMethod::Head}, route.first, Access::User,
                   [&db, &service, of](const QStringList &params, HttpExchange &ex) {
                       const auto id = requireId(params.at(0), nameOf(of));
                       if (!id)
                           return ex.fail(id.error());
                       serveArtwork(db, service, of, *id, ex);
                   });
    }
}

} // namespace cairn
