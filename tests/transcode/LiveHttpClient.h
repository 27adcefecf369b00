#pragma once
// A blocking HTTP/1.1 client for live bodies: reads by Content-Length, chunked coding or
// connection close, and can stop after N body bytes while keeping the connection open
// (a slow or leaving listener).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace cairn::test {

struct LiveResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;     // the body ended as its framing says
    bool chunked = false;

    QByteArray header(QByteArrayView name) const;
};

class LiveHttpClient
{
public:
    explicit LiveHttpClient(quint16 port);

    // Sends a GET (or HEAD) and reads the head and up to `maxBody` body bytes (-1 = all).
    LiveResponse request(const QByteArray &target, const QList<QByteArray> &headers = {}, qint64 maxBody = -1,
                         const QByteArray &method = "GET");
    void abort() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    bool fill(int timeoutMs);
    bool readBody(LiveResponse &r, qint64 maxBody);
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace cairn::test
