#include "http/api/TranscodeRoutes.h"

#include "auth/UserAdministration.h"
#include "catalog/TrackRepository.h"
#include "http/FileReply.h"
#include "http/HttpExchange.h"
#include "http/HttpLog.h"
#include "http/HttpServer.h"
#include "http/ProcessBody.h"
#include "http/Router.h"
#include "base/TextValues.h"
#include "stream/RangeRequest.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeQuery.h"
#include "transcode/TranscodeService.h"
#include "transcode/TranscodeSession.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kRetryAfterSeconds = 5;

// The most this caller may receive, in kbit/s (0 = no limit): the user's own setting, read
// fresh so an edit applies to the next request. The local administrator has no limit.
int maxBitrateFor(const Identity &identity, const UserAdministration *users)
{
    if (!users || identity.userId <= 0)
        return 0;
    const auto user = users->find(identity.userId);
    return user ? qMax(0, user->maxBitrate) : 0;
}

// A body that is never read: HEAD answers announce a live transcode without starting it.
class HeadOnlyBody final : public BodySource
{
public:
    explicit HeadOnlyBody(qint64 size) : m_size(size) {}
    qint64 size() const override { return m_size; }
    qint64 read(char *, qint64) override { return -1; }

private:
    qint64 m_size;
};

QByteArray secondsText(double seconds)
{
    return QByteArray::number(qMax(0.0, seconds), 'f', 3);
}

void sendLive(HttpExchange &ex, TranscodeService &service, const Track &track, const TranscodeRequest &request,
              const OutputSpec &spec, std::optional<QString> cacheKey)
{
    const OutputFormatInfo &info = infoFor(spec.format);
    const double remaining = double(track.durationMs) / 1000.0 - request.offsetSeconds;
    const bool seekable = info.constantBitrate && track.durationMs > 0;
    const QByteArray range = seekable ? ex.request().header("range") : QByteArray();
    const auto plan = planLive(spec, seekable ? remaining : 0, request.offsetSeconds, range);
    if (!plan) {
        HttpResponse r = toResponse({416, u"range not satisfiable"_s});
        r.setHeader("Content-Range", unsatisfiedContentRange(*estimatedLength(spec, remaining)));
        return ex.respond(r);
    }

    HttpResponse head;
    head.status = plan->partial ? 206 : 200;
    head.setHeader("Content-Type", info.mediaType);
    head.setHeader("Cache-Control", "private, no-store");
    head.setHeader("Accept-Ranges", seekable ? "bytes" : "none");
    if (track.durationMs > 0)
        head.setHeader("X-Content-Duration", secondsText(remaining));
    if (plan->partial)
        head.setHeader("Content-Range", contentRangeHeader(plan->range, plan->totalLength));
    StreamInfo stream;
    stream.kind = StreamKind::Transcode;
    stream.trackId = track.id;
    stream.title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    stream.preset = request.preset.name;
    stream.seekPositionMs = qint64(plan->startSeconds * 1000);
    if (ex.request().isHead())
        return ex.stream(head, std::make_unique<HeadOnlyBody>(plan->bodyLength), stream);

    auto slot = service.limiter().tryAcquire();
    if (!slot) {
        HttpResponse r = toResponse({503, u"too many transcodes are running (at most %1); try again shortly"_s
                                              .arg(service.limiter().maxConcurrent())});
        r.setHeader("Retry-After", QByteArray::number(kRetryAfterSeconds));
        return ex.respond(r);
    }
    const TranscodeJob job{track.path, spec, plan->startSeconds, 0};
    auto session = std::make_unique<TranscodeSession>(service.settings().ffmpegProgram, ffmpegArguments(job));
    const QString description = u"transcode of track %1 to %2"_s.arg(track.id).arg(request.preset.name);
    // Waiting for the first bytes here is what lets a failing FFmpeg still get a JSON error.
    if (!session->start()) {
        qCWarning(lcHttp).noquote() << description << "failed:" << session->errorText();
        return ex.fail({500, u"the transcoder cannot be started"_s});
    }
    if (!session->waitForOutput(service.settings().firstByteTimeoutMs)) {
        // No output at all is fine when FFmpeg succeeded (a range at the very end: the body is
        // padding); otherwise it failed before the first byte and the client gets JSON.
        session->waitForExit(2000);
        if (!session->succeeded()) {
            qCWarning(lcHttp).noquote() << description << "failed:" << session->errorText();
            return ex.fail({500, u"the transcoder failed for this track"_s});
        }
    }
    std::unique_ptr<CacheWriter> cache;
    if (cacheKey && !plan->partial && request.offsetSeconds == 0)
        cache = service.cache().writer(*cacheKey, info.extension);
    ex.stream(head, std::make_unique<ProcessBody>(std::move(session), *plan, std::move(slot), std::move(cache), description),
              stream);
}

void transcodeTrack(const Database &db, TranscodeService *service, const UserAdministration *users,
                    const QStringList &params, HttpExchange &ex)
{
    const auto id = parseId(params.at(0));
    if (!id)
        return ex.fail(ApiError::badRequest(u"track id must be a positive integer"_s));
    const auto track = TrackRepository(db).find(*id, ex.identity().visibility);
    if (!track || !QFileInfo(track->path).isFile())
        return ex.fail(ApiError::notFound(u"no such track"_s));
    if (!service)
        return ex.fail({503, u"transcoding is not available on this server"_s});

    const PresetRepository presets = service->presets();
    QStringList names;
    for (const Preset &p : presets.list())
        names << p.name;
    const auto parsed = parseTranscodeQuery(
        ex.request().query, [&presets](const QString &name) { return presets.findByName(name); }, names,
        double(track->durationMs) / 1000.0);
    if (const auto *error = std::get_if<QString>(&parsed))
        return ex.fail(ApiError::badRequest(*error));
    TranscodeRequest request = std::get<TranscodeRequest>(parsed);
    request.preset = cappedPreset(request.preset, maxBitrateFor(ex.identity(), users));
    const OutputSpec spec = resolveOutput(request.preset, track->sampleRate, track->channels);

    const QFileInfo source(track->path);
    const QString key = transcodeCacheKey(track->id, source.size(), source.lastModified().toUTC(), spec);
    if (request.offsetSeconds == 0) {
        if (const auto cached = service->cache().lookup(key)) {
            FileReplyOptions options;
            options.entityId = track->id;
            options.contentType = infoFor(spec.format).mediaType;
            options.stream.kind = StreamKind::Transcode;
            options.stream.trackId = track->id;
            options.stream.title = track->title;
            options.stream.preset = request.preset.name;
            if (replyWithFile(ex, *cached, options))
                return;
        }
    }
    sendLive(ex, *service, *track, request, spec, key);
}

QJsonArray presetsJson(const QList<Preset> &presets)
{
    QJsonArray items;
    for (const Preset &p : presets) {
        const OutputFormatInfo &info = infoFor(p.format);
        items.append(QJsonObject{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"format"_s, info.key},
                                 {u"contentType"_s, QString::fromLatin1(info.mediaType)},
                                 {u"bitrate"_s, p.bitrateKbps}, {u"sampleRate"_s, p.sampleRate},
                                 {u"channels"_s, p.channels}, {u"seekable"_s, info.constantBitrate}});
    }
    return items;
}

QJsonArray videoPresetsJson(const QList<VideoPreset> &presets)
{
    QJsonArray items;
    for (const VideoPreset &p : presets)
        items.append(QJsonObject{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"width"_s, p.width},
                                 {u"height"_s, p.height}, {u"videoBitrate"_s, p.videoKbps},
                                 {u"audioBitrate"_s, p.audioKbps}});
    return items;
}

} // namespace

void addTranscodeRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    TranscodeService *service = services.transcoding;
    const UserAdministration *users = services.users;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/transcode"_s, Access::User,
               [&db, service, users](const QStringList &params, HttpExchange &ex) {
                   transcodeTrack(db, service, users, params, ex);
               });
    router.add({HttpMethod::Get}, u"/api/presets"_s, Access::User, [service](const QStringList &, HttpExchange &ex) {
        const QList<Preset> presets = service ? service->presets().list() : QList<Preset>{};
        const QList<VideoPreset> video = service ? service->videoPresets().list() : QList<VideoPreset>{};
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, presetsJson(presets)},
                                                                     {u"video"_s, videoPresetsJson(video)}})));
    });
}

} // namespace cairn
