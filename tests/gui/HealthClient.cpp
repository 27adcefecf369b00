#include "HealthClient.h"

#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {
namespace {

constexpr int timeoutMs = 5000;

// Reads the status line and headers, up to and without the blank line ("" on failure).
QByteArray readHeaders(QTcpSocket &socket)
{
    QByteArray headers;
    for (;;) {
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(timeoutMs))
                return {};
        }
        const QByteArray line = socket.readLine();
        if (line == "\r\n")
            return headers;
        headers += line;
    }
}

qint64 contentLength(const QByteArray &headers)
{
    for (const QByteArray &line : headers.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            return trimmed.mid(int(sizeof("content-length:") - 1)).trimmed().toLongLong();
    }
    return 0;
}

} // namespace

HealthClient::HealthClient(QHostAddress host, quint16 port, QObject *parent)
    : QThread(parent), m_host(std::move(host)), m_port(port)
{
}

void HealthClient::run()
{
    QTcpSocket socket;
    while (!m_stop) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            socket.abort();
            socket.connectToHost(m_host, m_port);
            if (!socket.waitForConnected(timeoutMs)) {
                ++m_failed;
                continue;
            }
        }
        if (requestOnce(socket)) {
            ++m_answered;
        } else {
            ++m_failed;
            socket.abort();
        }
    }
    socket.abort();
}

bool HealthClient::requestOnce(QTcpSocket &socket)
{
    socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"_ba);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    const QByteArray headers = readHeaders(socket);
    if (!headers.startsWith("HTTP/1.1 200"))
        return false;
    qint64 remaining = contentLength(headers);
    while (remaining > 0) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(timeoutMs))
            return false;
        remaining -= socket.read(remaining).size();
    }
    return true;
}

} // namespace cairn::test
