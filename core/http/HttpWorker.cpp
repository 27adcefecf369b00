#include "HttpWorker.h"

#include "HttpLog.h"

#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>

namespace cairn {

QTcpSocket *AdoptingTcpServer::adopt(qintptr descriptor, const std::function<void(QTcpSocket *)> &prepare)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt socket:" << socket->errorString();
        delete socket;
        return nullptr;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*m_tls);
        // A failed handshake (plain HTTP on the HTTPS port, a scanner) just ends the connection.
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl] { ssl->abort(); });
        ssl->startServerEncryption();
    }
    prepare(socket);
    addPendingConnection(socket);   // emits pendingConnectionAvailable → QAbstractHttpServer
    return socket;
}

HttpWorker::HttpWorker(const Router &router, const ConnectionLimits &limits, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_limits(limits), m_tcp(new AdoptingTcpServer(this))
{
    // bind() warns that this QTcpServer is not listening: that is the point, the shared
    // listening socket lives in the acceptor and connections arrive through adopt().
    bind(m_tcp);
}

void HttpWorker::adoptLater(qintptr descriptor)
{
    ++m_connections;
    QMetaObject::invokeMethod(this, [this, descriptor] { adopt(descriptor); }, Qt::QueuedConnection);
}

void HttpWorker::adopt(qintptr descriptor)
{
    QTcpSocket *socket = m_tcp->adopt(descriptor, [this](QTcpSocket *s) {
        // The trimmer as context: the connection dies with it while the worker is torn down.
        connect(s, &QObject::destroyed, &m_trimmer, [this] { m_trimmer.connectionsChanged(--m_connections); });
        new HttpConnection(s, m_router, m_limits);
    });
    if (!socket)
        --m_connections;
    m_trimmer.connectionsChanged(m_connections.load());
}

bool HttpWorker::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpConnection *connection = HttpConnection::of(socket);
    if (!connection)
        return false;
    connection->enqueue(HttpRequest::fromQt(request, connection->takeHttp10Flag()));
    return true;
}

void HttpWorker::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    qCWarning(lcHttp) << "unhandled request" << request.url().path() << "from" << socket->peerAddress();
    socket->disconnectFromHost();
}

} // namespace cairn
