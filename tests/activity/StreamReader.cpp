#include "StreamReader.h"

#include <QHostAddress>

namespace cairn::test {
namespace {
constexpr qint64 kKeep = 256 * 1024;
constexpr int kSlowTickMs = 100;
} // namespace

StreamReader::StreamReader(quint16 port, const QByteArray &target, const QList<QByteArray> &headers, Mode mode,
                           qint64 slowBytesPerSecond)
    : m_mode(mode), m_slowRate(slowBytesPerSecond)
{
    // A small buffer: a stalled reader then really stops the server (TCP backpressure).
    m_socket.setReadBufferSize(64 * 1024);
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_mode == Mode::Full || m_status == 0)
            drain();
    });
    m_slowTick.setInterval(kSlowTickMs);
    connect(&m_slowTick, &QTimer::timeout, this, &StreamReader::drain);
    if (mode == Mode::Slow)
        m_slowTick.start();
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.write(requestBytes("GET", target, headers));
}

void StreamReader::setMode(Mode mode)
{
    m_mode = mode;
    if (mode == Mode::Slow)
        m_slowTick.start();
    else
        m_slowTick.stop();
    if (mode == Mode::Full)
        drain();
}

void StreamReader::mark()
{
    m_markClock.start();
    m_markBytes = m_bodyBytes;
}

double StreamReader::rateSinceMark() const
{
    const qint64 ms = m_markClock.elapsed();
    return ms > 0 ? double(m_bodyBytes - m_markBytes) * 1000.0 / double(ms) : 0;
}

void StreamReader::drain()
{
    qint64 budget = m_mode == Mode::Slow ? m_slowRate * kSlowTickMs / 1000 : m_socket.bytesAvailable();
    if (m_status == 0) {
        // Read the head whatever the mode.
        while (m_socket.bytesAvailable() > 0 && m_status == 0) {
            m_headBuffer += m_socket.read(1);
            if (!m_headBuffer.endsWith("\r\n\r\n"))
                continue;
            TestHttpResponse head;
            parseResponseHead(m_headBuffer.trimmed(), head);
            m_status = head.status;
            m_head = head;
        }
        if (m_status == 0 || m_mode == Mode::Stalled)
            return;
        if (m_mode == Mode::Full)
            budget = m_socket.bytesAvailable();
    }
    if (m_mode == Mode::Stalled)
        return;
    while (budget > 0 && m_socket.bytesAvailable() > 0) {
        const QByteArray data = m_socket.read(qMin<qint64>(budget, 64 * 1024));
        if (data.isEmpty())
            break;
        budget -= data.size();
        consume(data);
    }
}

void StreamReader::consume(const QByteArray &data)
{
    m_bodyBytes += data.size();
    if (m_bodyStart.size() < kKeep)
        m_bodyStart += data.left(kKeep - m_bodyStart.size());
}

} // namespace cairn::test
