#include "api/DlnaSettingsRoutes.h"

#include "api/JsonBody.h"
#include "dlna/LanInterfaces.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "HttpExchange.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kMaxFriendlyName = 64;
constexpr int kMaxInterfaces = 16;

QJsonObject statusJson(const dlna::DlnaStatus &status)
{
    QJsonArray interfaces;
    for (const QString &name : status.settings.interfaces)
        interfaces.append(name);
    QJsonArray available;
    for (const dlna::LanInterface &lan : dlna::lanInterfaces({}))
        available.append(QJsonObject{{u"name"_s, lan.name}, {u"address"_s, lan.address.toString()}});
    return QJsonObject{{u"enabled"_s, status.settings.enabled},
                       {u"friendlyName"_s, status.settings.friendlyName},
                       {u"user"_s, status.settings.user},
                       {u"interfaces"_s, interfaces},
                       {u"running"_s, status.running},
                       {u"problem"_s, status.problem.isEmpty() ? QJsonValue() : QJsonValue(status.problem)},
                       {u"networks"_s, QJsonArray::fromStringList(status.networks)},
                       {u"availableInterfaces"_s, available}};
}

// The body's fields over the current settings; every field optional.
Result<dlna::DlnaSettings> changedSettings(const QByteArray &body, dlna::DlnaSettings settings)
{
    const auto object = objectBody(body);
    if (!object)
        return object.error();
    if (const Outcome known = onlyKnownFields(*object, {u"enabled"_s, u"friendlyName"_s, u"user"_s, u"interfaces"_s});
        !known)
        return known.error();
    const auto enabled = optionalBool(*object, u"enabled"_s);
    if (!enabled)
        return enabled.error();
    const auto name = optionalString(*object, u"friendlyName"_s);
    if (!name)
        return name.error();
    const auto user = optionalString(*object, u"user"_s);
    if (!user)
        return user.error();
    if (*enabled)
        settings.enabled = **enabled;
    if (*name) {
        const QString text = (**name).trimmed();
        for (QChar c : text)
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                return DomainError::invalid(u"'friendlyName' cannot hold control or invisible characters"_s);
        if (text.size() > kMaxFriendlyName)
            return DomainError::invalid(u"'friendlyName' is at most %1 characters"_s.arg(kMaxFriendlyName));
        settings.friendlyName = text;
    }
    if (*user)
        settings.user = (**user).trimmed();
    if (object->contains(u"interfaces"_s)) {
        const QJsonValue value = object->value(u"interfaces"_s);
        if (!value.isArray() || value.toArray().size() > kMaxInterfaces)
            return DomainError::invalid(u"'interfaces' must be an array of at most %1 names or addresses"_s.arg(kMaxInterfaces));
        QStringList names;
        for (const QJsonValue &v : value.toArray()) {
            const QString text = v.toString().trimmed();
            if (!v.isString() || text.isEmpty() || text.size() > 64)
                return DomainError::invalid(u"'interfaces' must hold interface names or addresses"_s);
            names << text;
        }
        settings.interfaces = names;
    }
    return settings;
}

} // namespace

void addDlnaSettingsRoutes(Router &router, const HttpServices &services)
{
    if (!services.dlnaStatus || !services.applyDlnaSettings)
        return;
    const auto status = services.dlnaStatus;
    const auto apply = services.applyDlnaSettings;
    router.add({HttpMethod::Get, HttpMethod::Head}, u"/api/dlna"_s, Access::Admin,
               [status](const QStringList &, HttpExchange &ex) {
                   ex.respond(HttpResponse::json(200, QJsonDocument(statusJson(status()))));
               });
    router.add({HttpMethod::Put}, u"/api/dlna"_s, Access::Admin, [status, apply](const QStringList &, HttpExchange &ex) {
        const auto wanted = changedSettings(ex.request().body, status().settings);
        if (!wanted)
            return ex.fail(wanted.error());
        const auto applied = apply(*wanted);
        if (!applied)
            return ex.fail(applied.error());
        ex.respond(HttpResponse::json(200, QJsonDocument(statusJson(*applied))));
    });
}

} // namespace cairn
