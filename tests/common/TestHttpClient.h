#pragma once
// The one HTTP/1.1 client of the tests and benchmarks: writes exact request bytes on one
// blocking TCP connection (so framing bugs cannot hide) and reads responses the way a test
// asks: strictly by Content-Length, or by whatever framing the server chose (chunked, length,
// connection close), whole or stopping after N body bytes, with a deadline for the whole
// answer or for each wait. Blocking: use it on the thread that created it, no event loop needed.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <functional>

namespace cairn::test {

struct TestHttpResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;           // empty when ReadOptions::onBody took it
    qint64 bodyBytes = 0;      // body bytes received (decoded)
    bool complete = false;     // the body ended as its framing says
    bool chunked = false;

    QByteArray header(QByteArrayView name) const;
    int headerCount(QByteArrayView name) const;
};

// "<method> <target> HTTP/1.1", Host, the header lines, the blank line and `body`.
QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers = {},
                        const QByteArray &body = {});
// A response head without its blank line into status and headers; false when the first line
// is not an HTTP/1.x status line.
bool parseResponseHead(const QByteArray &head, TestHttpResponse &into);

class TestHttpClient
{
public:
    enum class Framing {
        ContentLength,   // only Content-Length says where a body ends (none = empty body)
        Any,             // chunked, Content-Length or the end of the connection
    };
    struct ReadOptions
    {
        bool head = false;         // the answer to HEAD: no body whatever the headers say
        Framing framing = Framing::ContentLength;
        int timeoutMs = 20000;     // for the whole response; -1 = none
        int idleTimeoutMs = -1;    // for each wait for data; -1 = only the whole-response deadline
        qint64 maxBody = -1;       // stop (incomplete, connection kept) after this many body bytes; -1 = all
        // With Framing::Any: receives the body piece by piece as it arrives instead of
        // TestHttpResponse::body; returning false stops reading (incomplete, connection kept).
        std::function<bool(const QByteArray &piece)> onBody;
    };

    // Connects to host:port at once. `readBufferSize` > 0 bounds the socket's buffer, so a
    // client that stops reading really stops the server (TCP backpressure).
    explicit TestHttpClient(quint16 port, qint64 readBufferSize = 0, const QHostAddress &host = QHostAddress::LocalHost);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Connects again (with an empty buffer) when the server closed the connection.
    bool ensureConnected(int timeoutMs = 5000);
    void send(const QByteArray &raw);
    // Sends "<method> <target> HTTP/1.1" with Host and the extra header lines.
    void sendRequest(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers = {});
    // Reads one response by Content-Length; `headRequest` = it carries no body whatever its headers say.
    TestHttpResponse read(bool headRequest = false, int timeoutMs = 20000);
    TestHttpResponse read(const ReadOptions &options);
    TestHttpResponse get(const QByteArray &target, const QList<QByteArray> &headers = {});
    TestHttpResponse head(const QByteArray &target, const QList<QByteArray> &headers = {});
    // Sends one request and reads its answer as `options` say (live bodies, slow or leaving readers).
    TestHttpResponse request(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers,
                             const ReadOptions &options);
    // True when the server closes the connection within the timeout.
    bool waitForClose(int timeoutMs = 5000);
    void abort();
    QTcpSocket &socket() { return m_socket; }

private:
    class Deadline;
    bool more(const Deadline &deadline);
    bool fill(qsizetype needed, const Deadline &deadline);
    bool readChunked(TestHttpResponse &r, const ReadOptions &options, const Deadline &deadline);
    bool readSized(TestHttpResponse &r, qint64 length, const ReadOptions &options, const Deadline &deadline);
    static bool deliver(TestHttpResponse &r, const QByteArray &piece, const ReadOptions &options);

    const QHostAddress m_host;
    const quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;   // received, not yet parsed
};

// One request on its own connection ("Connection: close"); `body` is sent as JSON, with
// Content-Length, when not null.
TestHttpResponse request(quint16 port, const QByteArray &method, const QByteArray &target,
                         const QList<QByteArray> &headers = {}, const QByteArray &body = {});
// "Authorization: Bearer <token>"
QByteArray bearer(const QByteArray &token);

} // namespace cairn::test
