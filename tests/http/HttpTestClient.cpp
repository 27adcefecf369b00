#include "HttpTestClient.h"

#include <QDeadlineTimer>
#include <QHostAddress>

namespace cairn::test {

QByteArray RawResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

int RawResponse::headerCount(QByteArrayView name) const
{
    int n = 0;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    return n;
}

HttpTestClient::HttpTestClient(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
}

void HttpTestClient::send(const QByteArray &raw)
{
    m_socket.write(raw);
    m_socket.flush();
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(5000)) {}
}

void HttpTestClient::sendRequest(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        raw += h + "\r\n";
    raw += "\r\n";
    send(raw);
}

bool HttpTestClient::fill(qsizetype needed, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < needed) {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_socket.readAll();
        if (deadline.hasExpired() && m_buffer.size() < needed)
            return false;
    }
    return true;
}

RawResponse HttpTestClient::read(bool headRequest, int timeoutMs)
{
    RawResponse r;
    QDeadlineTimer deadline(timeoutMs);
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(m_buffer.size() + 1, int(qMax<qint64>(1, deadline.remainingTime()))))
            return r;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return r;
    r.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const bool bodyless = headRequest || r.status == 304 || r.status == 204 || r.status < 200;
    const qint64 length = bodyless ? 0 : r.header("Content-Length").toLongLong();
    if (!fill(length, int(qMax<qint64>(1, deadline.remainingTime()))))
        return r;
    r.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    r.complete = true;
    return r;
}

RawResponse HttpTestClient::get(const QByteArray &target, const QList<QByteArray> &headers)
{
    sendRequest("GET", target, headers);
    return read(false);
}

RawResponse HttpTestClient::head(const QByteArray &target, const QList<QByteArray> &headers)
{
    sendRequest("HEAD", target, headers);
    return read(true);
}

bool HttpTestClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            m_buffer += m_socket.readAll();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

} // namespace cairn::test
