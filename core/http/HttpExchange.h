#pragma once
// One request and the way to answer it. Handlers get it on their worker thread and answer
// exactly once, with a small in-memory response or a streamed body.

#include "activity/StreamInfo.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Identity.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace cairn {

class BodySource;
class HttpConnection;
class HttpExchange;
struct DomainError;

// The way back to a request whose answer is being made elsewhere (by an FFmpeg job): the
// worker serves other connections meanwhile. Copyable; a no-op once the client has left.
class DeferredAnswer
{
public:
    DeferredAnswer() = default;
    DeferredAnswer(HttpConnection *connection, quint64 serial);

    // The connection: calls that complete the answer are queued to it, so they run on its
    // thread; it is destroyed when the client leaves, which drops them (and tells the FFmpeg
    // queue that this waiter is gone).
    QObject *context() const;
    // Answers through `answer(exchange)` if the request still waits. On the context's thread.
    void give(const std::function<void(HttpExchange &)> &answer) const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

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
    // A header every answer of this exchange carries (CORS, added by the guard).
    void addResponseHeader(const QByteArray &name, const QByteArray &value) { m_extraHeaders.append({name, value}); }

    void respond(const HttpResponse &response);
    // Answers with this exchange's protocol mapping of `error`: the JSON API's (status,
    // {"error"}, Retry-After) unless a protocol with its own errors (Subsonic) set another, so
    // shared delivery code fails in the words of whoever asked.
    void fail(const DomainError &error);
    HttpResponse errorAnswer(const DomainError &error) const;
    void setErrorAnswer(std::function<HttpResponse(const DomainError &)> mapping) { m_errorAnswer = std::move(mapping); }
    // Sends `head` with Content-Length = body->size() (chunked when unknown), then the body
    // (never for HEAD). `info` says what the stream is, for the activity list, its limits
    // and its history; StreamInfo::uncounted() for long-lived non-media bodies.
    void stream(const HttpResponse &head, std::unique_ptr<BodySource> body, const StreamInfo &info = {});
    // The handler returns without answering and the answer comes later through the handle;
    // the connection answers nothing else meanwhile (requests stay in order).
    DeferredAnswer defer();
    bool isDeferred() const { return m_deferred; }

private:
    HttpConnection &m_connection;
    const HttpRequest &m_request;
    Identity m_identity;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders;
    std::function<HttpResponse(const DomainError &)> m_errorAnswer;
    bool m_responded = false;
    bool m_deferred = false;
};

} // namespace cairn
