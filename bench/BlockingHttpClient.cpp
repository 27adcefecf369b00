#include "BlockingHttpClient.h"

#include <QHostAddress>
#include <QList>

namespace cairn::bench {

BlockingHttpClient::BlockingHttpClient(quint16 port, int readTimeoutMs) : m_port(port), m_readTimeoutMs(readTimeoutMs)
{
}

Reply BlockingHttpClient::get(const QByteArray &target)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_buffer.clear();
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!m_socket.waitForConnected(5000))
            return {};
    }
    m_socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto head = readUntil("\r\n\r\n");
    if (!head)
        return {};
    const QList<QByteArray> lines = head->split('\n');
    std::optional<qsizetype> length;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "transfer-encoding")
            chunked = value.contains("chunked");
    }
    Reply reply;
    const bool complete = chunked ? readChunked(reply.body)
                          : length ? readExactly(*length, reply.body)
                                   : readToEnd(reply.body);
    reply.status = complete ? lines.value(0).split(' ').value(1).toInt() : 0;
    return reply;
}

bool BlockingHttpClient::fill()
{
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(m_readTimeoutMs))
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

std::optional<QByteArray> BlockingHttpClient::readUntil(QByteArrayView end)
{
    qsizetype at;
    while ((at = m_buffer.indexOf(end)) < 0)
        if (!fill())
            return std::nullopt;
    QByteArray text = m_buffer.left(at);
    m_buffer.remove(0, at + end.size());
    return text;
}

bool BlockingHttpClient::readExactly(qsizetype n, QByteArray &to)
{
    while (m_buffer.size() < n)
        if (!fill())
            return false;
    to += m_buffer.left(n);
    m_buffer.remove(0, n);
    return true;
}

bool BlockingHttpClient::readChunked(QByteArray &to)
{
    for (;;) {
        const auto sizeLine = readUntil("\r\n");
        if (!sizeLine)
            return false;
        bool ok = false;
        const qsizetype size = sizeLine->split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok)
            return false;
        if (size == 0) {   // the last chunk; trailers end with an empty line
            for (;;) {
                const auto trailer = readUntil("\r\n");
                if (!trailer || trailer->isEmpty())
                    return trailer.has_value();
            }
        }
        QByteArray crlf;
        if (!readExactly(size, to) || !readExactly(2, crlf))
            return false;
    }
}

bool BlockingHttpClient::readToEnd(QByteArray &to)
{
    while (fill()) {
    }
    to += m_buffer;
    m_buffer.clear();
    return m_socket.state() != QAbstractSocket::ConnectedState;   // ended by the server, not a timeout
}

} // namespace cairn::bench
