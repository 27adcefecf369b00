#include "ResponsePump.h"

#include "activity/StreamSnapshot.h"

#include "BodySource.h"

#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace cairn {
namespace {
constexpr qint64 kChunk = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;

// Makes the coming close a reset: the kernel drops what it still buffers for the client, so
// an ended stream stops at once instead of after megabytes of already queued media.
void resetOnClose(QTcpSocket *socket)
{
    linger noLinger{};
    noLinger.l_onoff = 1;
    noLinger.l_linger = 0;
    setsockopt(socket->socketDescriptor(), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&noLinger),
               sizeof noLinger);
}
} // namespace

ResponsePump::ResponsePump(QTcpSocket *socket, std::unique_ptr<BodySource> body,
                           std::function<void(bool, qint64)> done)
    : QObject(socket), m_socket(socket), m_body(std::move(body)), m_done(std::move(done))
{
    m_buffer.resize(kChunk);
    m_paceTimer.setSingleShot(true);
    m_paceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_paceTimer, &QTimer::timeout, this, &ResponsePump::fill);
}

ResponsePump::~ResponsePump()
{
    // Unregister first: the registry may call this StreamControl until the ticket is gone.
    m_ticket.reset();
    m_body.reset();
}

void ResponsePump::setTicket(std::unique_ptr<StreamTicket> ticket)
{
    m_ticket = std::move(ticket);
}

void ResponsePump::start()
{
    m_started = true;
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ResponsePump::fill);
    // Without this the pump would vanish with the socket and the request would never be logged.
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(false, int(StreamEnding::ClientLeft)); });
    if (m_body->isLive())
        m_body->setDataNotifier([this] { fill(); });
    fill();
}

void ResponsePump::requestEnd()
{
    QMetaObject::invokeMethod(this, &ResponsePump::endNow, Qt::QueuedConnection);
}

void ResponsePump::capChanged()
{
    QMetaObject::invokeMethod(this, [this] {
        m_paceTimer.stop();
        fill();
    }, Qt::QueuedConnection);
}

void ResponsePump::endNow()
{
    if (m_finished)
        return;
    finish(false, int(StreamEnding::EndedByAdmin));
    // abort(), not disconnectFromHost(): a client that does not read would keep the
    // connection open until its buffers drained.
    resetOnClose(m_socket);
    m_socket->abort();
}

qint64 ResponsePump::allowance(qint64 want)
{
    if (!m_ticket)
        return want;
    m_ownCap.setRate(m_ticket->capBytesPerSecond());
    BandwidthBudget &shared = m_ticket->sharedBudget();
    if (m_ownCap.rate() > 0)
        want = qMin(want, m_ownCap.burst());
    qint64 granted = m_ownCap.available(want);
    if (granted > 0)
        granted = shared.take(granted);
    m_ownCap.spend(granted);
    if (granted == 0 && !m_paceTimer.isActive()) {
        const qint64 step = qMin<qint64>(want, 16 * 1024);
        m_paceTimer.start(qMax(1, qMax(m_ownCap.msUntil(step), shared.msUntil(step))));
    }
    return granted;
}

void ResponsePump::write(const char *data, qint64 size)
{
    if (m_chunked)
        m_socket->write(QByteArray::number(size, 16) + "\r\n");
    m_socket->write(data, size);
    if (m_chunked)
        m_socket->write("\r\n", 2);
    m_queued += size;
    if (m_ticket)
        m_ticket->addBytesSent(size);
}

void ResponsePump::fill()
{
    if (!m_started)
        return;
    while (!m_finished && m_socket->bytesToWrite() < kHighWater) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return finish(false, int(StreamEnding::ClientLeft));
        const qint64 allowed = allowance(kChunk);
        if (allowed == 0)
            return;
        const qint64 n = m_body->read(m_buffer.data(), allowed);
        if (n < 0)
            return finish(false, int(StreamEnding::Failed));
        if (n == 0) {
            if (m_body->isLive() && !m_body->atEnd())
                return;   // the notifier calls fill() again
            if (m_chunked)
                m_socket->write("0\r\n\r\n", 5);
            return finish(true, int(StreamEnding::Completed));
        }
        write(m_buffer.constData(), n);
    }
}

void ResponsePump::finish(bool ok, int ending)
{
    if (m_finished)
        return;
    m_finished = true;
    m_paceTimer.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_ticket)
        m_ticket->setEnding(StreamEnding(ending));
    m_ticket.reset();          // history and the activity list learn it now
    m_body.reset();            // closes the file (or stops ffmpeg) now, not when the connection ends
    if (m_done)
        m_done(ok, m_queued);
    deleteLater();
}

} // namespace cairn
