#pragma once
// The routing table: method + path pattern ("/api/tracks/{id}/stream") → handler. Knows
// every route it holds, so a wrong method is a 405 with Allow and tests can enumerate routes.

#include "http/HttpRequest.h"
#include "http/Identity.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace cairn {

class HttpExchange;

using RouteHandler = std::function<void(const QStringList &params, HttpExchange &exchange)>;
struct Route;
// Runs before every matched route: authenticates the request and sets the exchange's identity
// (returns true), or answers the refusal itself (returns false). Must be thread-safe.
using RequestGuard = std::function<bool(const Route &route, HttpExchange &exchange)>;

struct Route
{
    QList<HttpMethod> methods;
    QString pattern;
    Access access = Access::Admin;
    QStringList parts;         // pattern segments; "{name}" captures one path segment
    RouteHandler handler;
};

struct RouteMatch
{
    enum class Kind { Found, MethodNotAllowed, NotFound };
    Kind kind = Kind::NotFound;
    const Route *route = nullptr;
    QStringList params;
    QByteArray allow;          // for MethodNotAllowed
};

class Router
{
public:
    void add(QList<HttpMethod> methods, const QString &pattern, Access access, RouteHandler handler);
    RouteMatch match(const HttpRequest &request) const;
    const QList<Route> &routes() const { return m_routes; }

    void setGuard(RequestGuard guard) { m_guard = std::move(guard); }
    const RequestGuard &guard() const { return m_guard; }

private:
    QList<Route> m_routes;
    RequestGuard m_guard;
};

} // namespace cairn
