#include "DeliveryMeter.h"

#include "base/NativeCalls.h"

#include <QTcpSocket>

#if defined(Q_OS_LINUX)
#include <linux/sockios.h>
#include <netinet/in.h>
#include <linux/tcp.h>
#include <sys/ioctl.h>

#include <cstddef>
#include <sys/socket.h>
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
#if CAIRN_HAS_SEND_QUEUE && defined(Q_OS_LINUX)
    int queued = 0;
    return ioctl(int(socket), SIOCOUTQ, &queued) == 0 ? qint64(queued) : -1;
#elif CAIRN_HAS_SEND_QUEUE && defined(Q_OS_MACOS)
    int queued = 0;
    socklen_t len = sizeof queued;
    return getsockopt(int(socket), SOL_SOCKET, SO_NWRITE, &queued, &len) == 0 ? qint64(queued) : -1;
#else
    // No portable way to read the queue: assume the send buffer is full (under-counts, never
    // over-counts, by at most its size).
    return sendBufferSize(socket);
#endif
}

qint64 sendBufferSize(qintptr socket)
{
    if (socket < 0)
        return -1;
    int size = 0;
#ifdef Q_OS_WIN
    int len = sizeof size;
    const int rc = getsockopt(SOCKET(socket), SOL_SOCKET, SO_SNDBUF, reinterpret_cast<char *>(&size), &len);
#else
    socklen_t len = sizeof size;
    const int rc = getsockopt(int(socket), SOL_SOCKET, SO_SNDBUF, &size, &len);
#endif
    return rc == 0 ? qint64(size) : -1;
}

std::optional<qint64> peerReceiveWindow(qintptr socket)
{
#if CAIRN_HAS_TCP_INFO && defined(TCP_INFO)
    tcp_info info{};
    socklen_t len = sizeof info;
    if (socket < 0 || getsockopt(int(socket), IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return std::nullopt;
    // Older kernels fill a shorter structure: no window there.
    if (len < offsetof(tcp_info, tcpi_snd_wnd) + sizeof info.tcpi_snd_wnd)
        return std::nullopt;
    return qint64(info.tcpi_snd_wnd);
#else
    Q_UNUSED(socket);
    return std::nullopt;
#endif
}

DeliveryMeter::DeliveryMeter(QTcpSocket *socket) : m_socket(socket)
{
#if !CAIRN_HAS_SEND_QUEUE
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return;
    const int size = kFallbackSendBuffer;
#ifdef Q_OS_WIN
    setsockopt(SOCKET(fd), SOL_SOCKET, SO_SNDBUF, reinterpret_cast<const char *>(&size), sizeof size);
#else
    setsockopt(int(fd), SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
#endif
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
    qint64 pending = m_socket->bytesToWrite() + inKernel;
    // Acknowledged is not yet read: what waits in the client's receive buffer shows as the
    // window it advertises shrinking from the widest seen (a slow reader's buffer is full).
    if (const auto window = peerReceiveWindow(m_socket->socketDescriptor())) {
        m_widestWindow = qMax(m_widestWindow, *window);
        pending += m_widestWindow - *window;
    }
    m_delivered = qBound(m_delivered, m_handed - pending, m_handed);
    return m_delivered;
}

} // namespace cairn
