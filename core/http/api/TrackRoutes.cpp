#include "api/TrackRoutes.h"

#include "base/TextValues.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/StateJson.h"
#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonObject>

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
        const auto limit = intParam(query, u"limit"_s, kDefaultLimit, 1, kMaxLimit);
        if (!limit)
            return ex.fail(limit.error());
        const QString q = query.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
        if (q.size() > kMaxQueryLength)
            return ex.fail(DomainError::invalid(u"'q' is longer than %1 characters"_s.arg(kMaxQueryLength)));
        const TrackRepository tracks(db);
        const Visibility &visibility = ex.identity().visibility;

        QJsonObject body;
        TrackPage page;
        if (query.hasQueryItem(u"after"_s)) {
            if (query.hasQueryItem(u"offset"_s) || !q.isEmpty())
                return ex.fail(DomainError::invalid(u"'after' pages the library order: not with 'offset' or 'q'"_s));
            const auto after = LibraryCursor::decoded(query.queryItemValue(u"after"_s, QUrl::FullyDecoded));
            if (!after)
                return ex.fail(DomainError::invalid(u"'after' is not a cursor this server gave ('next')"_s));
            page = tracks.listAfter(*after, int(*limit), visibility);
        } else {
            const auto offset = intParam(query, u"offset"_s, 0, 0, std::numeric_limits<int>::max());
            if (!offset)
                return ex.fail(offset.error());
            page = tracks.list(*offset, int(*limit), q, visibility);
            body.insert(u"offset"_s, *offset);
        }
        body.insert(u"items"_s, tracksWithState(db, ex.identity().userId, page.items));
        body.insert(u"total"_s, page.total);
        body.insert(u"limit"_s, *limit);
        if (q.isEmpty())
            body.insert(u"next"_s, page.next ? QJsonValue(page.next->encoded()) : QJsonValue());
        ex.respond(HttpResponse::json(200, QJsonDocument(body)));
    });

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}"_s, Access::User, [&db](const QStringList &params, HttpExchange &ex) {
        const auto id = requireId(params.at(0), u"track"_s);
        if (!id)
            return ex.fail(id.error());
        const auto track = TrackRepository(db).find(*id, ex.identity().visibility);
        if (!track)
            return ex.fail(DomainError::notFound(u"no such track"_s));
        const QJsonObject json = tracksWithState(db, ex.identity().userId, {*track}).first().toObject();
        ex.respond(HttpResponse::json(200, QJsonDocument(json)));
    });
}

} // namespace cairn
