#include "access/AppPasswordRoutes.h"

#include "auth/AppPasswordStore.h"
#include "auth/UserAdministration.h"
#include "base/TextValues.h"
#include "http/HttpServer.h"

#include "access/AccountSegment.h"
#include "access/AppPasswordJson.h"

#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

void addAppPasswordRoutes(Router &router, const HttpServices &services)
{
    if (!services.appPasswords || !services.users)
        return;
    AppPasswordStore &store = *services.appPasswords;
    const UserAdministration &users = *services.users;

    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/users/{id}/app-passwords"_s, Access::User,
               [&store, &users](const QStringList &params, HttpExchange &ex) {
        const auto owner = accountNamedBy(params.at(0), ex.identity(), users);
        if (!owner)
            return ex.fail(owner.error());
        QJsonArray items;
        for (const AppPasswordInfo &info : store.list(*owner))
            items.append(appPasswordToJson(info));
        ex.respond(HttpResponse::json(200, QJsonDocument(items)));
    });
    router.add({HttpMethod::Post}, u"/api/users/{id}/app-passwords"_s, Access::User,
               [&store, &users](const QStringList &params, HttpExchange &ex) {
        const auto owner = accountNamedBy(params.at(0), ex.identity(), users);
        if (!owner)
            return ex.fail(owner.error());
        const auto name = appPasswordNameFromJson(ex.request().body);
        if (!name)
            return ex.fail(name.error());
        const auto created = store.create(*owner, *name);
        if (!created)
            return ex.fail(created.error());
        HttpResponse r = HttpResponse::json(201, QJsonDocument(createdAppPasswordToJson(*created)));
        r.setHeader("Cache-Control", "no-store");   // the secret is shown this once
        ex.respond(r);
    });
    router.add({HttpMethod::Delete}, u"/api/users/{id}/app-passwords/{pid}"_s, Access::User,
               [&store, &users](const QStringList &params, HttpExchange &ex) {
        const auto owner = accountNamedBy(params.at(0), ex.identity(), users);
        if (!owner)
            return ex.fail(owner.error());
        const auto id = requireId(params.at(1), u"app password"_s);
        if (!id)
            return ex.fail(id.error());
        if (const Outcome revoked = store.revoke(*owner, *id); !revoked)
            return ex.fail(revoked.error());
        ex.respond(HttpResponse::empty(204));
    });
}

} // namespace cairn
