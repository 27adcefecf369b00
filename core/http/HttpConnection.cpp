#include "http/HttpConnection.h"

#include "http/ApiError.h"
#include "http/BodySource.h"
#include "http/HttpExchange.h"
#include "http/HttpLog.h"
#include "http/HttpResponse.h"
#include "http/ResponsePump.h"
#include "http/Router.h"

#include <QCoreApplication>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

HttpConnection::HttpConnection(QTcpSocket *socket, const Router &router, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_router(router), m_limits(limits)
{
    setObjectName(u"HttpConnection"_s);
    // A request larger than this can never complete; the request timeout then ends it.
    // Bounding the buffer is what keeps a 4 MB header line from costing 4 MB.
    m_socket->setReadBufferSize(m_limits.maxRequestBytes);

    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcHttp) << "closing idle connection from" << m_socket->peerAddress();
        m_socket->disconnectFromHost();
    });
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::onRequestTimeout);

    // Connected before QtHttpServer's own readyRead handler, so this sees each request first.
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    m_idleTimer.start();
}

HttpConnection::~HttpConnection() = default;

HttpConnection *HttpConnection::of(QTcpSocket *socket)
{
    return socket->findChild<HttpConnection *>(u"HttpConnection"_s, Qt::FindDirectChildrenOnly);
}

void HttpConnection::onReadyRead()
{
    m_idleTimer.stop();
    if (!m_busy && !m_requestTimer.isActive())
        m_requestTimer.start();
    if (!m_atRequestStart)
        return;
    // QtHttpServer 6.4 does not tell the HTTP version; peek at the request line ourselves.
    // Only a request line seen whole is trusted: a partial one may already be half consumed.
    const QByteArray head = m_socket->peek(2048);
    qsizetype start = 0;
    while (start < head.size() && (head.at(start) == '\r' || head.at(start) == '\n'))
        ++start;
    const qsizetype eol = head.indexOf('\n', start);
    m_atRequestStart = false;
    m_http10.append(eol >= 0 && head.mid(start, eol - start).trimmed().endsWith("HTTP/1.0"));
}

bool HttpConnection::takeHttp10Flag()
{
    m_atRequestStart = true;
    return m_http10.isEmpty() ? false : m_http10.takeFirst();
}

void HttpConnection::enqueue(HttpRequest request)
{
    m_requestTimer.stop();
    if (m_closing)
        return;
    m_pending.enqueue(std::move(request));
    if (!m_busy)
        processNext();
}

void HttpConnection::processNext()
{
    if (m_busy || m_closing || m_pending.isEmpty())
        return;
    m_busy = true;
    const HttpRequest request = m_pending.dequeue();
    HttpExchange exchange(*this, request);
    const RouteMatch match = m_router.match(request);
    switch (match.kind) {
    case RouteMatch::Kind::Found:
        if (!m_router.guard() || m_router.guard()(*match.route, exchange))
            match.route->handler(match.params, exchange);
        break;
    case RouteMatch::Kind::MethodNotAllowed: {
        HttpResponse r = toResponse({405, u"method not allowed"_s});
        r.setHeader("Allow", match.allow);
        exchange.respond(r);
        break;
    }
    case RouteMatch::Kind::NotFound:
        exchange.fail(ApiError::notFound(u"no such endpoint"_s));
        break;
    }
    if (!exchange.hasResponded()) {
        qCWarning(lcHttp) << "handler gave no answer for" << request.path;
        exchange.fail({500, u"internal error"_s});
    }
}

void HttpConnection::sendResponse(const HttpRequest &request, const HttpResponse &response)
{
    const bool close = request.wantsClose();
    m_socket->write(serializeHead(response, response.body.size(), close));
    const bool bodyless = request.isHead() || response.status == 204 || response.status == 304;
    if (!bodyless)
        m_socket->write(response.body);
    finishResponse(request, response.status, bodyless ? 0 : response.body.size(), true, close);
}

void HttpConnection::sendStream(const HttpRequest &request, const HttpResponse &head,
                                std::unique_ptr<BodySource> body)
{
    const bool close = request.wantsClose();
    const qint64 size = body->size();
    m_socket->write(serializeHead(head, size, close));
    if (request.isHead() || size == 0)
        return finishResponse(request, head.status, 0, true, close);
    // The request object dies with this call's caller; the log line needs a copy.
    auto done = [this, logged = request, status = head.status, size, close](bool ok) {
        finishResponse(logged, status, ok ? size : -1, ok, close);
    };
    // The pump is a child of the socket: if the client leaves, both go and `done` never runs.
    auto *pump = new ResponsePump(m_socket, std::move(body), std::move(done));
    pump->start();
}

void HttpConnection::finishResponse(const HttpRequest &request, int status, qint64 bodyBytes, bool ok, bool close)
{
    qCInfo(lcHttpAccess).noquote()
        << request.peer.toString() << request.methodName << request.path << status << bodyBytes
        << QString::number(request.received.nsecsElapsed() / 1e6, 'f', 1) + u"ms"_s;
    m_busy = false;
    if (!ok || close) {
        m_closing = true;
        m_pending.clear();
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_pending.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processNext, Qt::QueuedConnection);
    else if (!m_requestTimer.isActive())
        m_idleTimer.start();
}

void HttpConnection::onRequestTimeout()
{
    if (m_busy) {
        m_requestTimer.start();
        return;
    }
    qCInfo(lcHttp) << "request from" << m_socket->peerAddress() << "too slow or too large; closing";
    m_closing = true;
    const HttpResponse r = toResponse({408, u"request timeout"_s});
    m_socket->write(serializeHead(r, r.body.size(), true) + r.body);
    m_socket->disconnectFromHost();
}

} // namespace cairn
