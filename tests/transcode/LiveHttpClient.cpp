#include "LiveHttpClient.h"

#include <QHostAddress>

namespace cairn::test {
namespace {
constexpr int kTimeoutMs = 30000;
} // namespace

QByteArray LiveResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

LiveHttpClient::LiveHttpClient(quint16 port)
{
    // A bounded buffer: a listener that stops reading really stops (the server sees backpressure).
    m_socket.setReadBufferSize(64 * 1024);
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
}

bool LiveHttpClient::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs))
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

LiveResponse LiveHttpClient::request(const QByteArray &target, const QList<QByteArray> &headers, qint64 maxBody,
                                     const QByteArray &method)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        raw += h + "\r\n";
    m_socket.write(raw + "\r\n");
    m_socket.waitForBytesWritten(5000);

    LiveResponse r;
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0)
        if (!fill(kTimeoutMs))
            return r;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (method == "HEAD") {
        r.complete = true;
        return r;
    }
    r.complete = readBody(r, maxBody);
    return r;
}

bool LiveHttpClient::readBody(LiveResponse &r, qint64 maxBody)
{
    const auto enough = [&] { return maxBody >= 0 && r.body.size() >= maxBody; };
    r.chunked = r.header("Transfer-Encoding").toLower() == "chunked";
    if (r.chunked) {
        for (;;) {
            qsizetype eol;
            while ((eol = m_buffer.indexOf("\r\n")) < 0)
                if (!fill(kTimeoutMs))
                    return false;
            bool ok = false;
            const qint64 size = m_buffer.left(eol).toLongLong(&ok, 16);
            if (!ok)
                return false;
            while (m_buffer.size() < eol + 2 + size + 2)
                if (!fill(kTimeoutMs))
                    return false;
            r.body += m_buffer.mid(eol + 2, size);
            m_buffer.remove(0, eol + 2 + size + 2);
            if (size == 0)
                return true;
            if (enough())
                return false;
        }
    }
    if (r.status == 304 || r.status == 204)
        return true;
    const QByteArray lengthText = r.header("Content-Length");
    const qint64 length = lengthText.isEmpty() ? -1 : lengthText.toLongLong();
    for (;;) {
        const qint64 want = length >= 0 ? length : std::numeric_limits<qint64>::max();
        const qint64 take = qMin<qint64>(want - r.body.size(), m_buffer.size());
        r.body += m_buffer.left(take);
        m_buffer.remove(0, take);
        if (r.body.size() == length)
            return true;
        if (enough())
            return false;
        if (!fill(kTimeoutMs))
            return length < 0 && m_socket.state() != QAbstractSocket::ConnectedState;
    }
}

} // namespace cairn::test
