#include "ZeroCopy.h"

#ifdef Q_OS_WIN
#include "OverlappedFileSend.h"
#endif

#include <QByteArray>

#include <cerrno>
#include <utility>

#if CAIRN_ZERO_COPY && defined(Q_OS_LINUX)
#define CAIRN_HAS_SENDFILE 1
#include <sys/sendfile.h>
#elif CAIRN_ZERO_COPY && defined(Q_OS_MACOS)
#define CAIRN_HAS_SENDFILE 1
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#else
#define CAIRN_HAS_SENDFILE 0
#endif

#if CAIRN_ZERO_COPY && defined(Q_OS_WIN)
#define CAIRN_HAS_TRANSMITFILE 1
#include <windows.h>
#include <versionhelpers.h>
#else
#define CAIRN_HAS_TRANSMITFILE 0
#endif

#ifndef Q_OS_WIN
#include <csignal>
#endif

namespace cairn {
namespace {

#if CAIRN_HAS_SENDFILE
SendFileResult::Status statusOf(int error)
{
    using S = SendFileResult::Status;
    switch (error) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EINTR:   // nothing was sent; the next writable event retries
        return S::WouldBlock;
    case EPIPE:
    case ECONNRESET:
    case ENOTCONN:
        return S::PeerGone;
    case EINVAL:   // e.g. a file system without the page-cache path sendfile needs
    case ENOSYS:
    case EOPNOTSUPP:
        return S::Unsupported;
    default:
        return S::Failed;
    }
}
#endif

} // namespace

bool zeroCopyEnabled()
{
#if CAIRN_HAS_SENDFILE
    static const bool enabled = qgetenv("CAIRN_ZERO_COPY") != "0";
    return enabled;
#elif CAIRN_HAS_TRANSMITFILE
    // Client editions run two TransmitFile requests at a time for the whole system and queue the
    // rest: two slow readers would stall every other file body (and other programs' too). "1"
    // turns it on there anyway, to try this path on a desktop.
    static const bool enabled = [] {
        const QByteArray setting = qgetenv("CAIRN_ZERO_COPY");
        return setting == "1" || (setting != "0" && IsWindowsServer());
    }();
    return enabled;
#else
    return false;
#endif
}

SendFileResult sendFileToSocket(qintptr socket, int file, qint64 offset, qint64 count)
{
    using S = SendFileResult::Status;
#if CAIRN_HAS_SENDFILE && defined(Q_OS_LINUX)
    off_t at = off_t(offset);
    const ssize_t n = ::sendfile(int(socket), file, &at, size_t(count));
    if (n > 0)
        return {S::Sent, qint64(n), 0};
    if (n == 0)
        return {S::EndOfFile, 0, 0};
    return {statusOf(errno), 0, errno};
#elif CAIRN_HAS_SENDFILE && defined(Q_OS_MACOS)
    off_t len = off_t(count);   // in: how many to send; out: how many were sent, even on EAGAIN
    const int rc = ::sendfile(file, int(socket), off_t(offset), &len, nullptr, 0);
    if (rc == 0)
        return len > 0 ? SendFileResult{S::Sent, qint64(len), 0} : SendFileResult{S::EndOfFile, 0, 0};
    const int error = errno;
    return {statusOf(error), qint64(len), error};
#else
    Q_UNUSED(socket);
    Q_UNUSED(file);
    Q_UNUSED(offset);
    Q_UNUSED(count);
    return {S::Unsupported, 0, 0};
#endif
}

FilePieceSender::FilePieceSender(std::function<void(const SendFileResult &)> done) : m_done(std::move(done)) {}

FilePieceSender::~FilePieceSender() = default;   // ~OverlappedFileSend cancels a piece in flight

SendFileResult FilePieceSender::send(qintptr socket, int file, qint64 offset, qint64 count)
{
    count = qMin(count, kMaxPiece);
#if CAIRN_HAS_TRANSMITFILE
    if (!m_overlapped)
        m_overlapped = std::make_unique<OverlappedFileSend>(m_done);
    return m_overlapped->start(socket, file, offset, count);
#else
    return sendFileToSocket(socket, file, offset, count);
#endif
}

bool FilePieceSender::inFlight() const
{
#ifdef Q_OS_WIN
    return m_overlapped && m_overlapped->inFlight();
#else
    return false;
#endif
}

void FilePieceSender::cancel()
{
#ifdef Q_OS_WIN
    if (m_overlapped)
        m_overlapped->cancel();
#endif
}

void ignoreBrokenPipeSignal()
{
#ifndef Q_OS_WIN
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, nullptr);
#endif
}

} // namespace cairn
