#include "http/api/TrackRoutes.h"

#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "http/api/QueryParams.h"
#include "http/api/TrackJson.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr qint64 kDefaultLimit = 50;
constexpr qint64 kMaxLimit = 500;
constexpr int kMaxQueryLength = 200;
} // namespace

void addTrackRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks"_s, Access::User, [&db](const QStringList &, HttpExchange &ex) {
        const QUrlQuery &query = ex.request().query;
        const auto offset = intParam(query, u"offset"_s, 0, 0, std::numeric_limits<int>::max());
        if (const auto *e = std::get_if<ApiError>(&offset))
            return ex.fail(*e);
        const auto limit = intParam(query, u"limit"_s, kDefaultLimit, 1, kMaxLimit);
        if (const auto *e = std::get_if<ApiError>(&limit))
            return ex.fail(*e);
        const QString q = query.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
        if (q.size() > kMaxQueryLength)
            return ex.fail(ApiError::badRequest(u"'q' is longer than %1 characters"_s.arg(kMaxQueryLength)));

        const TrackPage page = TrackRepository(db).list(std::get<qint64>(offset), int(std::get<qint64>(limit)), q,
                                                         ex.identity().visibility);
        QJsonArray items;
        for (const Track &t : page.items)
            items.append(trackToJson(t));
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{
            {u"items"_s, items},
            {u"total"_s, page.total},
            {u"offset"_s, std::get<qint64>(offset)},
            {u"limit"_s, std::get<qint64>(limit)},
        })));
    });

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}"_s, Access::User, [&db](const QStringList &params, HttpExchange &ex) {
        const auto id = parseId(params.at(0));
        if (!id)
            return ex.fail(ApiError::badRequest(u"track id must be a positive integer"_s));
        const auto track = TrackRepository(db).find(*id, ex.identity().visibility);
        if (!track)
            return ex.fail(ApiError::notFound(u"no such track"_s));
        ex.respond(HttpResponse::json(200, QJsonDocument(trackToJson(*track))));
    });
}

} // namespace cairn
