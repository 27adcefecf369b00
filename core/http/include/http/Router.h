#pragma once
// The routing table: method + path pattern ("/api/tracks/{id}/stream") → handler. Knows
// every route it holds, so a wrong method is a 405 with Allow and tests can enumerate routes.

#include "http/HttpRequest.h"
#include "http/Identity.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace cairn {

class BodySink;
class HttpExchange;

using RouteHandler = std::function<void(const QStringList &params, HttpExchange &exchange)>;
// A route that takes its request body as it arrives (an upload): called once the head is read
// and the guard let it through, before any body byte is read (with an empty or no body, after
// the request came whole). Returns where the body goes, or answers the refusal itself and
// returns null; a refusal before the body closes the connection (the body is never read).
using BodyRouteHandler = std::function<std::unique_ptr<BodySink>(const QStringList &params, HttpExchange &exchange)>;
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
    BodyRouteHandler bodyHandler;   // set instead of `handler` when the route streams its body
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
    // A route whose body is written where `handler` says, piece by piece, never held whole.
    void addStreamingBody(QList<HttpMethod> methods, const QString &pattern, Access access, BodyRouteHandler handler);
    RouteMatch match(const HttpRequest &request) const;
    const QList<Route> &routes() const { return m_routes; }

    void setGuard(RequestGuard guard) { m_guard = std::move(guard); }
    const RequestGuard &guard() const { return m_guard; }

private:
    QList<Route> m_routes;
    RequestGuard m_guard;
};

} // namespace cairn
