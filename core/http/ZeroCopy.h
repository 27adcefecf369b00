#pragma once
// Zero-copy file sending: hands a byte range of an open file from the page cache straight to a
// TCP socket (sendfile(2) on Linux and macOS), without copying it through user space. The one
// place that knows these platform calls; senders ask zeroCopyEnabled() first.
// Windows keeps the portable pump: TransmitFile would need overlapped I/O on a socket that Qt
// already drives with its own notifier, which is not done here.

#include <QtGlobal>

namespace cairn {

struct SendFileResult
{
    enum class Status {
        Sent,          // `bytes` went out (maybe fewer than asked: call again to learn why)
        WouldBlock,    // the socket's kernel buffer is full (`bytes` may still be > 0)
        EndOfFile,     // nothing left at that offset: the file is shorter than announced
        PeerGone,      // the client reset or closed the connection (EPIPE, ECONNRESET)
        Unsupported,   // this file or socket cannot be sent this way: copy instead
        Failed,        // any other error (`error` = errno)
    };
    Status status = Status::Failed;
    qint64 bytes = 0;
    int error = 0;
};

// Whether file bodies go out with sendfile in this process: built with the CMake option
// CAIRN_ZERO_COPY on a platform that has it, and the environment variable CAIRN_ZERO_COPY is
// not "0" (read once, so CI can run the same build through both body paths).
bool zeroCopyEnabled();

// Sends up to `count` bytes of `file` from `offset` to the non-blocking `socket`. Never blocks.
SendFileResult sendFileToSocket(qintptr socket, int file, qint64 offset, qint64 count);

// sendfile() cannot be told MSG_NOSIGNAL: writing to a connection the client has reset raises
// SIGPIPE, which would kill the whole server. Ignores it process-wide (where signals exist);
// children started by QProcess get the default action back (Qt resets it before exec).
void ignoreBrokenPipeSignal();

} // namespace cairn
