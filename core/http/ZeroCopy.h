#pragma once
// Zero-copy file sending: hands a byte range of an open file from the page cache straight to a
// TCP socket (sendfile(2) on Linux and macOS), without copying it through user space. The one
// place that knows these platform calls; senders ask zeroCopyEnabled() first.
// Windows keeps the portable pump: TransmitFile would need overlapped I/O on a socket that Qt
// already drives with its own notifier, which is not done here.

#include <QtGlobal>

#include <functional>
#include <memory>

namespace cairn {

struct SendFileResult
{
    enum class Status {
        Sent,          // `bytes` went out (maybe fewer than asked: call again to learn why)
        Pending,       // the piece is in flight; its outcome comes later (FilePieceSender)
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
// not "0" (read once, so CI can run the same build through both body paths).
bool zeroCopyEnabled();

// Sends up to `count` bytes of `file` from `offset` to the non-blocking `socket` with
// sendfile. Never blocks. Unsupported where there is no sendfile.
SendFileResult sendFileToSocket(qintptr socket, int file, qint64 offset, qint64 count);

// Hands one connection's file pieces to its socket, one piece at a time. With sendfile a piece
// answers at once; an asynchronous sender answers Pending, nothing else may be written to the
// socket until `done` (run later, on the thread that sent it) reports its outcome, and
// destroying or cancel()ling the sender stops it and waits until the kernel has let go of it.
class FilePieceSender
{
public:
    // The most one piece carries.
    static constexpr qint64 kMaxPiece = 2 * 1024 * 1024;

    explicit FilePieceSender(std::function<void(const SendFileResult &)> done);
    ~FilePieceSender();
    FilePieceSender(const FilePieceSender &) = delete;
    FilePieceSender &operator=(const FilePieceSender &) = delete;

    // Sends up to `count` (at most kMaxPiece) bytes of `file`
    // from `offset` to `socket`. Never blocks.
    SendFileResult send(qintptr socket, int file, qint64 offset, qint64 count);
    // A piece answered Pending and its `done` has not run yet.
    bool inFlight() const;
    // Stops a piece in flight; its `done` never runs. Nothing to do when none is in flight (as
    // while `done` runs).
    void cancel();

private:
    std::function<void(const SendFileResult &)> m_done;
};

// sendfile() cannot be told MSG_NOSIGNAL: writing to a connection the client has reset raises
// SIGPIPE, which would kill the whole server. Ignores it process-wide (where signals exist);
// children started by QProcess get the default action back (Qt resets it before exec).
void ignoreBrokenPipeSignal();

} // namespace cairn
