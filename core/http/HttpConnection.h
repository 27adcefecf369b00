#pragma once
// Per-connection state on a worker thread: answers requests strictly in order (a request
// pipelined behind a streamed body waits for that body to end, which QtHttpServer 6.4 does
// not do on its own), applies idle and slow-request timeouts, bounds the read buffer, and
// writes the access log line.

#include "http/HttpRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace cairn {

class BodySource;
class Router;
struct HttpResponse;

struct ConnectionLimits
{
    int idleTimeoutMs = 30000;        // keep-alive connection with no request
    int requestTimeoutMs = 15000;     // from a request's first byte to its last
    qint64 maxRequestBytes = 1024 * 1024 + 64 * 1024;
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const Router &router, const ConnectionLimits &limits);
    ~HttpConnection() override;

    static HttpConnection *of(QTcpSocket *socket);

    // Called by the worker's QAbstractHttpServer when a whole request has been parsed.
    void enqueue(HttpRequest request);
    bool takeHttp10Flag();

    // Used by HttpExchange.
    void sendResponse(const HttpRequest &request, const HttpResponse &response);
    void sendStream(const HttpRequest &request, const HttpResponse &head, std::unique_ptr<BodySource> body);

private:
    void onReadyRead();
    void processNext();
    void finishResponse(const HttpRequest &request, int status, qint64 bodyBytes, bool ok, bool close);
    void onRequestTimeout();

    QTcpSocket *m_socket;
    const Router &m_router;
    ConnectionLimits m_limits;
    QQueue<HttpRequest> m_pending;
    QList<bool> m_http10;             // versions of requests seen on the wire, in order
    bool m_atRequestStart = true;
    bool m_busy = false;
    bool m_closing = false;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace cairn
