#include "SegmentBody.h"

#include "hls/Fmp4InitSize.h"
#include "hls/HlsSession.h"
#include "hls/SegmentWait.h"

#include "HttpLog.h"

#include <QTimer>

namespace cairn {
namespace {

// How often a reader of a growing segment looks for more: FFmpeg writes a fragment about
// every second of media, several times a second at 720p.
constexpr int kGrowPollMs = 20;
// Enough of a file's head to hold its fMP4 init (ftyp + moov, about 1.3 KiB).
constexpr qint64 kInitHead = 64 * 1024;

} // namespace

SegmentBody::SegmentBody(std::shared_ptr<HlsSession> session, std::shared_ptr<SegmentWait> wait)
    : m_session(std::move(session)), m_wait(std::move(wait))
{
}

SegmentBody::~SegmentBody()
{
    m_wait->setNotifier(nullptr, {});   // before the context goes (see SegmentWait)
}

void SegmentBody::setDataNotifier(std::function<void()> notify)
{
    m_context = std::make_unique<QObject>();
    m_notify = notify;
    m_wait->setNotifier(m_context.get(), std::move(notify));
}

qint64 SegmentBody::sent(qint64 n)
{
    m_sent += n;
    m_session->addBytesSent(n);
    return n;
}

void SegmentBody::pollLater()
{
    // A timer on the pump's thread, never a wait: the worker serves others meanwhile.
    if (m_pollArmed || !m_context || !m_notify)
        return;
    m_pollArmed = true;
    QTimer::singleShot(kGrowPollMs, m_context.get(), [this] {
        m_pollArmed = false;
        m_notify();
    });
}

bool SegmentBody::openFinished()
{
    // The finished file holds the same bytes as the one that grew (a restart writes them
    // again identically), so it goes on where the growing one left off.
    m_file.close();
    m_file.setFileName(m_wait->path());
    if (!m_file.open(QIODevice::ReadOnly)) {
        qCWarning(lcHttp) << "cannot read HLS segment" << m_file.fileName() << m_file.errorString();
        return false;
    }
    if (m_sent > 0 && !m_file.seek(m_sent)) {
        qCWarning(lcHttp) << "HLS segment" << m_file.fileName() << "is shorter than what was sent of it";
        return false;
    }
    m_finished = true;
    return true;
}

qint64 SegmentBody::readGrowing(char *buffer, qint64 max)
{
    const auto growing = m_wait->growing();
    if (!growing)
        return 0;   // the wait's notifier calls again
    if (!m_file.isOpen()) {
        // Unbuffered: a read at the end now must see what FFmpeg appends later.
        m_file.setFileName(growing->path);
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            pollLater();   // FFmpeg opens it with the segment's first packet
            return 0;
        }
    }
    if (m_sent == 0 && m_file.pos() == 0 && growing->skipsInit) {
        // The media part starts after the init, at the first moof: not there until FFmpeg
        // has closed the first fragment.
        const QByteArray head = m_file.peek(kInitHead);
        const auto initSize = fmp4InitSize(head);
        if (!initSize || !m_file.seek(*initSize)) {
            pollLater();
            return 0;
        }
    }
    const qint64 n = m_file.read(buffer, max);
    if (n < 0)
        return -1;
    if (n == 0)
        pollLater();
    return sent(n);
}

qint64 SegmentBody::read(char *buffer, qint64 max)
{
    if (m_ended)
        return 0;
    switch (m_wait->state()) {
    case SegmentWait::State::Pending:
        return readGrowing(buffer, max);
    case SegmentWait::State::Failed:
        qCWarning(lcHttp).noquote() << "HLS segment" << m_wait->index() << "of session" << m_session->id()
                                    << "failed:" << m_wait->error();
        return -1;
    case SegmentWait::State::Ready:
        if (!m_finished && !openFinished())
            return -1;
        break;
    }
    const qint64 n = m_file.read(buffer, max);
    if (n < 0)
        return -1;
    if (n == 0)
        m_ended = true;
    return sent(n);
}

} // namespace cairn
