#include "access/AuthRoutes.h"

#include "auth/Authenticator.h"
#include "auth/UserAdministration.h"
#include "base/TextValues.h"
#include "catalog/TrackRepository.h"
#include "http/auth/AuthGuard.h"
#include "http/auth/ClientAddress.h"
#include "http/HttpServer.h"

#include "access/AccountSegment.h"
#include "access/UserJson.h"

#include "HttpExchange.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QJsonValue isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

void respondWith(HttpExchange &ex, int status, const Result<User> &result)
{
    if (!result)
        return ex.fail(result.error());
    ex.respond(HttpResponse::json(status, QJsonDocument(userToJson(*result))));
}

void addLoginRoutes(Router &router, Authenticator &auth, const TrustedProxies &proxies)
{
    router.add({HttpMethod::Post}, u"/api/auth/login"_s, Access::Public, [&auth, proxies](const QStringList &, HttpExchange &ex) {
        const QJsonDocument doc = QJsonDocument::fromJson(ex.request().body);
        const QJsonObject o = doc.object();
        if (!o.value(u"name"_s).isString() || !o.value(u"password"_s).isString())
            return ex.fail(DomainError::invalid(u"expected a JSON object with 'name' and 'password'"_s));
        const LoginOutcome out = auth.login(o.value(u"name"_s).toString(), o.value(u"password"_s).toString(),
                                            clientAddress(ex.request(), proxies));
        switch (out.result) {
        case LoginOutcome::Result::LoggedIn:
            return ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{
                {u"token"_s, QString::fromLatin1(out.token)},
                {u"expiresAt"_s, isoTime(out.expiresAt)},
                {u"user"_s, userToJson(out.user)}})));
        case LoginOutcome::Result::Throttled:
            return ex.fail(DomainError::tooManyAttempts(u"too many failed logins; try again later"_s,
                                                        int(out.retryAfterSecs)));
        case LoginOutcome::Result::Refused:
            return ex.fail(DomainError::unauthenticated(u"wrong name or password"_s));
        case LoginOutcome::Result::Failed:
            break;
        }
        ex.fail(DomainError::failed(u"cannot log in now"_s));
    });

    router.add({HttpMethod::Post}, u"/api/auth/logout"_s, Access::User, [&auth](const QStringList &, HttpExchange &ex) {
        const QByteArray token = bearerToken(ex.request());
        if (!token.isEmpty())
            auth.logout(token);
        ex.respond(HttpResponse::empty(204));
    });

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/auth/me"_s, Access::User, [&auth](const QStringList &, HttpExchange &ex) {
        const auto user = auth.activeUser(ex.identity().userId);
        if (!user)
            return ex.fail(DomainError::unauthenticated(u"authentication required"_s));
        ex.respond(HttpResponse::json(200, QJsonDocument(userToJson(*user))));
    });
}

void addSignedUrlRoute(Router &router, Authenticator &auth, const Database &db)
{
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/tracks/{id}/stream-url"_s, Access::User,
               [&auth, &db](const QStringList &params, HttpExchange &ex) {
        const auto id = requireId(params.at(0), u"track"_s);
        if (!id)
            return ex.fail(id.error());
        if (!TrackRepository(db).find(*id, ex.identity().visibility))
            return ex.fail(DomainError::notFound(u"no such track"_s));
        const QString base = u"/api/tracks/%1/"_s.arg(*id);
        qint64 expiresAt = 0;
        const QString url = auth.signedUrl(base + u"stream"_s, ex.identity().userId, &expiresAt);
        const QString download = auth.signedUrl(base + u"download"_s, ex.identity().userId);
        // The signature covers the path only: players add "&preset=…&offset=…" themselves.
        const QString transcode = auth.signedUrl(base + u"transcode"_s, ex.identity().userId);
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{
            {u"url"_s, url}, {u"downloadUrl"_s, download}, {u"transcodeUrl"_s, transcode},
            {u"expiresAt"_s, isoTime(expiresAt)}})));
    });
}

void addUserRoutes(Router &router, UserAdministration &users)
{
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/users"_s, Access::Admin, [&users](const QStringList &, HttpExchange &ex) {
        QJsonArray items;
        for (const User &u : users.list())
            items.append(userToJson(u));
        ex.respond(HttpResponse::json(200, QJsonDocument(QJsonObject{{u"items"_s, items}})));
    });
    router.add({HttpMethod::Post}, u"/api/users"_s, Access::Admin, [&users](const QStringList &, HttpExchange &ex) {
        const auto changes = userChangesFromJson(ex.request().body);
        if (!changes)
            return ex.fail(changes.error());
        respondWith(ex, 201, users.create(*changes));
    });
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/users/{id}"_s, Access::Admin,
               [&users](const QStringList &params, HttpExchange &ex) {
        const auto id = requireId(params.at(0), u"user"_s);
        if (!id)
            return ex.fail(id.error());
        const auto user = users.find(*id);
        if (!user)
            return ex.fail(DomainError::notFound(u"no such user"_s));
        ex.respond(HttpResponse::json(200, QJsonDocument(userToJson(*user))));
    });
    router.add({HttpMethod::Put, HttpMethod::Patch}, u"/api/users/{id}"_s, Access::Admin,
               [&users](const QStringList &params, HttpExchange &ex) {
        const auto id = requireId(params.at(0), u"user"_s);
        if (!id)
            return ex.fail(id.error());
        const auto changes = userChangesFromJson(ex.request().body);
        if (!changes)
            return ex.fail(changes.error());
        respondWith(ex, 200, users.update(*id, *changes));
    });
    router.add({HttpMethod::Delete}, u"/api/users/{id}"_s, Access::Admin, [&users](const QStringList &params, HttpExchange &ex) {
        const auto id = requireId(params.at(0), u"user"_s);
        if (!id)
            return ex.fail(id.error());
        if (const Outcome removed = users.remove(*id); !removed)
            return ex.fail(removed.error());
        ex.respond(HttpResponse::empty(204));
    });
    // A user for themself ("me"), an administrator for anyone: ends every token, stream and
    // signed URL of the account (the caller's own token too, when it is theirs).
    router.add({HttpMethod::Post}, u"/api/users/{id}/sign-out-everywhere"_s, Access::User,
               [&users](const QStringList &params, HttpExchange &ex) {
        const auto id = accountNamedBy(params.at(0), ex.identity(), users);
        if (!id)
            return ex.fail(id.error());
        if (const Outcome signedOut = users.signOutEverywhere(*id); !signedOut)
            return ex.fail(signedOut.error());
        ex.respond(HttpResponse::empty(204));
    });
}

} // namespace

void addAuthRoutes(Router &router, const HttpServices &services)
{
    if (!services.auth || !services.users)
        return;
    addLoginRoutes(router, *services.auth, services.trustedProxies);
    addSignedUrlRoute(router, *services.auth, *services.database);
    addUserRoutes(router, *services.users);
}

} // namespace cairn
