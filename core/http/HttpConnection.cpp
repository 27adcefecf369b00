#include "HttpConnection.h"

#include "activity/ActivityRegistry.h"
#include "activity/MetricsRegistry.h"
#include "http/HttpResponse.h"
#include "http/Router.h"

#include "BodySource.h"
#include "HttpExchange.h"
#include "HttpLog.h"
#include "JsonErrorAnswer.h"
#include "ResponsePump.h"

#include <QCoreApplication>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// serializeHead always frames with Content-Length; a body of unknown length is chunked
// instead (HTTP/1.1) or delimited by the connection's end (HTTP/1.0).
QByteArray headWithoutLength(const HttpResponse &head, bool chunked, bool close)
{
    QByteArray out = serializeHead(head, 0, close);
    const QByteArray length = "Content-Length: 0\r\n"_ba;
    const qsizetype at = out.indexOf(length);
    if (at >= 0)
        out.replace(at, length.size(), chunked ? "Transfer-Encoding: chunked\r\n"_ba : QByteArray());
    return out;
}

QString userOf(const HttpExchange &exchange)
{
    const QString &name = exchange.identity().name;
    return name.isEmpty() ? u"-"_s : name;
}

} // namespace

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

HttpConnection::~HttpConnection()
{
    // A request whose answer was still being made (an FFmpeg job) when the client left: logged
    // as nginx does (499), so the access log shows every request.
    if (m_exchange && m_exchange->isDeferred() && !m_exchange->hasResponded())
        qCInfo(lcHttpAccess).noquote() << m_current.peer.toString() << userOf(*m_exchange) << m_current.methodName
                                       << m_current.path << 499 << 0
                                       << QString::number(double(m_current.received.nsecsElapsed()) / 1e6, 'f', 1)
                                              + u"ms client left"_s;
}

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
    m_exchange.reset();
    m_current = m_pending.dequeue();
    ++m_serial;
    m_exchange = std::make_unique<HttpExchange>(*this, m_current);
    const HttpRequest &request = m_current;
    HttpExchange &exchange = *m_exchange;
    const RouteMatch match = m_router.match(request);
    m_route = match.route ? match.route->pattern : u"other"_s;
    switch (match.kind) {
    case RouteMatch::Kind::Found:
        if (!m_router.guard() || m_router.guard()(*match.route, exchange))
            match.route->handler(match.params, exchange);
        break;
    case RouteMatch::Kind::MethodNotAllowed: {
        HttpResponse r = jsonProtocolAnswer(405, u"method not allowed"_s);
        r.setHeader("Allow", match.allow);
        exchange.respond(r);
        break;
    }
    case RouteMatch::Kind::NotFound:
        exchange.respond(jsonProtocolAnswer(404, u"no such endpoint"_s));
        break;
    }
    if (!exchange.hasResponded() && !exchange.isDeferred()) {
        qCWarning(lcHttp) << "handler gave no answer for" << request.path;
        exchange.fail(DomainError::failed(u"internal error"_s));
    }
}

DeferredAnswer HttpConnection::deferCurrent()
{
    return DeferredAnswer(this, m_serial);
}

HttpExchange *HttpConnection::waitingExchange(quint64 serial)
{
    if (serial != m_serial || !m_exchange || m_exchange->hasResponded() || m_closing)
        return nullptr;
    return m_exchange.get();
}

void HttpConnection::sendResponse(const HttpExchange &exchange, const HttpResponse &response)
{
    const HttpRequest &request = exchange.request();
    const bool close = request.wantsClose();
    m_socket->write(serializeHead(response, response.body.size(), close));
    const bool bodyless = request.isHead() || response.status == 204 || response.status == 304;
    if (!bodyless)
        m_socket->write(response.body);
    finishResponse({request, userOf(exchange), m_route, response.status},
                   bodyless ? 0 : response.body.size(), true, close);
}

void HttpConnection::sendStream(const HttpExchange &exchange, const HttpResponse &head,
                                std::unique_ptr<BodySource> body, const StreamInfo &info)
{
    const HttpRequest &request = exchange.request();
    const qint64 size = body->size();
    const bool unknownSize = size == BodySource::kUnknownSize;
    if (request.isHead() || size == 0) {
        const bool close = request.wantsClose();
        m_socket->write(unknownSize ? headWithoutLength(head, !request.http10, close) : serializeHead(head, size, close));
        return finishResponse({request, userOf(exchange), m_route, head.status}, 0, true, close);
    }
    // HTTP/1.0 has no chunked coding: the end of the connection ends the body.
    const bool close = request.wantsClose() || (unknownSize && request.http10);
    // The pump is a child of the socket: if the client leaves, both go (the pump reports it
    // first, through `done`).
    auto done = [this, answered = Answered{request, userOf(exchange), m_route, head.status}, close](bool ok, qint64 sent) {
        finishResponse(answered, sent, ok, close);
    };
    auto *pump = new ResponsePump(m_socket, std::move(body), std::move(done));
    if (info.counted && m_limits.activity) {
        StreamRequest stream;
        stream.user = exchange.identity().name;
        stream.userId = exchange.identity().userId;
        stream.client = request.peer.toString();
        stream.userAgent = QString::fromUtf8(request.header("user-agent"));
        stream.info = info;
        stream.totalBytes = size;
        auto admitted = m_limits.activity->open(stream, pump);
        if (!admitted) {
            delete pump;   // and the body with it (a transcode stops here)
            const HttpResponse r = exchange.errorAnswer(admitted.error());
            m_socket->write(serializeHead(r, r.body.size(), request.wantsClose()) + r.body);
            return finishResponse({request, userOf(exchange), m_route, r.status}, r.body.size(), true, request.wantsClose());
        }
        pump->setTicket(std::move(*admitted));
    }
    m_socket->write(unknownSize ? headWithoutLength(head, !request.http10, close) : serializeHead(head, size, close));
    pump->setChunked(unknownSize && !request.http10);
    pump->start();
}

void HttpConnection::finishResponse(const Answered &answered, qint64 bodyBytes, bool ok, bool close)
{
    const HttpRequest &request = answered.request;
    const qint64 ns = request.received.nsecsElapsed();
    // The path carries no query string: signatures and tokens in URLs never reach the log.
    qCInfo(lcHttpAccess).noquote()
        << request.peer.toString() << answered.user << request.methodName << request.path << answered.status
        << bodyBytes << QString::number(double(ns) / 1e6, 'f', 1) + (ok ? u"ms"_s : u"ms incomplete"_s);
    if (m_limits.metrics) {
        m_limits.metrics->recordRequest(answered.route, answered.status, double(ns) / 1e9);
        m_limits.metrics->addBytesServed(bodyBytes);
    }
    m_busy = false;
    if (!ok || close) {
        m_closing = true;
        m_pending.clear();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
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
    const HttpResponse r = jsonProtocolAnswer(408, u"request timeout"_s);
    m_socket->write(serializeHead(r, r.body.size(), true) + r.body);
    m_socket->disconnectFromHost();
}

} // namespace cairn
