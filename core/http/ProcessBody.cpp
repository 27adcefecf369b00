#include "ProcessBody.h"

#include "transcode/TranscodeCache.h"
#include "transcode/TranscodeSession.h"

#include "HttpLog.h"

#include <cstring>

namespace cairn {

ProcessBody::ProcessBody(std::unique_ptr<TranscodeSession> session, LivePlan plan,
                         std::unique_ptr<FfmpegQueue::Slot> slot, std::unique_ptr<CacheWriter> cache,
                         QString description)
    : m_session(std::move(session)), m_plan(std::move(plan)), m_slot(std::move(slot)), m_cache(std::move(cache)),
      m_description(std::move(description)), m_remaining(m_plan.bodyLength), m_skip(m_plan.skipBytes)
{
}

ProcessBody::~ProcessBody()
{
    if (m_session && !m_session->hasExited())
        qCDebug(lcHttp).noquote() << m_description << "stopped before FFmpeg finished";
    m_session.reset();   // kills FFmpeg before the slot is given back
    m_slot.reset();
}

void ProcessBody::setDataNotifier(std::function<void()> notify)
{
    // Queued, with the session as context: the pump may delete this body from inside the
    // call, which must not happen while the session's own signal is being emitted.
    QObject::connect(m_session.get(), &TranscodeSession::activity, m_session.get(), std::move(notify),
                     Qt::QueuedConnection);
}

qint64 ProcessBody::produced(const char *buffer, qint64 n)
{
    // The cache gets exactly what the client gets, so a cached entry matches the live answer.
    if (m_cache)
        m_cache->write(buffer, n);
    if (m_remaining > 0)
        m_remaining -= n;
    return n;
}

qint64 ProcessBody::readFfmpeg(char *buffer, qint64 max)
{
    while (m_skip > 0 && m_session->bytesAvailable() > 0) {
        char scratch[64];
        m_skip -= m_session->read(scratch, qMin<qint64>(m_skip, sizeof scratch));
    }
    if (m_skip == 0) {
        const qint64 n = m_session->read(buffer, max);
        if (n > 0)
            return n;
    }
    if (!m_session->outputEnded() || !m_session->hasExited())
        return 0;   // more output, or the exit status, will come: the notifier fires
    if (!m_session->succeeded()) {
        qCWarning(lcHttp).noquote() << m_description << "failed while streaming:" << m_session->errorText();
        m_cache.reset();
        return -1;
    }
    m_ffmpegDone = true;
    return 0;
}

qint64 ProcessBody::read(char *buffer, qint64 max)
{
    if (m_ended)
        return 0;
    if (m_remaining == 0) {
        // The announced length is reached: whatever FFmpeg has left is trimmed, and such a
        // body is not a complete transcode for the cache.
        m_ended = true;
        if (m_ffmpegDone && m_cache)
            m_cache->commit();
        m_cache.reset();
        return 0;
    }
    if (m_remaining > 0)
        max = qMin(max, m_remaining);
    if (m_prefixSent < m_plan.prefix.size()) {
        const qint64 n = qMin<qint64>(max, m_plan.prefix.size() - m_prefixSent);
        std::memcpy(buffer, m_plan.prefix.constData() + m_prefixSent, size_t(n));
        m_prefixSent += n;
        return produced(buffer, n);
    }
    if (!m_ffmpegDone) {
        const qint64 n = readFfmpeg(buffer, max);
        if (n != 0)
            return n < 0 ? n : produced(buffer, n);
        if (!m_ffmpegDone)
            return 0;
    }
    if (m_remaining > 0) {
        // FFmpeg ended a little short of the estimate: silence keeps the announced length.
        std::memset(buffer, 0, size_t(max));
        return produced(buffer, max);
    }
    m_ended = true;
    if (m_cache)
        m_cache->commit();
    m_cache.reset();
    return 0;
}

} // namespace cairn
