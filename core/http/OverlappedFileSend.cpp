#include "OverlappedFileSend.h"

#include "HttpLog.h"

#include <QWinEventNotifier>

#include <winsock2.h>
#include <mswsock.h>
#include <windows.h>
#include <io.h>

#include <cstdint>
#include <utility>

namespace cairn {
namespace {

using S = SendFileResult::Status;

// TransmitFile takes a DWORD count and refuses more than 2^31 - 2 bytes in one request.
constexpr qint64 kMostPerRequest = 0x7ffffffe;
// How long a cancelled piece may take to complete. Cancelling ends it at once; the bound only
// keeps a driver that never completes it from hanging the worker thread for good.
constexpr DWORD kCancelWaitMs = 5000;

S statusOf(int error)
{
    switch (error) {
    case WSAECONNRESET:
    case WSAECONNABORTED:
    case WSAESHUTDOWN:
    case WSAENOTCONN:
    case WSAENETRESET:
    case WSAENOTSOCK:             // Qt closed the socket (the client left) while the piece was out
    case WSA_OPERATION_ABORTED:   // closing the socket cancelled the piece
    case ERROR_NETNAME_DELETED:   // a reset, as the Win32 error some paths report
        return S::PeerGone;
    case ERROR_HANDLE_EOF:
        return S::EndOfFile;
    case WSAEOPNOTSUPP:
    case WSAEINVAL:
    case WSA_INVALID_HANDLE:
    case ERROR_NOT_SUPPORTED:
    case WSAEWOULDBLOCK:   // an overlapped request pends instead: a provider saying this cannot do it
        return S::Unsupported;
    default:
        return S::Failed;
    }
}

// TransmitFile as the socket's provider implements it; its documentation asks for the pointer
// to be looked up this way rather than bound to mswsock's export.
LPFN_TRANSMITFILE transmitFileOf(SOCKET socket)
{
    GUID id = WSAID_TRANSMITFILE;
    LPFN_TRANSMITFILE function = nullptr;
    DWORD size = 0;
    if (WSAIoctl(socket, SIO_GET_EXTENSION_FUNCTION_POINTER, &id, sizeof id, &function, sizeof function, &size,
                 nullptr, nullptr)
        != 0)
        return nullptr;
    return function;
}

} // namespace

// What the kernel holds while a piece is in flight: it writes the OVERLAPPED and signals the
// event until the request completes (cancelled or not), so they live apart from the sender's
// other state and are freed only after completion.
struct OverlappedFileSend::Piece
{
    Piece() : event(CreateEventW(nullptr, TRUE, FALSE, nullptr)) {}
    ~Piece()
    {
        if (event)
            CloseHandle(event);
    }
    Piece(const Piece &) = delete;
    Piece &operator=(const Piece &) = delete;

    OVERLAPPED overlapped{};
    HANDLE event;   // manual reset: it stays signalled until the next piece starts
    SOCKET socket = INVALID_SOCKET;
    LPFN_TRANSMITFILE transmitFile = nullptr;
    bool inFlight = false;
};

OverlappedFileSend::OverlappedFileSend(std::function<void(const SendFileResult &)> done) : m_done(std::move(done)) {}

OverlappedFileSend::~OverlappedFileSend()
{
    cancel();
}

bool OverlappedFileSend::inFlight() const
{
    return m_piece && m_piece->inFlight;
}

SendFileResult OverlappedFileSend::start(qintptr socket, int file, qint64 offset, qint64 count)
{
    // The OVERLAPPED is the kernel's until the piece in flight completes.
    if (inFlight())
        return {S::Failed, 0, WSAEALREADY};
    // A count of 0 would send the whole file.
    if (file < 0 || offset < 0 || count <= 0 || count > kMostPerRequest)
        return {S::Failed, 0, WSAEINVAL};
    // QFile::handle() is a descriptor of the C runtime Qt uses, wrapping Qt's own HANDLE; Cairn
    // and Qt must share that runtime (Qt does not support mixing them), so it resolves to it.
    const auto fileHandle = reinterpret_cast<HANDLE>(_get_osfhandle(file));
    // TransmitFile reads through the cache manager: files on disk only (a pipe would stall it).
    if (fileHandle == INVALID_HANDLE_VALUE || GetFileType(fileHandle) != FILE_TYPE_DISK)
        return {S::Unsupported, 0, WSA_INVALID_HANDLE};
    if (!m_piece)
        m_piece = std::make_unique<Piece>();
    if (!m_piece->event)
        return {S::Unsupported, 0, int(GetLastError())};
    const auto s = SOCKET(socket);
    if (!m_piece->transmitFile || m_piece->socket != s) {
        m_piece->transmitFile = transmitFileOf(s);
        if (!m_piece->transmitFile)
            return {S::Unsupported, 0, WSAGetLastError()};
    }
    if (!m_notifier) {
        m_notifier = std::make_unique<QWinEventNotifier>();
        m_notifier->setHandle(m_piece->event);   // leaves it disabled
        connect(m_notifier.get(), &QWinEventNotifier::activated, this, [this] {
            // The event stays signalled (manual reset): off until the next piece, or it fires again.
            m_notifier->setEnabled(false);
            // Outside the notifier's own signal: `done` may end the connection and this object.
            QMetaObject::invokeMethod(this, &OverlappedFileSend::completed, Qt::QueuedConnection);
        });
    }

    ResetEvent(m_piece->event);
    m_piece->overlapped = OVERLAPPED{};
    const auto at = std::uint64_t(offset);   // overlapped, TransmitFile starts here, not at the file pointer
    m_piece->overlapped.Offset = DWORD(at & 0xffffffffu);
    m_piece->overlapped.OffsetHigh = DWORD(at >> 32);
    m_piece->overlapped.hEvent = m_piece->event;
    m_piece->socket = s;
    // TF_WRITE_BEHIND: the piece completes once the transport has taken its bytes, not once the
    // client acknowledged them, so the next piece follows without a round trip's pause.
    if (m_piece->transmitFile(s, fileHandle, DWORD(count), 0, &m_piece->overlapped, nullptr, TF_WRITE_BEHIND))
        return outcome();   // done at once
    const int error = WSAGetLastError();
    if (error != WSA_IO_PENDING)
        return {statusOf(error), 0, error};   // refused: nothing went out
    m_piece->inFlight = true;
    m_notifier->setEnabled(true);
    return {S::Pending, 0, 0};
}

SendFileResult OverlappedFileSend::outcome() const
{
    DWORD sent = 0;
    DWORD flags = 0;
    if (WSAGetOverlappedResult(m_piece->socket, &m_piece->overlapped, &sent, FALSE, &flags))
        return sent > 0 ? SendFileResult{S::Sent, qint64(sent), 0} : SendFileResult{S::EndOfFile, 0, 0};
    const int error = WSAGetLastError();
    // A failed request does not tell how much of it went out, so the body cannot go on by
    // copying from a known offset: only a refusal before it started falls back (start()).
    const S status = statusOf(error);
    return {status == S::Unsupported ? S::Failed : status, 0, error};
}

void OverlappedFileSend::completed()
{
    if (!inFlight())
        return;   // cancelled after the event fired
    if (!HasOverlappedIoCompleted(&m_piece->overlapped)) {
        m_notifier->setEnabled(true);   // cannot happen with an event of its own; wait again
        return;
    }
    m_piece->inFlight = false;
    const SendFileResult result = outcome();
    // A copy: `done` may end the connection, and this object with it.
    const auto done = m_done;
    done(result);
}

void OverlappedFileSend::cancel()
{
    if (!inFlight())
        return;
    m_notifier->setEnabled(false);   // a completion already posted is dropped by inFlight below
    m_piece->inFlight = false;
    // If Qt has closed the socket already, closing it cancelled the piece and its handle value
    // may name something else by now: CancelIoEx cancels only the request made with this
    // OVERLAPPED, so at worst it finds none.
    CancelIoEx(reinterpret_cast<HANDLE>(m_piece->socket), &m_piece->overlapped);
    if (WaitForSingleObject(m_piece->event, kCancelWaitMs) != WAIT_OBJECT_0) {
        qCWarning(lcHttp) << "TransmitFile did not end after being cancelled; leaving its OVERLAPPED to the kernel";
        m_notifier.reset();
        // Deliberately leaked: the kernel may still write to it, and freed memory it must not be.
        static_cast<void>(m_piece.release());
    }
}

} // namespace cairn
