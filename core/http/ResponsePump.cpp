#include "http/ResponsePump.h"

#include "http/BodySource.h"

#include <QTcpSocket>

namespace cairn {
namespace {
constexpr qint64 kChunk = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;
} // namespace

ResponsePump::ResponsePump(QTcpSocket *socket, std::unique_ptr<BodySource> body,
                           std::function<void(bool)> done)
    : QObject(socket), m_socket(socket), m_body(std::move(body)), m_done(std::move(done))
{
    m_buffer.resize(kChunk);
}

ResponsePump::~ResponsePump() = default;

void ResponsePump::start()
{
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ResponsePump::fill);
    fill();
}

void ResponsePump::fill()
{
    while (!m_finished && m_socket->bytesToWrite() < kHighWater) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return finish(false);
        const qint64 n = m_body->read(m_buffer.data(), kChunk);
        if (n < 0)
            return finish(false);
        if (n == 0)
            return finish(true);
        m_socket->write(m_buffer.constData(), n);
        m_queued += n;
    }
}

void ResponsePump::finish(bool ok)
{
    if (m_finished)
        return;
    m_finished = true;
    disconnect(m_socket, &QTcpSocket::bytesWritten, this, &ResponsePump::fill);
    m_body.reset();            // closes the file now, not when the connection ends
    if (m_done)
        m_done(ok);
    deleteLater();
}

} // namespace cairn
