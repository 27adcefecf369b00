#include "api/OptimisedRoutes.h"

#include "api/HlsSource.h"
#include "api/JsonBody.h"
#include "api/VisibleVideo.h"

#include "base/TextValues.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "hls/HlsService.h"
#include "transcode/VideoPreset.h"
#include "hls/OptimiseQueue.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// A folder's request names at most this many videos; beyond, the rest are reported skipped.
constexpr int kMaxFolderVideos = 2000;
constexpr int kFolderPage = 500;

struct OptimisedContext
{
    const Database &db;
    HlsService &hls;
    OptimiseQueue &queue;
};

QJsonObject versionJson(const OptimisedVersion &v)
{
    const HlsVariant &variant = v.variant();
    QJsonObject o{{u"id"_s, v.id},
                  {u"videoId"_s, v.source.trackId},
                  {u"title"_s, v.source.title},
                  {u"variant"_s, QJsonObject{{u"key"_s, variant.key},
                                             {u"name"_s, variant.name},
                                             {u"width"_s, variant.width},
                                             {u"height"_s, variant.height},
                                             {u"videoKbps"_s, variant.videoKbps},
                                             {u"audioKbps"_s, variant.audioKbps}}},
                  {u"state"_s, stateName(v.state)},
                  {u"segmentsDone"_s, v.segmentsDone},
                  {u"segments"_s, v.segmentCount()},
                  {u"progress"_s, v.segmentCount() > 0 ? double(v.segmentsDone) / v.segmentCount() : 0.0},
                  {u"bytes"_s, v.bytes},
                  {u"requestedBy"_s, v.requestedBy},
                  {u"created"_s, v.created.toString(Qt::ISODate)}};
    if (!v.error.isEmpty())
        o.insert(u"error"_s, v.error);
    return o;
}

QJsonObject storeJson(const OptimiseQueue &queue)
{
    return {{u"usedBytes"_s, queue.store().usedBytes()}, {u"maxBytes"_s, queue.store().maxBytes()}};
}

// The variant keys a request asks for: {"variants": ["3", …]} or nothing (the top rung).
Result<QStringList> askedVariants(const QByteArray &body)
{
    const auto object = optionalObjectBody(body);
    if (!object)
        return object.error();
    if (const Outcome known = onlyKnownFields(*object, {u"variants"_s}); !known)
        return known.error();
    if (!object->contains(u"variants"_s))
        return QStringList();
    const QJsonValue value = object->value(u"variants"_s);
    if (!value.isArray() || value.toArray().isEmpty())
        return DomainError::invalid(u"'variants' must be a non-empty array of variant keys (video preset ids)"_s);
    QStringList keys;
    for (const QJsonValue &key : value.toArray()) {
        const QString text = key.isDouble() ? QString::number(key.toInteger()) : key.toString();
        if (text.isEmpty() || text.size() > 20)
            return DomainError::invalid(u"'variants' must be a non-empty array of variant keys (video preset ids)"_s);
        if (!keys.contains(text))
            keys << text;
    }
    return keys;
}

// Queues `keys` (empty: the top rung) of one video. NotFound naming the video's own variants
// when it has no such one.
Result<QList<OptimisedVersion>> queueVideo(const OptimisedContext &c, const Track &track, const QStringList &keys,
                                           const QString &requestedBy)
{
    auto source = encodedHlsSource(track, c.hls.presets(), c.hls.settings().segmentSeconds, SegmentFormat::Fmp4);
    if (!source)
        return source.error();
    QList<HlsVariant> chosen;
    if (keys.isEmpty()) {
        chosen << source->variants.constLast();   // the ladder ends at its top
    } else {
        QStringList offered;
        for (const HlsVariant &v : std::as_const(source->variants))
            offered << v.key;
        for (const QString &key : keys) {
            const auto it = std::find_if(source->variants.cbegin(), source->variants.cend(),
                                         [&](const HlsVariant &v) { return v.key == key; });
            if (it == source->variants.cend())
                return DomainError::invalid(u"video %1 has no variant '%2'"_s.arg(track.id).arg(key), offered);
            chosen << *it;
        }
    }
    QList<OptimisedVersion> queued;
    for (const HlsVariant &variant : std::as_const(chosen)) {
        HlsSessionSource one = *source;
        one.variants = {variant};
        auto version = c.queue.add(std::move(one), requestedBy);
        if (!version)
            return version.error();
        queued << *version;
    }
    return queued;
}

QJsonArray versionsJson(const QList<OptimisedVersion> &versions)
{
    QJsonArray array;
    for (const OptimisedVersion &v : versions)
        array.append(versionJson(v));
    return array;
}

void queueOneVideo(const OptimisedContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto keys = askedVariants(ex.request().body);
    if (!keys)
        return ex.fail(keys.error());
    const auto video = visibleVideo(c.db, params.at(0), ex.identity().visibility);
    if (!video)
        return ex.fail(video.error());
    const auto queued = queueVideo(c, *video, *keys, ex.identity().name);
    if (!queued)
        return ex.fail(queued.error());
    ex.respond(HttpResponse::json(
        202, QJsonDocument(QJsonObject{{u"versions"_s, versionsJson(*queued)}, {u"store"_s, storeJson(c.queue)}})));
}

void queueFolder(const OptimisedContext &c, const QStringList &params, HttpExchange &ex)
{
    const auto keys = askedVariants(ex.request().body);
    if (!keys)
        return ex.fail(keys.error());
    const auto folderId = requireId(params.at(0), u"folder"_s);
    if (!folderId)
        return ex.fail(folderId.error());
    const QList<Folder> folders = FolderRepository(c.db).list();
    if (std::none_of(folders.cbegin(), folders.cend(), [&](const Folder &f) { return f.id == *folderId; }))
        return ex.fail(DomainError::notFound(u"no such library folder"_s));
    const TrackRepository tracks(c.db);
    const Visibility folder = Visibility::folders({*folderId});
    QList<OptimisedVersion> queued;
    QJsonArray skipped;
    for (qint64 offset = 0; offset < kMaxFolderVideos; offset += kFolderPage) {
        const TrackPage page = tracks.list(offset, kFolderPage, {}, folder, MediaKind::Video);
        for (const Track &track : page.items) {
            // One video's refusal (no such variant, no duration) does not stop the others; a
            // full store stops them all.
            const auto one = queueVideo(c, track, *keys, ex.identity().name);
            if (one)
                queued << *one;
            else if (one.error().kind == DomainError::Kind::NoSpace)
                return ex.fail(one.error());
            else
                skipped.append(QJsonObject{{u"videoId"_s, track.id}, {u"reason"_s, one.error().message}});
        }
        if (page.items.size() < kFolderPage)
            break;
    }
    ex.respond(HttpResponse::json(202, QJsonDocument(QJsonObject{{u"versions"_s, versionsJson(queued)},
                                                                 {u"skipped"_s, skipped},
                                                                 {u"store"_s, storeJson(c.queue)}})));
}

} // namespace

void addOptimisedRoutes(Router &router, const HttpServices &services)
{
    if (!services.optimiser || !services.hls || !services.database)
        return;
    const auto c = std::make_shared<OptimisedContext>(OptimisedContext{*services.database, *services.hls, *services.optimiser});
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/optimised"_s, Access::Admin,
               [c](const QStringList &, HttpExchange &ex) {
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"store"_s, storeJson(c->queue)},
                                                                     {u"versions"_s, versionsJson(c->queue.versions())}})));
    });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/optimised/{id}"_s, Access::Admin,
               [c](const QStringList &params, HttpExchange &ex) {
        const auto version = c->queue.version(params.at(0));
        if (!version)
            return ex.fail(DomainError::notFound(u"no such optimised version"_s));
        ex.respond(HttpResponse::json(200, QJsonDocument(versionJson(*version))));
    });
    router.add({HttpMethod::Delete}, u"/api/optimised/{id}"_s, Access::Admin,
               [c](const QStringList &params, HttpExchange &ex) {
        if (!c->queue.remove(params.at(0)))
            return ex.fail(DomainError::notFound(u"no such optimised version"_s));
        ex.respond(HttpResponse::empty(204));
    });
    router.add({HttpMethod::Post}, u"/api/videos/{id}/optimised"_s, Access::Admin,
               [c](const QStringList &params, HttpExchange &ex) { queueOneVideo(*c, params, ex); });
    router.add({HttpMethod::Post}, u"/api/folders/{id}/optimised"_s, Access::Admin,
               [c](const QStringList &params, HttpExchange &ex) { queueFolder(*c, params, ex); });
}

} // namespace cairn
