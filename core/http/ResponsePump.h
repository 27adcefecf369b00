#pragma once
// Sends a BodySource through a socket with backpressure: it reads a small chunk only while the
// socket's own write buffer is below a low high-water mark, and resumes on bytesWritten. Memory
// stays at a few tens of KiB however slow the client is. Lives as a child of the socket, so a
// client that goes away takes the pump and its open file with it.
// The file ranges of a body (FileBody) go out zero-copy with sendfile (TransmitFile on Windows)
// on plain TCP where zeroCopyEnabled(); literal parts, live bodies and HTTPS go through Qt's
// socket. On Windows a zero-copy piece is in flight for a while (overlapped): nothing else is
// written to the socket until it completes.
// A reader whose buffers hold more than it reads between two of its thread's report ticks
// (0.5 s) is refilled on that tick rather than by a write notifier of its own.
// A counted stream (with a StreamTicket) is also paced to its own and the server's bandwidth
// caps by timers, reports the bytes its client has received, and obeys End from the registry.

#include "activity/BandwidthBudget.h"
#include "activity/StreamTicket.h"

#include "BodySource.h"
#include "DeliveryMeter.h"
#include "ZeroCopy.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace cairn {

class ResponsePump : public QObject, public StreamControl
{
    Q_OBJECT
public:
    // `done(ok, bytes)` runs once: every byte was handed to the socket (ok), or the source
    // failed, the client left or the stream was ended (not ok). `bytes` = body bytes sent.
    ResponsePump(QTcpSocket *socket, std::unique_ptr<BodySource> body, std::function<void(bool, qint64)> done);
    ~ResponsePump() override;

    // Frames the body with chunked transfer coding (for bodies of unknown size).
    void setChunked(bool chunked) { m_chunked = chunked; }
    // Makes this a counted stream; the ticket's registry may then call the StreamControl API.
    void setTicket(std::unique_ptr<StreamTicket> ticket);
    void start();
    qint64 bytesQueued() const { return m_meter.handedTotal(); }

    // Tells the ticket what the client has received so far (the thread's report timer calls it).
    void reportDelivered();

    // StreamControl: thread-safe, they post to this pump's thread.
    void requestEnd() override;
    void capChanged() override;

private:
    void fill();
    // Sends one piece of the body; false = wait for an event (or finished).
    bool step();
    bool copyStep(qint64 max);
    bool zeroCopyStep(const BodySource::FileSpan &span);
    // Accounts a zero-copy piece that was `allowed` bytes; false = wait for an event (or finished).
    bool zeroCopied(const SendFileResult &r, qint64 allowed);
    // A piece that was in flight has completed (Windows' overlapped TransmitFile).
    void pieceSent(const SendFileResult &r);
    // How many bytes may be written now (pacing); arms the pacing timer when it is 0.
    qint64 allowance(qint64 want);
    void giveBack(qint64 bytes);
    void write(const char *data, qint64 size);
    // True when this reader is slow enough to be refilled by the thread's report timer.
    bool waitForTick();
    void stopReports();
    void finish(bool ok, int ending);
    void endNow();

    QTcpSocket *m_socket;
    std::unique_ptr<BodySource> m_body;
    std::function<void(bool, qint64)> m_done;
    std::unique_ptr<StreamTicket> m_ticket;
    DeliveryMeter m_meter;
    TokenBucket m_ownCap;
    QTimer m_paceTimer;
    QPointer<QObject> m_ticker;   // the thread's DeliveryTicker while this reports to it
    FilePieceSender m_pieces;
    qint64 m_pieceAllowed = 0;    // the pacing allowance of the piece in flight
    qint64 m_zeroCopied = 0;      // body bytes sent by sendfile (TransmitFile on Windows)
    qint64 m_deliveredAtTick = -1;   // the client's bytes at the last report (-1: none yet)
    qint64 m_deliveredPerTick = -1;   // … and how many it reads per tick, smoothed (-1: unknown)
    bool m_waitingForTick = false;
    bool m_zeroCopy = false;      // file spans go out by sendfile
    bool m_chunked = false;
    bool m_started = false;
    bool m_filling = false;       // guards fill() against itself (flush() emits bytesWritten)
    bool m_finished = false;
};

} // namespace cairn
