#include "ResponsePump.h"

#include "activity/StreamSnapshot.h"

#include "HttpLog.h"
#include "ScratchBuffer.h"
#include "ZeroCopy.h"

#include <QScopedValueRollback>
#include <QSslSocket>
#include <QSet>
#include <QTcpSocket>

#include <utility>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace cairn {
namespace {
// Copied pieces: read into the thread's scratch buffer, then into Qt's write buffer, which is
// kept under the high-water mark. Small, so thousands of slow clients cost megabytes, not
// gigabytes; the kernel's send buffer (not counted in the process) does the real buffering.
constexpr qint64 kChunk = 32 * 1024;
constexpr qint64 kHighWater = 64 * 1024;
// The most one sendfile call (one TransmitFile piece) may send, and the most one turn of fill()
// sends before it lets the worker's other connections run.
constexpr qint64 kSendChunk = FilePieceSender::kMaxPiece;
constexpr qint64 kTurnBytes = 8 * 1024 * 1024;
// What goes through Qt when the kernel's buffer is full, to be woken when it has room again.
constexpr qint64 kWakeSlice = 8 * 1024;
// How often a counted stream re-reads what its client has received. Writable events alone are
// not enough: the kernel raises them for a slow reader only after it drained a third of a
// send buffer that may hold megabytes, and the count would stand still for seconds.
constexpr int kReportMs = 500;

// Makes the coming close a reset: the kernel drops what it still buffers for the client, so
// an ended stream stops at once instead of after megabytes of already queued media.
void resetOnClose(QTcpSocket *socket)
{
    linger noLinger{};
    noLinger.l_onoff = 1;
    noLinger.l_linger = 0;
    setsockopt(socket->socketDescriptor(), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&noLinger),
               sizeof noLinger);
}
// One timer per worker thread reports the delivered bytes of every counted stream it sends: a
// timer per stream would wake the thread thousands of times a second with many slow readers,
// and every wakeup polls all of that thread's sockets. A child of the object that owns the
// thread's sockets, so it lives as long as they do.
class DeliveryTicker : public QObject
{
public:
    static DeliveryTicker *of(QTcpSocket *socket)
    {
        QObject *owner = socket->parent();
        if (!owner)
            return nullptr;
        auto *ticker = owner->property(kProperty).value<QObject *>();
        if (!ticker) {
            ticker = new DeliveryTicker(owner);
            owner->setProperty(kProperty, QVariant::fromValue<QObject *>(ticker));
        }
        return static_cast<DeliveryTicker *>(ticker);
    }

    void add(ResponsePump *pump)
    {
        m_pumps.insert(pump);
        if (!m_timer.isActive())
            m_timer.start();
    }
    void remove(ResponsePump *pump)
    {
        m_pumps.remove(pump);
        if (m_pumps.isEmpty())
            m_timer.stop();
    }

private:
    static constexpr const char *kProperty = "cairn.deliveryTicker";

    explicit DeliveryTicker(QObject *owner) : QObject(owner)
    {
        m_timer.setInterval(kReportMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            for (ResponsePump *pump : std::as_const(m_pumps))
                pump->reportDelivered();
        });
    }

    QSet<ResponsePump *> m_pumps;
    QTimer m_timer;
};

} // namespace

ResponsePump::ResponsePump(QTcpSocket *socket, std::unique_ptr<BodySource> body,
                           std::function<void(bool, qint64)> done)
    : QObject(socket), m_socket(socket), m_body(std::move(body)), m_done(std::move(done)), m_meter(socket),
      m_pieces([this](const SendFileResult &r) { pieceSent(r); })
{
    m_paceTimer.setSingleShot(true);
    m_paceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_paceTimer, &QTimer::timeout, this, &ResponsePump::fill);
}

ResponsePump::~ResponsePump()
{
    m_pieces.cancel();   // before the file closes
    stopReports();
    // Unregister first: the registry may call this StreamControl until the ticket is gone.
    m_ticket.reset();
    m_body.reset();
}

void ResponsePump::setTicket(std::unique_ptr<StreamTicket> ticket)
{
    m_ticket = std::move(ticket);
}

void ResponsePump::start()
{
    m_started = true;
    // TLS must encrypt every byte itself, and chunk framing sits between the file's bytes.
    m_zeroCopy = zeroCopyEnabled() && !m_chunked && !qobject_cast<QSslSocket *>(m_socket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ResponsePump::fill);
    // Without this the pump would vanish with the socket and the request would never be logged.
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(false, int(StreamEnding::ClientLeft)); });
    if (m_body->isLive())
        m_body->setDataNotifier([this] { fill(); });
    if (m_ticket) {
        m_ticker = DeliveryTicker::of(m_socket);
        if (m_ticker)
            static_cast<DeliveryTicker *>(m_ticker.data())->add(this);
    }
    fill();
}

void ResponsePump::requestEnd()
{
    QMetaObject::invokeMethod(this, &ResponsePump::endNow, Qt::QueuedConnection);
}

void ResponsePump::capChanged()
{
    QMetaObject::invokeMethod(this, [this] {
        m_paceTimer.stop();
        fill();
    }, Qt::QueuedConnection);
}

void ResponsePump::endNow()
{
    if (m_finished)
        return;
    finish(false, int(StreamEnding::EndedByAdmin));
    // abort(), not disconnectFromHost(): a client that does not read would keep the
    // connection open until its buffers drained.
    resetOnClose(m_socket);
    m_socket->abort();
}

qint64 ResponsePump::allowance(qint64 want)
{
    if (!m_ticket)
        return want;
    m_ownCap.setRate(m_ticket->capBytesPerSecond());
    BandwidthBudget &shared = m_ticket->sharedBudget();
    if (m_ownCap.rate() > 0)
        want = qMin(want, m_ownCap.burst());
    qint64 granted = m_ownCap.available(want);
    if (granted > 0)
        granted = shared.take(granted);
    m_ownCap.spend(granted);
    if (granted == 0 && !m_paceTimer.isActive()) {
        const qint64 step = qMin<qint64>(want, 16 * 1024);
        m_paceTimer.start(qMax(1, qMax(m_ownCap.msUntil(step), shared.msUntil(step))));
    }
    return granted;
}

void ResponsePump::giveBack(qint64 bytes)
{
    if (!m_ticket || bytes <= 0)
        return;
    m_ownCap.giveBack(bytes);
    m_ticket->sharedBudget().giveBack(bytes);
}

void ResponsePump::write(const char *data, qint64 size)
{
    if (m_chunked)
        m_socket->write(QByteArray::number(size, 16) + "\r\n");
    m_socket->write(data, size);
    if (m_chunked)
        m_socket->write("\r\n", 2);
    m_meter.handed(size);
}

void ResponsePump::fill()
{
    if (!m_started || m_filling || m_finished)
        return;
    const QScopedValueRollback<bool> guard(m_filling, true);
    const qint64 turnStart = m_meter.handedTotal();
    while (!m_finished) {
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            finish(false, int(StreamEnding::ClientLeft));
            break;
        }
        if (m_meter.handedTotal() - turnStart >= kTurnBytes) {
            QMetaObject::invokeMethod(this, &ResponsePump::fill, Qt::QueuedConnection);
            break;
        }
        if (!step())
            break;
    }
}

bool ResponsePump::step()
{
    if (m_pieces.inFlight())
        return false;   // its completion calls fill() again; until then the socket is the kernel's
    if (m_zeroCopy) {
        if (const auto span = m_body->nextFileSpan())
            return zeroCopyStep(*span);
    }
    if (m_socket->bytesToWrite() >= kHighWater)
        return false;   // bytesWritten calls fill() again
    return copyStep(kChunk);
}

bool ResponsePump::copyStep(qint64 max)
{
    const qint64 allowed = allowance(max);
    if (allowed == 0)
        return false;   // the pace timer calls fill() again
    char *buffer = threadScratch(kChunk);
    const qint64 n = m_body->read(buffer, allowed);
    if (n < 0) {
        finish(false, int(StreamEnding::Failed));
        return false;
    }
    giveBack(allowed - n);
    if (n == 0) {
        if (m_body->isLive() && !m_body->atEnd())
            return false;   // the notifier calls fill() again
        if (m_chunked)
            m_socket->write("0\r\n\r\n", 5);
        finish(true, int(StreamEnding::Completed));
        return false;
    }
    write(buffer, n);
    return true;
}

bool ResponsePump::zeroCopyStep(const BodySource::FileSpan &span)
{
    // The kernel must send what Qt still buffers (the head, a multipart part's head, a wake
    // slice) first. flush() writes what the kernel takes now; it emits bytesWritten, which
    // the m_filling guard ignores.
    if (m_socket->bytesToWrite() > 0) {
        m_socket->flush();
        if (m_socket->bytesToWrite() > 0 || m_finished)
            return false;   // bytesWritten calls fill() when it has gone out
    }
    const qint64 allowed = allowance(qMin(span.length, kSendChunk));
    if (allowed == 0)
        return false;   // the pace timer calls fill() again
    const SendFileResult r = m_pieces.send(m_socket->socketDescriptor(), span.descriptor, span.offset, allowed);
    if (r.status == SendFileResult::Status::Pending) {
        m_pieceAllowed = allowed;
        return false;   // pieceSent() goes on
    }
    return zeroCopied(r, allowed);
}

void ResponsePump::pieceSent(const SendFileResult &r)
{
    if (m_finished)
        return;
    if (zeroCopied(r, std::exchange(m_pieceAllowed, 0)))
        fill();
}

bool ResponsePump::zeroCopied(const SendFileResult &r, qint64 allowed)
{
    using S = SendFileResult::Status;
    if (r.bytes > 0) {
        m_body->skip(r.bytes);
        m_meter.handed(r.bytes);
        m_zeroCopied += r.bytes;
    }
    giveBack(allowed - r.bytes);
    switch (r.status) {
    case S::Sent:
        return true;   // a short count: the next call says whether the kernel is full or the file ended
    case S::Pending:
        return false;   // zeroCopyStep() waits for it
    case S::WouldBlock:
        if (waitForTick())
            return false;   // the thread's report timer calls fill() again
        // The kernel's buffer is full. Learning when it has room needs a write notifier on the
        // socket, and Qt already has one for it (a second QSocketNotifier on the same
        // descriptor makes Qt's dispatcher warn, and only one of them would fire). So a small
        // slice of the body goes through QTcpSocket::write: Qt's notifier writes it when the
        // kernel has room and emits bytesWritten, which calls fill(), and sendfile resumes
        // behind it. The copy costs a few KiB per full buffer of megabytes.
        copyStep(kWakeSlice);
        return false;
    case S::EndOfFile:
        qCInfo(lcHttp) << "file shrank while being sent; closing the connection";
        finish(false, int(StreamEnding::Failed));
        return false;
    case S::PeerGone:
        finish(false, int(StreamEnding::ClientLeft));
        return false;
    case S::Unsupported:
        qCDebug(lcHttpBody) << "sendfile not possible here (errno" << r.error << "); copying instead";
        m_zeroCopy = false;
        return true;
    case S::Failed:
        qCWarning(lcHttp) << "sendfile failed, errno" << r.error;
        finish(false, int(StreamEnding::Failed));
        return false;
    }
    return false;
}

void ResponsePump::stopReports()
{
    if (m_ticker)
        static_cast<DeliveryTicker *>(m_ticker.data())->remove(this);
    m_ticker = nullptr;
}

void ResponsePump::reportDelivered()
{
    const qint64 delivered = m_meter.delivered();
    if (m_deliveredAtTick >= 0) {
        // Smoothed: the estimate moves in steps of the client's advertised window, so single
        // ticks swing between nothing and twice the real rate.
        const qint64 last = delivered - m_deliveredAtTick;
        m_deliveredPerTick = m_deliveredPerTick < 0 ? last : (3 * m_deliveredPerTick + last) / 4;
    }
    m_deliveredAtTick = delivered;
    if (m_ticket)
        m_ticket->setBytesSent(delivered);
    if (std::exchange(m_waitingForTick, false))
        fill();
}

bool ResponsePump::waitForTick()
{
    // A client whose buffers (Qt's, the kernel's send queue, its own receive buffer) hold half
    // as much again as it reads in a tick is refilled on the thread's tick instead of by a write
    // notifier of its own: it cannot run dry in between. With thousands of slow readers that
    // is the difference between a wakeup per reader per few kilobytes (each polling every
    // socket of the thread) and two wakeups a second for all of them. What the buffers hold
    // is measured, not read from SO_SNDBUF: under memory pressure the kernel shrinks send
    // buffers to a few KiB while the client's receive buffer still holds plenty. A reader
    // that speeds up, or whose buffers shrink, drains them within a tick, measures fast and
    // goes back to its notifier.
    if (!m_ticker || m_deliveredPerTick < 0)
        return false;
    // The delivered count is the last tick's: the backlog is over-estimated by what the client
    // read since, at most one tick's worth; a reader that runs dry reads its whole backlog in
    // a tick, its rate rises and it moves back to its notifier within a few ticks.
    const qint64 backlog = m_meter.handedTotal() - m_meter.lastDelivered();
    m_waitingForTick = 2 * backlog >= 3 * qMax<qint64>(m_deliveredPerTick, 1);
    return m_waitingForTick;
}

void ResponsePump::finish(bool ok, int ending)
{
    if (m_finished)
        return;
    m_finished = true;
    m_paceTimer.stop();
    stopReports();
    disconnect(m_socket, nullptr, this, nullptr);
    const qint64 handed = m_meter.handedTotal();
    qCDebug(lcHttpBody).nospace() << "body " << (ok ? "sent" : "stopped") << ": " << handed << " bytes, "
                                  << m_zeroCopied << " by sendfile";
    if (m_ticket) {
        // Complete: the kernel has every byte and delivers it unless the connection breaks.
        // Otherwise what the client got is the last estimate (or the one still readable now).
        m_ticket->setBytesSent(ok ? handed : m_meter.delivered());
        m_ticket->setEnding(StreamEnding(ending));
    }
    m_ticket.reset();          // history and the activity list learn it now
    m_pieces.cancel();         // a piece still in flight (Windows) stops before its file closes
    m_body.reset();            // closes the file (or stops ffmpeg) now, not when the connection ends
    if (m_done)
        m_done(ok, handed);
    deleteLater();
}

} // namespace cairn
