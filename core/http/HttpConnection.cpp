#include "HttpConnection.h"

#include "activity/ActivityRegistry.h"
#include "activity/MetricsRegistry.h"
#include "http/HttpResponse.h"
#include "http/Router.h"

#include "BodySink.h"
#include "BodySource.h"
#include "HttpExchange.h"
#include "HttpLog.h"
#include "base/LogText.h"
#include "JsonErrorAnswer.h"
#include "ResponsePump.h"

#include <QCoreApplication>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Requests parsed ahead of the one being answered; beyond, the client waits in TCP.
constexpr qsizetype kMaxPipelined = 16;
constexpr qint64 kSocketReadBuffer = 64 * 1024;
// How long a connection closed on a framing error keeps reading (and dropping) before it closes.
constexpr int kLingerMs = 1000;

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
    : QObject(socket), m_socket(socket), m_router(router), m_limits(limits), m_parser(limits.request)
{
    setObjectName(u"HttpConnection"_s);
    // Each body's route decides where it goes: held whole, or streamed to a sink (uploads).
    m_parser.setReportHeads(true);
    // Qt's buffer only stages bytes for the parser; while the pipeline queue is full it fills
    // to this and then leaves the rest in the kernel, which stops the client.
    m_socket->setReadBufferSize(kSocketReadBuffer);

    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcHttp) << "closing idle connection from" << m_socket->peerAddress();
        m_socket->disconnectFromHost();
    });
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::onRequestTimeout);

    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    m_idleTimer.start();
    // Bytes that came with the connection (a TLS handshake's first record carries none).
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    // A request whose answer was still being made (an FFmpeg job) when the client left: logged
    // as nginx does (499), so the access log shows every request.
    // The same for an upload the client left before its body was whole (its sink, destroyed
    // with this connection, removes what it stored).
    if (m_exchange && (m_exchange->isDeferred() || m_sink) && !m_exchange->hasResponded())
        qCInfo(lcHttpAccess).noquote() << m_current.peer.toString() << logText(userOf(*m_exchange))
                                       << logText(m_current.methodName) << logText(m_current.path) << 499 << 0
                                       << QString::number(double(m_current.received.nsecsElapsed()) / 1e6, 'f', 1)
                                              + u"ms client left"_s;
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        // After a framing error the rest is not a request: read and drop it, so closing does
        // not reset the connection before the client has read the answer.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    parseAvailable();
}

void HttpConnection::parseAvailable()
{
    if (m_closing)
        return;
    while (!m_framingError && m_pending.size() < kMaxPipelined && !m_closing) {
        const RequestParser::Step step = m_parser.next();
        if (step == RequestParser::Step::Head) {
            if (!routeBody())
                break;
            continue;
        }
        if (step == RequestParser::Step::BodyPiece) {
            if (!writeBodyPiece())
                break;
            continue;
        }
        if (step == RequestParser::Step::Request) {
            if (m_sink) {
                finishStreamedBody();
                continue;
            }
            HttpRequest request = m_parser.takeRequest();
            request.peer = m_socket->peerAddress();
            request.local = m_socket->localAddress();
            request.localPort = m_socket->localPort();
            request.received.start();
            m_pending.enqueue(std::move(request));
            continue;
        }
        if (step == RequestParser::Step::Failed) {
            if (m_sink) {
                const RequestError error = m_parser.error();
                abortStreamedBody(jsonProtocolAnswer(error.status, QString::fromLatin1(error.reason)));
                return;
            }
            m_framingError = m_parser.error();
            break;
        }
        // Read on only what the parser (and a streaming body's sink) took: a slow sink or a
        // full pipeline leaves the rest in the kernel, which stops the client.
        if (m_socket->bytesAvailable() <= 0)
            break;
        m_parser.feed(m_socket->read(kSocketReadBuffer));
    }
    // Only when nothing is being answered: a 100 inside another answer's body would corrupt it.
    if (!m_busy && m_pending.isEmpty() && m_parser.takeContinueWanted())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
    if (!m_busy)
        processNext();
    armTimers();
}

void HttpConnection::armTimers()
{
    if (m_closing)
        return;
    m_idleTimer.stop();
    if (m_sink) {
        // While a body streams in, the timer measures silence, not the whole body: a slow
        // client only takes longer, a silent one is let go.
        m_requestTimer.start();
        return;
    }
    if (m_busy || !m_pending.isEmpty()) {
        m_requestTimer.stop();
        return;
    }
    if (m_parser.inRequest()) {
        if (!m_requestTimer.isActive())
            m_requestTimer.start();
    } else {
        m_requestTimer.stop();
        m_idleTimer.start();
    }
}

void HttpConnection::processNext()
{
    if (m_busy || m_closing)
        return;
    if (m_pending.isEmpty()) {
        if (m_framingError)
            answerFramingError();
        return;
    }
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
        runRoute(match);
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

void HttpConnection::runRoute(const RouteMatch &match)
{
    HttpExchange &exchange = *m_exchange;
    if (m_router.guard() && !m_router.guard()(*match.route, exchange))
        return;
    if (!match.route->bodyHandler)
        return match.route->handler(match.params, exchange);
    // A streaming route's request that came whole: no body, or an empty one.
    std::unique_ptr<BodySink> sink = match.route->bodyHandler(match.params, exchange);
    if (!sink)
        return;
    if (!m_current.body.isEmpty()) {
        if (const auto error = sink->write(m_current.body))
            return exchange.fail(*error);
    }
    sink->finish(exchange);
}

bool HttpConnection::routeBody()
{
    const RouteMatch match = m_router.match(m_parser.head());
    if (match.kind != RouteMatch::Kind::Found || !match.route->bodyHandler) {
        m_parser.bufferBody();
        return true;
    }
    // The route decides (credentials, limits) in the request's turn: after the answers before
    // it, which parse again when they end.
    if (m_busy || !m_pending.isEmpty())
        return false;
    startStreamedBody(match);
    return true;
}

void HttpConnection::startStreamedBody(const RouteMatch &match)
{
    m_busy = true;
    m_exchange.reset();
    m_current = m_parser.head();
    m_current.peer = m_socket->peerAddress();
    m_current.local = m_socket->localAddress();
    m_current.localPort = m_socket->localPort();
    m_current.received.start();
    ++m_serial;
    m_exchange = std::make_unique<HttpExchange>(*this, m_current);
    m_route = match.route->pattern;
    m_bodyUnread = true;
    HttpExchange &exchange = *m_exchange;
    if (!m_router.guard() || m_router.guard()(*match.route, exchange))
        m_sink = match.route->bodyHandler(match.params, exchange);
    if (!m_sink) {
        if (!exchange.hasResponded()) {
            qCWarning(lcHttp) << "upload handler gave no answer for" << m_current.path;
            exchange.fail(DomainError::failed(u"internal error"_s));
        }
        return;
    }
    m_parser.streamBody(m_sink->maxBytes());
    // Only now: a client that waits for 100 sends no byte of a body that would be refused.
    if (m_parser.takeContinueWanted())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
}

bool HttpConnection::writeBodyPiece()
{
    const QByteArray piece = m_parser.takeBodyPiece();
    if (const auto error = m_sink->write(piece)) {
        abortStreamedBody(m_exchange->errorAnswer(*error));
        return false;
    }
    return true;
}

void HttpConnection::finishStreamedBody()
{
    m_parser.takeRequest();   // the head, already answered from m_current; its body went to the sink
    m_bodyUnread = false;
    const std::unique_ptr<BodySink> sink = std::move(m_sink);
    sink->finish(*m_exchange);
}

void HttpConnection::abortStreamedBody(const HttpResponse &answer)
{
    m_sink.reset();
    m_exchange->respond(answer);
}

void HttpConnection::answerFramingError()
{
    const RequestError error = *m_framingError;
    qCInfo(lcHttp).noquote() << "refusing a request from" << m_socket->peerAddress().toString() << "with"
                             << error.status << logText(QString::fromLatin1(error.reason)) << "and closing";
    HttpResponse r = jsonProtocolAnswer(error.status, QString::fromLatin1(error.reason));
    m_socket->write(serializeHead(r, r.body.size(), true) + r.body);
    HttpRequest request;
    request.peer = m_socket->peerAddress();
    request.methodName = "-"_ba;
    request.path = u"-"_s;
    request.received.start();
    m_route = u"other"_s;
    finishResponse({request, u"-"_s, m_route, r.status}, r.body.size(), true, true);
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
    const bool close = closesAfter(request);
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
        const bool close = closesAfter(request);
        m_socket->write(unknownSize ? headWithoutLength(head, !request.http10, close) : serializeHead(head, size, close));
        return finishResponse({request, userOf(exchange), m_route, head.status}, 0, true, close);
    }
    // HTTP/1.0 has no chunked coding: the end of the connection ends the body.
    const bool close = closesAfter(request) || (unknownSize && request.http10);
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
            m_socket->write(serializeHead(r, r.body.size(), closesAfter(request)) + r.body);
            return finishResponse({request, userOf(exchange), m_route, r.status}, r.body.size(), true, closesAfter(request));
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
        << request.peer.toString() << logText(answered.user) << logText(request.methodName) << logText(request.path)
        << answered.status
        << bodyBytes << QString::number(double(ns) / 1e6, 'f', 1) + (ok ? u"ms"_s : u"ms incomplete"_s);
    if (m_limits.metrics) {
        m_limits.metrics->recordRequest(answered.route, answered.status, double(ns) / 1e9);
        m_limits.metrics->addBytesServed(bodyBytes);
    }
    m_busy = false;
    if (!ok || close) {
        m_closing = true;
        m_pending.clear();
        m_idleTimer.stop();
        m_requestTimer.stop();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            return;
        // Unread request bytes at close() make the kernel reset the connection, which can
        // destroy the answer before the client reads it: drop what comes for a moment first.
        if (m_framingError || m_bodyUnread || m_socket->bytesAvailable() > 0 || m_parser.buffered() > 0) {
            m_socket->skip(m_socket->bytesAvailable());
            QTimer::singleShot(kLingerMs, m_socket, [s = m_socket] { s->disconnectFromHost(); });
        } else {
            m_socket->disconnectFromHost();
        }
        return;
    }
    // The next pipelined request, or what was held back while the queue was full.
    QMetaObject::invokeMethod(this, &HttpConnection::parseAvailable, Qt::QueuedConnection);
    armTimers();
}

void HttpConnection::onRequestTimeout()
{
    if (m_sink) {
        qCInfo(lcHttp) << "streamed body from" << m_socket->peerAddress() << "stalled; dropping it and closing";
        return abortStreamedBody(jsonProtocolAnswer(408, u"request timeout"_s));
    }
    if (m_busy) {
        m_requestTimer.start();
        return;
    }
    qCInfo(lcHttp) << "request from" << m_socket->peerAddress() << "too slow or too large; closing";
    m_closing = true;
    m_idleTimer.stop();
    const HttpResponse r = jsonProtocolAnswer(408, u"request timeout"_s);
    m_socket->write(serializeHead(r, r.body.size(), true) + r.body);
    m_socket->disconnectFromHost();
}

} // namespace cairn
