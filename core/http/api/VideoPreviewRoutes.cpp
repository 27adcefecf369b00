#include "api/VideoPreviewRoutes.h"

#include "base/TextValues.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "preview/ThumbnailSprite.h"
#include "preview/VideoPreviews.h"
#include "stream/HttpDate.h"

#include "api/VideoPreviewQuery.h"
#include "ConditionalRequest.h"
#include "FileReply.h"
#include "HttpExchange.h"
#include "HttpLog.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// The URL names no file version: a day's freshness, then a cheap revalidation (304).
constexpr QByteArrayView kImageCacheControl = "private, max-age=86400";
constexpr int kRetryAfterSeconds = 5;

// The video named by the path, visible to the caller; otherwise the exchange is answered.
std::optional<Track> findVideo(const Database &db, const QStringList &params, HttpExchange &ex)
{
    const auto id = requireId(params.at(0), u"video"_s);
    if (!id) {
        ex.fail(id.error());
        return std::nullopt;
    }
    auto track = TrackRepository(db).find(*id, ex.identity().visibility);
    if (!track || track->kind != MediaKind::Video || !QFileInfo(track->path).isFile()) {
        ex.fail(DomainError::notFound(u"no such video"_s));
        return std::nullopt;
    }
    return track;
}

template<typename T>
std::optional<T> valueOr400(const Result<T> &parsed, HttpExchange &ex)
{
    if (!parsed) {
        ex.fail(parsed.error());
        return std::nullopt;
    }
    return *parsed;
}

DomainError busyError()
{
    return DomainError::busy(u"too many FFmpeg jobs are running or waiting; try again shortly"_s, kRetryAfterSeconds);
}

// The answers for previews the service could not deliver; nullopt when it did.
std::optional<DomainError> errorOf(const PreviewImage &image)
{
    switch (image.status) {
    case PreviewImage::Status::SourceGone: return DomainError::notFound(u"no such video"_s);
    case PreviewImage::Status::Failed: return DomainError::unprocessable(u"no picture could be taken from this video"_s);
    case PreviewImage::Status::Busy: return busyError();
    case PreviewImage::Status::Ok: break;
    }
    return std::nullopt;
}

std::optional<DomainError> errorOf(const PreviewClipFile &clip)
{
    switch (clip.status) {
    case PreviewClipFile::Status::Ok: break;
    case PreviewClipFile::Status::SourceGone: return DomainError::notFound(u"no such video"_s);
    case PreviewClipFile::Status::Busy: return busyError();
    case PreviewClipFile::Status::NotKept:
        return DomainError::unavailable(u"preview clips are kept in the transcode cache, which is off or too small "
                                        "(transcode/cacheMiB)"_s);
    case PreviewClipFile::Status::Failed:
        return DomainError::failed(u"no preview clip could be made of this video"_s);
    }
    return std::nullopt;
}

QByteArray basePath(qint64 id)
{
    return "/api/videos/"_ba + QByteArray::number(id);
}

void setValidators(HttpResponse &r, const PreviewValidators &v)
{
    r.setHeader("ETag", v.etag);
    r.setHeader("Last-Modified", formatHttpDate(v.lastModified));
    r.setHeader("Cache-Control", kImageCacheControl.toByteArray());
}

// Answers a revalidation from the file's stamp alone; false when the picture must be sent.
bool answeredByPreconditions(const std::optional<PreviewValidators> &validators, HttpExchange &ex)
{
    if (!validators) {
        ex.fail(DomainError::notFound(u"no such video"_s));
        return true;
    }
    return answerPreconditions(ex, {validators->etag, validators->lastModified},
                               [&](HttpResponse &r) { setValidators(r, *validators); });
}

void sendImage(const PreviewImage &image, HttpExchange &ex)
{
    if (const auto error = errorOf(image))
        return ex.fail(*error);
    HttpResponse r;
    r.status = 200;
    r.setHeader("Content-Type", "image/jpeg");
    setValidators(r, image.validators);
    r.body = image.jpeg;
    ex.respond(r);
}

void serveThumbnail(const Database &db, VideoPreviews &previews, const QStringList &params, HttpExchange &ex)
{
    const auto video = findVideo(db, params, ex);
    if (!video)
        return;
    const auto timeMs = valueOr400(previewTimeParam(ex.request().query, video->durationMs), ex);
    if (!timeMs)
        return;
    const auto width = valueOr400(previewWidthParam(ex.request().query), ex);
    if (!width)
        return;
    if (answeredByPreconditions(previews.thumbnailValidators(*video, *timeMs, *width), ex))
        return;
    const DeferredAnswer later = ex.defer();
    previews.thumbnail(*video, *timeMs, *width, later.context(), [later](const PreviewImage &image) {
        later.give([&](HttpExchange &ex) { sendImage(image, ex); });
    });
}

// A video's thumbnails as a grid: `count` of them, each `width` pixels wide.
struct ThumbnailGrid
{
    Track video;
    int count = 0;
    int width = 0;
};

// The video and grid the request names; otherwise the exchange is answered.
std::optional<ThumbnailGrid> findThumbnailGrid(const Database &db, const QStringList &params, HttpExchange &ex)
{
    auto video = findVideo(db, params, ex);
    if (!video)
        return std::nullopt;
    const auto count = valueOr400(previewCountParam(ex.request().query), ex);
    if (!count)
        return std::nullopt;
    const auto width = valueOr400(previewWidthParam(ex.request().query), ex);
    if (!width)
        return std::nullopt;
    return ThumbnailGrid{std::move(*video), *count, *width};
}

void serveSprite(const Database &db, VideoPreviews &previews, const QStringList &params, HttpExchange &ex)
{
    const auto grid = findThumbnailGrid(db, params, ex);
    if (!grid)
        return;
    if (answeredByPreconditions(previews.spriteValidators(grid->video, grid->count, grid->width), ex))
        return;
    const DeferredAnswer later = ex.defer();
    previews.sprite(grid->video, grid->count, grid->width, later.context(), [later](const PreviewImage &image) {
        later.give([&](HttpExchange &ex) { sendImage(image, ex); });
    });
}

QJsonObject thumbnailsJson(const Track &video, int count, int width)
{
    const QByteArray base = basePath(video.id);
    const QString widthText = QString::number(width);
    QJsonArray items;
    const QList<qint64> times = spriteTimes(video.durationMs, count);
    for (qsizetype i = 0; i < times.size(); ++i) {
        const QString url = QString::fromLatin1(base) + u"/thumbnail?t="_s + decimalSeconds(times.at(i))
                            + u"&width="_s + widthText;
        items.append(QJsonObject{{u"index"_s, int(i)}, {u"time"_s, double(times.at(i)) / 1000.0}, {u"url"_s, url}});
    }
    const SpriteLayout layout = spriteLayout(count, width, video.width, video.height);
    const QString spriteUrl = QString::fromLatin1(base) + u"/thumbnails/sprite?count="_s + QString::number(count)
                              + u"&width="_s + widthText;
    return QJsonObject{{u"durationMs"_s, video.durationMs},
                       {u"interval"_s, double(qMax<qint64>(0, video.durationMs)) / 1000.0 / count},
                       {u"items"_s, items},
                       {u"sprite"_s, QJsonObject{{u"url"_s, spriteUrl},
                                                 {u"columns"_s, layout.columns},
                                                 {u"rows"_s, layout.rows},
                                                 {u"tileWidth"_s, layout.tileWidth},
                                                 {u"tileHeight"_s, layout.tileHeight}}}};
}

void serveThumbnailList(const Database &db, const QStringList &params, HttpExchange &ex)
{
    const auto grid = findThumbnailGrid(db, params, ex);
    if (!grid)
        return;
    ex.respond(HttpResponse::json(200, QJsonDocument(thumbnailsJson(grid->video, grid->count, grid->width))));
}

void sendPreviewClip(const Track &video, const PreviewClipFile &clip, HttpExchange &ex);

void servePreviewClip(const Database &db, VideoPreviews &previews, const QStringList &params, HttpExchange &ex)
{
    const auto video = findVideo(db, params, ex);
    if (!video)
        return;
    const DeferredAnswer later = ex.defer();
    previews.previewClip(*video, later.context(), [later, video = *video](const PreviewClipFile &clip) {
        later.give([&](HttpExchange &ex) { sendPreviewClip(video, clip, ex); });
    });
}

void sendPreviewClip(const Track &video, const PreviewClipFile &clip, HttpExchange &ex)
{
    if (const auto error = errorOf(clip))
        return ex.fail(*error);
    FileReplyOptions options;
    options.entityId = video.id;
    options.contentType = "video/mp4";
    options.stream.kind = StreamKind::Direct;
    options.stream.trackId = video.id;
    options.stream.title = video.title.isEmpty() ? QFileInfo(video.path).completeBaseName() : video.title;
    if (!replyWithFile(ex, clip.path, options)) {
        qCWarning(lcHttp) << "cannot open the preview clip of video" << video.id;
        ex.fail(DomainError::failed(u"the preview clip cannot be read"_s));
    }
}

} // namespace

void addVideoPreviewRoutes(Router &router, const HttpServices &services)
{
    if (!services.videoPreviews)
        return;
    const Database &db = *services.database;
    VideoPreviews &previews = *services.videoPreviews;
    const QList<HttpMethod> getOrHead{HttpMethod::Get, HttpMethod::Head};
    router.add(getOrHead, u"/api/videos/{id}/thumbnail"_s, Access::User,
               [&db, &previews](const QStringList &params, HttpExchange &ex) {
                   serveThumbnail(db, previews, params, ex);
               });
    router.add(getOrHead, u"/api/videos/{id}/thumbnails"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { serveThumbnailList(db, params, ex); });
    router.add(getOrHead, u"/api/videos/{id}/thumbnails/sprite"_s, Access::User,
               [&db, &previews](const QStringList &params, HttpExchange &ex) {
                   serveSprite(db, previews, params, ex);
               });
    router.add(getOrHead, u"/api/videos/{id}/preview"_s, Access::User,
               [&db, &previews](const QStringList &params, HttpExchange &ex) {
                   servePreviewClip(db, previews, params, ex);
               });
}

} // namespace cairn
