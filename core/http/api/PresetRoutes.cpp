#include "api/PresetRoutes.h"

#include "base/TextValues.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "transcode/PresetRepository.h"
#include "transcode/TranscodeService.h"
#include "transcode/VideoPresetRepository.h"

#include "api/PresetJson.h"
#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

template<typename Value>
QJsonArray presetsJson(const QList<Value> &presets)
{
    QJsonArray items;
    for (const Value &p : presets)
        items.append(presetToJson(p));
    return items;
}

// The body as a JSON object, or the error already answered.
std::optional<QJsonObject> objectBody(HttpExchange &ex)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(ex.request().body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        ex.fail(DomainError::invalid(u"the body must be a JSON object"_s));
        return std::nullopt;
    }
    return doc.object();
}

// The writes of one kind of preset, written once: `store(service)` is that kind's repository.
template<typename Value, typename StoreOf>
void addPresetWrites(Router &router, const QString &collection, TranscodeService *service, StoreOf store)
{
    const auto unavailable = [] { return DomainError::unavailable(u"transcoding is not available on this server"_s); };
    router.add({HttpMethod::Post}, collection, Access::Admin, [=](const QStringList &, HttpExchange &ex) {
        if (!service)
            return ex.fail(unavailable());
        const auto body = objectBody(ex);
        if (!body)
            return;
        Result<Value> preset = presetFromJson(*body, Value{});
        if (preset)
            preset = store(service).save(*preset);
        if (!preset)
            return ex.fail(preset.error());
        ex.respond(HttpResponse::json(201, QJsonDocument(presetToJson(*preset))));
    });
    router.add({HttpMethod::Put, HttpMethod::Patch}, collection + u"/{id}"_s, Access::Admin,
               [=](const QStringList &params, HttpExchange &ex) {
        if (!service)
            return ex.fail(unavailable());
        const Result<qint64> id = requireId(params.at(0), u"preset"_s);
        if (!id)
            return ex.fail(id.error());
        const auto stored = store(service).find(*id);
        if (!stored)
            return ex.fail(DomainError::notFound(u"no such preset"_s));
        const auto body = objectBody(ex);
        if (!body)
            return;
        Result<Value> preset = presetFromJson(*body, *stored);
        if (preset)
            preset = store(service).save(*preset);
        if (!preset)
            return ex.fail(preset.error());
        ex.respond(HttpResponse::json(200, QJsonDocument(presetToJson(*preset))));
    });
    router.add({HttpMethod::Delete}, collection + u"/{id}"_s, Access::Admin, [=](const QStringList &params, HttpExchange &ex) {
        if (!service)
            return ex.fail(unavailable());
        const Result<qint64> id = requireId(params.at(0), u"preset"_s);
        if (!id)
            return ex.fail(id.error());
        if (const Outcome removed = store(service).remove(*id); !removed)
            return ex.fail(removed.error());
        ex.respond(HttpResponse::empty(204));
    });
}

} // namespace

void addPresetRoutes(Router &router, const HttpServices &services)
{
    TranscodeService *service = services.transcoding;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/presets"_s, Access::User, [service](const QStringList &, HttpExchange &ex) {
        const QList<Preset> presets = service ? service->presets().list() : QList<Preset>{};
        const QList<VideoPreset> video = service ? service->videoPresets().list() : QList<VideoPreset>{};
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, presetsJson(presets)},
                                                                     {u"video"_s, presetsJson(video)}})));
    });
    addPresetWrites<Preset>(router, u"/api/presets"_s, service,
                            [](const TranscodeService *s) { return s->presets(); });
    addPresetWrites<VideoPreset>(router, u"/api/video-presets"_s, service,
                                 [](const TranscodeService *s) { return s->videoPresets(); });
}

} // namespace cairn
