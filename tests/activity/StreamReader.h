#pragma once
// An asynchronous HTTP client for long responses: sends one request, parses the head, and
// then reads the body as told (not at all, as fast as possible, or at a slow pace), counting
// bytes, so several streams can run at once on the test's event loop. The request bytes and
// the head are the one test client's (TestHttpClient.h); only the event-driven reading is its own.

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include "TestHttpClient.h"

namespace cairn::test {

class StreamReader : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Stalled, Full, Slow };
    StreamReader(quint16 port, const QByteArray &target, const QList<QByteArray> &headers, Mode mode,
                 qint64 slowBytesPerSecond = 64 * 1024);

    int status() const { return m_status; }
    bool hasHead() const { return m_status != 0; }
    QByteArray header(QByteArrayView name) const { return m_head.header(name); }
    qint64 bodyBytes() const { return m_bodyBytes; }
    // The body as received, up to its first 256 KiB (for small answers and event feeds).
    QByteArray bodyStart() const { return m_bodyStart; }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    void setMode(Mode mode);
    void close() { m_socket.abort(); }

    // Starts a measurement window; rateSinceMark() is bytes/s received since.
    void mark();
    double rateSinceMark() const;

private:
    void drain();
    void consume(const QByteArray &data);

    QTcpSocket m_socket;
    Mode m_mode;
    qint64 m_slowRate;
    QTimer m_slowTick;
    QByteArray m_headBuffer;
    TestHttpResponse m_head;   // status and headers only
    int m_status = 0;
    qint64 m_bodyBytes = 0;
    QByteArray m_bodyStart;
    QElapsedTimer m_markClock;
    qint64 m_markBytes = 0;
};

} // namespace cairn::test
