#pragma once
// How much of a body handed to a socket its client has really received: the bytes handed over,
// minus what still waits in Qt's write buffer, in the kernel's send queue (not yet sent, or
// sent and not yet acknowledged) and, where TCP tells (Linux), in the client's receive buffer.
// Activity counts this, so a client reading 40 kB/s shows what it got, not the megabytes
// parked in buffers on its behalf.

#include <QtGlobal>

#include <optional>

class QTcpSocket;

namespace cairn {

// Bytes the kernel still holds for this socket: SIOCOUTQ on Linux, SO_NWRITE on macOS; elsewhere
// the socket's send buffer size, an upper bound (DeliveryMeter bounds that buffer there). -1 when
// it cannot be read.
qint64 kernelSendQueue(qintptr socket);
// The socket's send buffer size (SO_SNDBUF); -1 when it cannot be read.
qint64 sendBufferSize(qintptr socket);
// The receive window the peer advertises now (its free buffer space), where the platform tells.
std::optional<qint64> peerReceiveWindow(qintptr socket);

class DeliveryMeter
{
public:
    // Where the kernel's send queue cannot be read, sets the socket's send buffer to
    // kFallbackSendBuffer: the estimate then assumes it full, and is low by at most that much
    // instead of by the megabytes an auto-tuned buffer grows to.
    explicit DeliveryMeter(QTcpSocket *socket);

    static constexpr int kFallbackSendBuffer = 512 * 1024;

    // Body bytes given to the socket (Qt's buffer or the kernel directly).
    void handed(qint64 bytes) { m_handed += bytes; }
    qint64 handedTotal() const { return m_handed; }
    // The estimate now; it never goes back, and stays at its last value once the connection
    // is gone (there is nothing left to ask then).
    qint64 delivered();
    // The last estimate delivered() made, without asking the kernel again.
    qint64 lastDelivered() const { return m_delivered; }

private:
    QTcpSocket *m_socket;
    qint64 m_handed = 0;
    qint64 m_delivered = 0;
    qint64 m_widestWindow = 0;
};

} // namespace cairn
