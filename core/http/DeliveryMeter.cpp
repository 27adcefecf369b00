#include "DeliveryMeter.h"

#include <QTcpSocket>

#if defined(Q_OS_LINUX)
#include <linux/sockios.h>
#include <sys/ioctl.h>
#elif defined(Q_OS_MACOS)
#include <sys/socket.h>
#elif defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace cairn {

qint64 kernelSendQueue(qintptr socket)
{
    if (socket < 0)
        return -1;
#if defined(Q_OS_LINUX)
    int queued = 0;
    return ioctl(int(socket), SIOCOUTQ, &queued) == 0 ? qint64(queued) : -1;
#elif defined(Q_OS_MACOS)
    int queued = 0;
    socklen_t len = sizeof queued;
    return getsockopt(int(socket), SOL_SOCKET, SO_NWRITE, &queued, &len) == 0 ? qint64(queued) : -1;
#else
    // No portable way to read the queue: assume the send buffer is full (under-counts, never
    // over-counts, by at most its size).
    int size = 0;
#ifdef Q_OS_WIN
    int len = sizeof size;
    const int rc = getsockopt(SOCKET(socket), SOL_SOCKET, SO_SNDBUF, reinterpret_cast<char *>(&size), &len);
#else
    socklen_t len = sizeof size;
    const int rc = getsockopt(int(socket), SOL_SOCKET, SO_SNDBUF, &size, &len);
#endif
    return rc == 0 ? qint64(size) : -1;
#endif
}

qint64 DeliveryMeter::delivered()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return m_delivered;
    const qint64 inKernel = kernelSendQueue(m_socket->socketDescriptor());
    if (inKernel < 0)
        return m_delivered;
    // Whatever was queued before this body (its head, an earlier answer) is counted in the
    // queues too, which only makes the estimate lower until it has gone out.
    const qint64 pending = m_socket->bytesToWrite() + inKernel;
    m_delivered = qBound(m_delivered, m_handed - pending, m_handed);
    return m_delivered;
}

} // namespace cairn
