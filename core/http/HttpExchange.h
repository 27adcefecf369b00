#pragma once
// One request and the way to answer it. Handlers get it on their worker thread and answer
// exactly once, with a small in-memory response or a streamed body.

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Identity.h"

#include <memory>

namespace cairn {

class BodySource;
class HttpConnection;
struct ApiError;

class HttpExchange
{
public:
    HttpExchange(HttpConnection &connection, const HttpRequest &request)
        : m_connection(connection), m_request(request) {}

    const HttpRequest &request() const { return m_request; }
    bool hasResponded() const { return m_responded; }

    // Set by the request guard before the route's handler runs.
    const Identity &identity() const { return m_identity; }
    void setIdentity(Identity identity) { m_identity = std::move(identity); }

    void respond(const HttpResponse &response);
    void fail(const ApiError &error);
    // Sends `head` with Content-Length = body->size(), then the body (never for HEAD).
    void stream(const HttpResponse &head, std::unique_ptr<BodySource> body);

private:
    HttpConnection &m_connection;
    const HttpRequest &m_request;
    Identity m_identity;
    bool m_responded = false;
};

} // namespace cairn
