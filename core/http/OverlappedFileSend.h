#pragma once
// Windows only: one connection's file pieces sent by overlapped TransmitFile, one at a time. A
// piece starts, the kernel sends it from the page cache while the thread's event loop runs, and
// its outcome comes back on this object's thread; FilePieceSender (ZeroCopy.h) is its user.

#include "ZeroCopy.h"

#include <QObject>

#include <functional>
#include <memory>

class QWinEventNotifier;

namespace cairn {

class OverlappedFileSend : public QObject
{
public:
    // `done` runs on this object's thread, from the event loop, once for every piece start()
    // answered Pending and that was not cancelled.
    explicit OverlappedFileSend(std::function<void(const SendFileResult &)> done);
    // Cancels a piece in flight and waits for the kernel to let go of it.
    ~OverlappedFileSend() override;

    // Starts sending `count` bytes of `file` (a CRT descriptor, as QFile::handle() gives) from
    // `offset` on `socket`: Pending, or at once the outcome (it finished, or it was refused;
    // a refused piece sent nothing).
    SendFileResult start(qintptr socket, int file, qint64 offset, qint64 count);
    bool inFlight() const;
    void cancel();

private:
    struct Piece;

    void completed();
    // The outcome of the piece the kernel has finished with.
    SendFileResult outcome() const;

    std::function<void(const SendFileResult &)> m_done;
    std::unique_ptr<Piece> m_piece;
    std::unique_ptr<QWinEventNotifier> m_notifier;   // watches m_piece's event: destroyed first
};

} // namespace cairn
