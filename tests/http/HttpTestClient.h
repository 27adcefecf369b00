#pragma once
// A deliberately raw HTTP/1.1 client for tests: writes exact request bytes on one kept-alive
// TCP connection and parses responses by Content-Length, so framing bugs cannot hide.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace cairn::test {

struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(QByteArrayView name) const;
    int headerCount(QByteArrayView name) const;
};

class HttpTestClient
{
public:
    explicit HttpTestClient(quint16 port);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &raw);
    // Sends "<method> <target> HTTP/1.1" with Host and the extra header lines.
    void sendRequest(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers = {});
    // Reads one response; `headRequest` = the response carries no body whatever its headers say.
    RawResponse read(bool headRequest = false, int timeoutMs = 20000);
    RawResponse get(const QByteArray &target, const QList<QByteArray> &headers = {});
    RawResponse head(const QByteArray &target, const QList<QByteArray> &headers = {});
    // True when the server closes the connection within the timeout.
    bool waitForClose(int timeoutMs = 5000);
    QTcpSocket &socket() { return m_socket; }

private:
    bool fill(qsizetype needed, int timeoutMs);
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace cairn::test
