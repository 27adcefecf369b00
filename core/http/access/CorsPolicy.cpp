#include "http/auth/CorsPolicy.h"

#include "http/Router.h"

#include "HttpExchange.h"

#include <QMap>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QByteArray methodList(const QList<HttpMethod> &methods)
{
    QByteArrayList names;
    const auto add = [&names](const QByteArray &name) {
        if (!names.contains(name))
            names << name;
    };
    for (HttpMethod m : methods) {
        switch (m) {
        case HttpMethod::Get: add("GET"_ba); break;
        case HttpMethod::Head: add("HEAD"_ba); break;
        case HttpMethod::Post: add("POST"_ba); break;
        case HttpMethod::Put: add("PUT"_ba); break;
        case HttpMethod::Delete: add("DELETE"_ba); break;
        case HttpMethod::Patch: add("PATCH"_ba); break;
        case HttpMethod::Options:
        case HttpMethod::Subscribe:     // UPnP eventing is not for browsers
        case HttpMethod::Unsubscribe:
        case HttpMethod::Other: break;
        }
    }
    return names.join(", ");
}

} // namespace

QByteArray CorsPolicy::allowedOrigin(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty() || origin.size() > 512)
        return {};
    if (m_origins.contains(u"*"_s) || m_origins.contains(QString::fromLatin1(origin)))
        return origin;
    return {};
}

void CorsPolicy::decorate(HttpExchange &exchange) const
{
    const QByteArray origin = allowedOrigin(exchange.request());
    if (origin.isEmpty())
        return;
    exchange.addResponseHeader("Access-Control-Allow-Origin", origin);
    exchange.addResponseHeader("Vary", "Origin");
    exchange.addResponseHeader("Access-Control-Expose-Headers",
                               "Content-Range, Accept-Ranges, Content-Length, Content-Type, ETag, Retry-After");
}

void CorsPolicy::addPreflightRoutes(Router &router) const
{
    QMap<QString, QList<HttpMethod>> methodsByPattern;
    for (const Route &route : router.routes())
        methodsByPattern[route.pattern] += route.methods;
    for (auto it = methodsByPattern.cbegin(); it != methodsByPattern.cend(); ++it) {
        if (it.value().contains(HttpMethod::Options))
            continue;
        const QByteArray allow = methodList(it.value());
        router.add({HttpMethod::Options}, it.key(), Access::Public, [policy = *this, allow](const QStringList &, HttpExchange &ex) {
            HttpResponse r = HttpResponse::empty(204);
            r.setHeader("Allow", allow);
            const QByteArray origin = policy.allowedOrigin(ex.request());
            if (!origin.isEmpty()) {
                r.setHeader("Access-Control-Allow-Origin", origin);
                r.setHeader("Vary", "Origin");
                r.setHeader("Access-Control-Allow-Methods", allow);
                r.setHeader("Access-Control-Allow-Headers",
                            "Authorization, Content-Type, Range, If-Range, If-None-Match, If-Modified-Since");
                r.setHeader("Access-Control-Max-Age", "600");
            }
            ex.respond(r);
        });
    }
}

} // namespace cairn
