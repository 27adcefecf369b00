#include "HttpWorker.h"

#include "HttpLog.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace cairn {

HttpWorker::HttpWorker(const Router &router, const ConnectionLimits &limits, QObject *parent)
    : QObject(parent), m_router(router), m_limits(limits)
{
}

void HttpWorker::adoptLater(qintptr descriptor)
{
    ++m_connections;
    QMetaObject::invokeMethod(this, [this, descriptor] { adopt(descriptor); }, Qt::QueuedConnection);
}

void HttpWorker::adopt(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt socket:" << socket->errorString();
        delete socket;
        --m_connections;
        return;
    }
    // No Nagle: an answer's last small write would wait for the ACK of the one before, which a
    // client on a kept-alive connection delays by 40 ms (it has nothing to send meanwhile).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // The trimmer as context: the count stays right while the worker is torn down.
    connect(socket, &QObject::destroyed, &m_trimmer, [this] { m_trimmer.connectionsChanged(--m_connections); });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*m_tls);
        // A failed handshake (plain HTTP on the HTTPS port, a scanner) just ends the connection.
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl] { ssl->abort(); });
        connect(ssl, &QSslSocket::errorOccurred, ssl, [ssl](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError)
                ssl->abort();
        });
        ssl->startServerEncryption();
    }
    new HttpConnection(socket, m_router, m_limits);
    m_trimmer.connectionsChanged(m_connections.load());
}

} // namespace cairn
