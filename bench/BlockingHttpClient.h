#pragma once
// A plain HTTP/1.1 GET client for benchmarks: one kept-alive connection to 127.0.0.1, blocking
// (use one per thread, no event loop needed), bodies read by Content-Length, chunked, or up to
// the end of the connection.

#include <QByteArray>
#include <QTcpSocket>

#include <optional>

namespace cairn::bench {

struct Reply
{
    int status = 0;   // 0 = no complete answer
    QByteArray body;
};

class BlockingHttpClient
{
public:
    explicit BlockingHttpClient(quint16 port, int readTimeoutMs = 120000);

    // Reconnects when the server closed the connection since the last request.
    Reply get(const QByteArray &target);

private:
    bool fill();
    std::optional<QByteArray> readUntil(QByteArrayView end);
    bool readExactly(qsizetype n, QByteArray &to);
    bool readChunked(QByteArray &to);
    bool readToEnd(QByteArray &to);

    const quint16 m_port;
    const int m_readTimeoutMs;
    QTcpSocket m_socket;
    QByteArray m_buffer;   // read but not yet parsed
};

} // namespace cairn::bench
