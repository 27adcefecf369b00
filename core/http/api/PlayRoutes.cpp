#include "api/PlayRoutes.h"

#include "base/TextValues.h"
#include "catalog/PlayRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "api/JsonBody.h"
#include "api/StateItem.h"
#include "HttpExchange.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Clients submit plays made offline later, but never ones from the future: a little slack for
// clocks that run ahead.
constexpr qint64 kClockSlackSecs = 300;

// When the play happened: "at" from the body, else now.
Result<qint64> playedAt(const QByteArray &body)
{
    const Result<QJsonObject> object = optionalObjectBody(body);
    if (!object)
        return object.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!object->contains(u"at"_s))
        return now;
    const Result<qint64> at = integerIn(object->value(u"at"_s), u"at"_s, 1, now + kClockSlackSecs);
    if (!at)
        return DomainError::invalid(u"'at' must be a time in unix seconds, not in the future"_s);
    return *at;
}

void recordPlay(const Database &db, const QString &idText, HttpExchange &ex)
{
    const Result<qint64> user = stateOwner(ex.identity());
    if (!user)
        return ex.fail(user.error());
    const Result<qint64> id = requireId(idText, u"track"_s);
    if (!id)
        return ex.fail(id.error());
    if (!TrackRepository(db).find(*id, ex.identity().visibility))
        return ex.fail(DomainError::notFound(u"no such track"_s));
    const Result<qint64> at = playedAt(ex.request().body);
    if (!at)
        return ex.fail(at.error());
    if (const Outcome done = PlayRepository(db).recordPlay(*user, *id, *at); !done)
        return ex.fail(done.error());
    ex.respond(HttpResponse::empty(204));
}

} // namespace

void addPlayRoutes(Router &router, const HttpServices &services)
{
    const Database &db = *services.database;
    router.add({HttpMethod::Post}, u"/api/tracks/{id}/played"_s, Access::User,
               [&db](const QStringList &params, HttpExchange &ex) { recordPlay(db, params.at(0), ex); });
}

} // namespace cairn
