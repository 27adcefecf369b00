#pragma once
// Zero-copy file sending: hands a byte range of an open file from the page cache straight to a
// TCP socket, without copying it through user space. The one place that knows these platform
// calls; senders ask zeroCopyEnabled() first.
// - Linux and macOS: sendfile(2) on the non-blocking socket Qt drives; it answers at once.
// - Windows: an overlapped TransmitFile per piece (OverlappedFileSend). Qt 6.4 creates its
//   sockets overlapped-capable (WSASocket with WSA_FLAG_OVERLAPPED; WSAAccept's inherit it) and
//   non-blocking (FIONBIO, and its dispatcher's WSAAsyncSelect). Without an OVERLAPPED,
//   TransmitFile on such a socket tells no byte count when it stops early, so a piece is
//   overlapped: it answers Pending, and its completion (an event a QWinEventNotifier watches)
//   comes back on the sender's thread. Compile-checked with MinGW
//   (tools/check-windows-syntax.sh) only: no Windows machine runs the suites.
//   Client editions of Windows run at most two TransmitFile requests at a time, system-wide
//   (the others wait, so a third client would stall behind two slow readers): there it is off
//   unless CAIRN_ZERO_COPY=1; on Windows Server it is on.

#include <QtGlobal>

#include <functional>
#include <memory>

namespace cairn {

struct SendFileResult
{
    enum class Status {
        Sent,          // `bytes` went out (maybe fewer than asked: call again to learn why)
        Pending,       // the piece is in flight; its outcome comes later (Windows only)
        WouldBlock,    // the socket's kernel buffer is full (`bytes` may still be > 0)
        EndOfFile,     // nothing left at that offset: the file is shorter than announced
        PeerGone,      // the client reset or closed the connection (EPIPE, ECONNRESET)
        Unsupported,   // this file or socket cannot be sent this way (nothing was sent): copy instead
        Failed,        // any other error (`error` = errno, or the WSA error on Windows)
    };
    Status status = Status::Failed;
    qint64 bytes = 0;
    int error = 0;
};

// Whether file bodies go out zero-copy in this process: built with the CMake option
// CAIRN_ZERO_COPY on a platform that has it, and the environment variable CAIRN_ZERO_COPY is
// not "0" (read once, so CI can run the same build through both body paths). On client
// editions of Windows only when it is "1" (see above).
bool zeroCopyEnabled();

// Sends up to `count` bytes of `file` from `offset` to the non-blocking `socket` with
// sendfile. Never blocks. Unsupported where there is no sendfile (Windows: FilePieceSender).
SendFileResult sendFileToSocket(qintptr socket, int file, qint64 offset, qint64 count);

class OverlappedFileSend;

// Hands one connection's file pieces to its socket, one piece at a time. With sendfile a piece
// answers at once; on Windows it answers Pending, nothing else may be written to the socket
// until `done` (run later, on the thread that sent it) reports its outcome, and destroying or
// cancel()ling the sender stops it and waits until the kernel has let go of it.
class FilePieceSender
{
public:
    // The most one piece carries. On Windows a piece holds the socket until the kernel has
    // taken all of it: small enough that a slow reader's piece ends within seconds.
#ifdef Q_OS_WIN
    static constexpr qint64 kMaxPiece = 1024 * 1024;
#else
    static constexpr qint64 kMaxPiece = 2 * 1024 * 1024;
#endif

    explicit FilePieceSender(std::function<void(const SendFileResult &)> done);
    ~FilePieceSender();
    FilePieceSender(const FilePieceSender &) = delete;
    FilePieceSender &operator=(const FilePieceSender &) = delete;

    // Sends up to `count` (at most kMaxPiece) bytes of `file` (a CRT descriptor on Windows)
    // from `offset` to `socket`. Never blocks.
    SendFileResult send(qintptr socket, int file, qint64 offset, qint64 count);
    // A piece answered Pending and its `done` has not run yet.
    bool inFlight() const;
    // Stops a piece in flight; its `done` never runs. Nothing to do when none is in flight (as
    // while `done` runs).
    void cancel();

private:
    std::function<void(const SendFileResult &)> m_done;
#ifdef Q_OS_WIN
    std::unique_ptr<OverlappedFileSend> m_overlapped;   // made at the first piece, on its thread
#endif
};

// sendfile() cannot be told MSG_NOSIGNAL: writing to a connection the client has reset raises
// SIGPIPE, which would kill the whole server. Ignores it process-wide (where signals exist);
// children started by QProcess get the default action back (Qt resets it before exec).
void ignoreBrokenPipeSignal();

} // namespace cairn
