#include "TestHttpClient.h"

#include <QDeadlineTimer>

#include <limits>
#include <optional>

namespace cairn::test {

QByteArray TestHttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

int TestHttpResponse::headerCount(QByteArrayView name) const
{
    int n = 0;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    return n;
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers,
                        const QByteArray &body)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        raw += h + "\r\n";
    return raw + "\r\n" + body;
}

bool parseResponseHead(const QByteArray &head, TestHttpResponse &into)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return false;
    into.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            into.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return true;
}

// The whole-response deadline and the per-wait limit, as one "how long may the next wait be".
class TestHttpClient::Deadline
{
public:
    Deadline(int timeoutMs, int idleTimeoutMs)
        : m_whole(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs)),
          m_idleMs(idleTimeoutMs)
    {
    }
    bool hasExpired() const { return m_whole.hasExpired(); }
    int nextWaitMs() const
    {
        qint64 ms = m_whole.isForever() ? std::numeric_limits<int>::max() : qMax<qint64>(1, m_whole.remainingTime());
        if (m_idleMs >= 0)
            ms = qMin<qint64>(ms, m_idleMs);
        return int(qMin<qint64>(ms, std::numeric_limits<int>::max()));
    }

private:
    QDeadlineTimer m_whole;
    int m_idleMs;
};

TestHttpClient::TestHttpClient(quint16 port, qint64 readBufferSize, const QHostAddress &host) : m_host(host), m_port(port)
{
    if (readBufferSize > 0)
        m_socket.setReadBufferSize(readBufferSize);
    m_socket.connectToHost(m_host, m_port);
    m_socket.waitForConnected(5000);
}

bool TestHttpClient::ensureConnected(int timeoutMs)
{
    if (isConnected())
        return true;
    m_socket.abort();
    m_buffer.clear();
    m_socket.connectToHost(m_host, m_port);
    return m_socket.waitForConnected(timeoutMs);
}

void TestHttpClient::send(const QByteArray &raw)
{
    m_socket.write(raw);
    m_socket.flush();
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(5000)) {}
}

void TestHttpClient::sendRequest(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers)
{
    send(requestBytes(method, target, headers));
}

void TestHttpClient::abort()
{
    m_socket.abort();
    m_buffer.clear();
}

bool TestHttpClient::more(const Deadline &deadline)
{
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(deadline.nextWaitMs()))
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

bool TestHttpClient::fill(qsizetype needed, const Deadline &deadline)
{
    while (m_buffer.size() < needed) {
        if (!more(deadline))
            return false;
        if (deadline.hasExpired() && m_buffer.size() < needed)
            return false;
    }
    return true;
}

TestHttpResponse TestHttpClient::read(bool headRequest, int timeoutMs)
{
    ReadOptions options;
    options.head = headRequest;
    options.timeoutMs = timeoutMs;
    return read(options);
}

TestHttpResponse TestHttpClient::read(const ReadOptions &options)
{
    TestHttpResponse r;
    const Deadline deadline(options.timeoutMs, options.idleTimeoutMs);
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(m_buffer.size() + 1, deadline))
            return r;
    }
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    if (!parseResponseHead(head, r))
        return r;
    const bool bodyless = options.head || r.status == 304 || r.status == 204 || r.status < 200;
    if (options.framing == Framing::ContentLength) {
        const qint64 length = bodyless ? 0 : r.header("Content-Length").toLongLong();
        if (!fill(length, deadline))
            return r;
        r.body = m_buffer.left(length);
        r.bodyBytes = r.body.size();
        m_buffer.remove(0, length);
        r.complete = true;
        return r;
    }
    if (options.head) {
        r.complete = true;
        return r;
    }
    r.chunked = r.header("Transfer-Encoding").toLower().contains("chunked");
    if (r.chunked) {
        r.complete = readChunked(r, options, deadline);
        return r;
    }
    if (bodyless) {
        r.complete = true;
        return r;
    }
    const QByteArray lengthText = r.header("Content-Length");
    r.complete = readSized(r, lengthText.isEmpty() ? -1 : lengthText.toLongLong(), options, deadline);
    return r;
}

bool TestHttpClient::readChunked(TestHttpResponse &r, const ReadOptions &options, const Deadline &deadline)
{
    const auto line = [&]() -> std::optional<QByteArray> {
        qsizetype eol;
        while ((eol = m_buffer.indexOf("\r\n")) < 0)
            if (!more(deadline))
                return std::nullopt;
        QByteArray text = m_buffer.left(eol);
        m_buffer.remove(0, eol + 2);
        return text;
    };
    for (;;) {
        const auto sizeLine = line();
        if (!sizeLine)
            return false;
        bool ok = false;
        const qint64 size = sizeLine->split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok)
            return false;
        if (size == 0) {   // the last chunk; trailers end with an empty line
            for (;;) {
                const auto trailer = line();
                if (!trailer || trailer->isEmpty())
                    return trailer.has_value();
            }
        }
        while (m_buffer.size() < size + 2)
            if (!more(deadline))
                return false;
        const bool wanted = deliver(r, m_buffer.left(size), options);
        m_buffer.remove(0, size + 2);
        if (!wanted)
            return false;
    }
}

bool TestHttpClient::deliver(TestHttpResponse &r, const QByteArray &piece, const ReadOptions &options)
{
    r.bodyBytes += piece.size();
    if (options.onBody)
        return options.onBody(piece) && (options.maxBody < 0 || r.bodyBytes < options.maxBody);
    r.body += piece;
    return options.maxBody < 0 || r.bodyBytes < options.maxBody;
}

bool TestHttpClient::readSized(TestHttpResponse &r, qint64 length, const ReadOptions &options, const Deadline &deadline)
{
    for (;;) {
        const qint64 want = length >= 0 ? length : std::numeric_limits<qint64>::max();
        const qint64 take = qMin<qint64>(want - r.bodyBytes, m_buffer.size());
        const bool wanted = take > 0 ? deliver(r, m_buffer.left(take), options)
                                     : options.maxBody < 0 || r.bodyBytes < options.maxBody;
        m_buffer.remove(0, take);
        if (r.bodyBytes == length)
            return true;
        if (!wanted)
            return false;
        if (!more(deadline))   // an unsized body ends with the connection, not with a timeout
            return length < 0 && m_socket.state() != QAbstractSocket::ConnectedState;
    }
}

TestHttpResponse TestHttpClient::get(const QByteArray &target, const QList<QByteArray> &headers)
{
    sendRequest("GET", target, headers);
    return read(false);
}

TestHttpResponse TestHttpClient::head(const QByteArray &target, const QList<QByteArray> &headers)
{
    sendRequest("HEAD", target, headers);
    return read(true);
}

TestHttpResponse TestHttpClient::request(const QByteArray &method, const QByteArray &target,
                                         const QList<QByteArray> &headers, const ReadOptions &options)
{
    sendRequest(method, target, headers);
    return read(options);
}

bool TestHttpClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            m_buffer += m_socket.readAll();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

TestHttpResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
                         const QList<QByteArray> &headers, const QByteArray &body)
{
    TestHttpClient client(port);
    QList<QByteArray> lines{QByteArrayLiteral("Connection: close")};
    lines << headers;
    if (!body.isNull())
        lines << QByteArrayLiteral("Content-Type: application/json") << "Content-Length: " + QByteArray::number(body.size());
    client.send(requestBytes(method, target, lines, body));
    return client.read(method == "HEAD");
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token;
}

} // namespace cairn::test
