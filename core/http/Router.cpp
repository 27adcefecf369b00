#include "http/Router.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

bool matches(const Route &route, const QStringList &segments, QStringList *params)
{
    if (route.parts.size() != segments.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &part = route.parts.at(i);
        if (part.startsWith(u'{') && part.endsWith(u'}'))
            captured << segments.at(i);
        else if (part != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

} // namespace

void Router::add(QList<HttpMethod> methods, const QString &pattern, Access access, RouteHandler handler)
{
    Route r;
    r.methods = std::move(methods);
    r.pattern = pattern;
    r.access = access;
    r.parts = pattern.split(u'/', Qt::SkipEmptyParts);
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

void Router::addStreamingBody(QList<HttpMethod> methods, const QString &pattern, Access access,
                              BodyRouteHandler handler)
{
    add(std::move(methods), pattern, access, {});
    m_routes.last().bodyHandler = std::move(handler);
}

RouteMatch Router::match(const HttpRequest &request) const
{
    RouteMatch result;
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        QStringList params;
        if (!matches(route, request.segments, &params))
            continue;
        if (route.methods.contains(request.method)) {
            result.kind = RouteMatch::Kind::Found;
            result.route = &route;
            result.params = params;
            return result;
        }
        for (HttpMethod m : route.methods)
            if (!allowed.contains(methodName(m)))
                allowed << methodName(m);
    }
    if (!allowed.isEmpty()) {
        result.kind = RouteMatch::Kind::MethodNotAllowed;
        result.allow = allowed.join(", ");
    }
    return result;
}

} // namespace cairn
