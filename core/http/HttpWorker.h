#pragma once
// One HTTP worker: lives on its own thread with its own QAbstractHttpServer and event loop,
// and adopts the connections the acceptor hands it. Handlers run here, never on the GUI thread.

#include "HeapTrimmer.h"
#include "HttpConnection.h"

#include <QAbstractHttpServer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <functional>
#include <optional>

namespace cairn {

class Router;

// A QTcpServer that never listens: it only turns descriptors accepted elsewhere into sockets
// for this thread's QAbstractHttpServer.
class AdoptingTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;
    // Wraps the descriptor in a socket, lets `prepare` attach to it before anyone else, then
    // queues it for QAbstractHttpServer. Returns nullptr on failure.
    QTcpSocket *adopt(qintptr descriptor, const std::function<void(QTcpSocket *)> &prepare);
    // With a configuration, adopted sockets are QSslSockets that start the server handshake.
    void setTls(std::optional<QSslConfiguration> tls) { m_tls = std::move(tls); }

private:
    std::optional<QSslConfiguration> m_tls;
};

class HttpWorker : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpWorker(const Router &router, const ConnectionLimits &limits, QObject *parent = nullptr);

    // Thread-safe: takes ownership of an accepted socket descriptor.
    void adoptLater(qintptr descriptor);
    int connectionCount() const { return m_connections.load(); }
    // Serve HTTPS with this certificate and key. Call before the first adoptLater().
    void setTls(const QSslConfiguration &tls) { m_tcp->setTls(tls); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void adopt(qintptr descriptor);

    const Router &m_router;
    ConnectionLimits m_limits;
    AdoptingTcpServer *m_tcp;
    std::atomic_int m_connections{0};
    HeapTrimmer m_trimmer;
};

} // namespace cairn
