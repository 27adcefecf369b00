#include "api/RatingRoutes.h"

#include "catalog/RatingRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/JsonBody.h"
#include "api/StateItem.h"
#include "HttpExchange.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kMaxRating = 5;

// {"rating": 0–5}; a wrong value lists the allowed ones, as every 400 of the API does.
Result<int> ratingOf(const QByteArray &body)
{
    const Result<QJsonObject> object = objectBody(body);
    if (!object)
        return object.error();
    const Result<qint64> rating = integerIn(object->value(u"rating"_s), u"rating"_s, 0, kMaxRating);
    if (!rating) {
        QStringList allowed;
        for (int r = 0; r <= kMaxRating; ++r)
            allowed << QString::number(r);
        return DomainError::invalid(u"'rating' must be 0 (none) to 5"_s, allowed);
    }
    return int(*rating);
}

void setRating(const Database &db, const QStringList &params, HttpExchange &ex)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error());
    const Result<StateItem> item = visibleStateItem(db, params.at(0), params.at(1), ex.identity().visibility);
    if (!item)
        return ex.fail(item.error());
    const Result<int> rating = ratingOf(ex.request().body);
    if (!rating)
        return ex.fail(rating.error());
    if (const Outcome done = RatingRepository(db).set(*user, item->kind, item->id, *rating); !done)
        return ex.fail(done.error());
    ex.respond(HttpResponse::empty(204));
}

} // namespace

void addRatingRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Put}, u"/api/ratings/{kind}/{id}"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { setRating(db, params, ex); });
}

} // namespace cairn
