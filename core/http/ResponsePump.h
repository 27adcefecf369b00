#pragma once
// Sends a BodySource through a socket with backpressure: it reads a chunk only while the
// socket's own write buffer is below a high-water mark, and resumes on bytesWritten. Memory
// stays flat however slow the client is. Lives as a child of the socket, so a client that
// goes away takes the pump and its open file with it.

#include <QObject>

#include <functional>
#include <memory>

class QTcpSocket;

namespace cairn {

class BodySource;

class ResponsePump : public QObject
{
    Q_OBJECT
public:
    // `done(ok)` runs once every byte was handed to the socket (ok) or the source failed.
    ResponsePump(QTcpSocket *socket, std::unique_ptr<BodySource> body, std::function<void(bool)> done);
    ~ResponsePump() override;

    void start();
    qint64 bytesQueued() const { return m_queued; }

private:
    void fill();
    void finish(bool ok);

    QTcpSocket *m_socket;
    std::unique_ptr<BodySource> m_body;
    std::function<void(bool)> m_done;
    QByteArray m_buffer;
    qint64 m_queued = 0;
    bool m_finished = false;
};

} // namespace cairn
