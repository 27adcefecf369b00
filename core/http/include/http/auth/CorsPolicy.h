#pragma once
// Cross-origin access for browser clients served from another origin: off unless origins are
// configured. Allowed origins get Access-Control-Allow-Origin on every answer (with the
// headers a media player needs exposed) and a correct preflight for every route.

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QStringList>

namespace cairn {

class HttpExchange;
class Router;

class CorsPolicy
{
public:
    CorsPolicy() = default;
    // Exact origins ("https://player.example:8443"); "*" allows any origin.
    explicit CorsPolicy(QStringList allowedOrigins) : m_origins(std::move(allowedOrigins)) {}

    bool isEnabled() const { return !m_origins.isEmpty(); }
    // The request's Origin when it is allowed, else empty.
    QByteArray allowedOrigin(const HttpRequest &request) const;
    // Adds the response headers for an allowed origin to everything the exchange sends.
    void decorate(HttpExchange &exchange) const;
    // Registers an OPTIONS route answering preflights for each path pattern already in the
    // router. Call after every other route is added.
    void addPreflightRoutes(Router &router) const;

private:
    QStringList m_origins;
};

} // namespace cairn
