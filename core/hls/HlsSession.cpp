#include "hls/HlsSession.h"

#include "hls/OptimisedStore.h"
#include "hls/SegmentKey.h"
#include "hls/SegmentWait.h"
#include "transcode/TranscodeCache.h"
#include "ffmpeg/FfmpegQueue.h"

#include "HlsLog.h"
#include "SegmentArguments.h"
#include "SegmentProducer.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// A producer is kept for a waiting request this close after the segment it is writing:
// switching would cost more than waiting.
constexpr int kNearSegments = 2;

} // namespace

qint64 HlsSession::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

HlsSession::HlsSession(QString id, HlsSessionSource source, const HlsSessionContext &context, std::function<void()> wake)
    : m_id(std::move(id)), m_source(std::move(source)), m_context(context), m_wake(std::move(wake)),
      m_lastRequestMs(nowMs())
{
}

HlsSession::~HlsSession()
{
    // close() ran on the HLS thread (the service closes every session it drops); this only
    // covers a session that never got that far.
    m_producer.reset();
    m_producing = false;
    m_slotWaiter.reset();
}

const HlsVariant *HlsSession::variant(const QString &key) const
{
    for (const HlsVariant &v : m_source.variants)
        if (v.key == key)
            return &v;
    return nullptr;
}

void HlsSession::setTicket(std::unique_ptr<StreamTicket> ticket)
{
    m_ticket = std::move(ticket);
}

QString HlsSession::workDirectory(const QString &variantKey) const
{
    return QDir(m_context.workRoot).filePath(m_id + u'/' + variantKey);
}

std::optional<QString> HlsSession::availableLocked(const QString &variantKey, int index, Lookup lookup)
{
    auto &done = m_segments[variantKey];
    if (const auto it = done.constFind(index); it != done.constEnd()) {
        if (QFileInfo::exists(*it))
            return *it;
        done.erase(it);   // evicted from the cache meanwhile: produce it again
    }
    const HlsVariant *v = variant(variantKey);
    if (!v || lookup != Lookup::AlsoCache)
        return std::nullopt;
    // Made ahead of time: served like a file, and never evicted by the cache.
    if (m_context.optimised) {
        if (auto path = m_context.optimised->lookup(m_source, *v, index, m_context.settings.x264Preset)) {
            done.insert(index, *path);
            return path;
        }
    }
    if (m_context.cache) {
        // Another session (or an earlier run) may have produced it.
        if (auto path = m_context.cache->lookup(segmentCacheKey(m_source, *v, index, m_context.settings.x264Preset))) {
            done.insert(index, *path);
            return path;
        }
    }
    return std::nullopt;
}

std::shared_ptr<SegmentWait> HlsSession::request(const QString &variantKey, int index)
{
    const qint64 now = nowMs();
    auto wait = std::make_shared<SegmentWait>(variantKey, index, now + m_context.settings.segmentWaitMs);
    {
        QMutexLocker lock(&m_mutex);
        m_lastRequestMs = now;
        // An init segment says nothing about where the player is.
        if (index != kInitSegment) {
            m_lastVariant = variantKey;
            m_lastIndex = index;
            m_prefetchDue = true;
            if (const HlsVariant *v = variant(variantKey); v && m_ticket)
                m_ticket->setPlayback(v->name, qint64(m_source.timelineFor(*v).startSeconds(index) * 1000));
        }
        if (m_closed) {
            wait->fail(u"the session has ended"_s);
        } else if (const auto path = availableLocked(variantKey, index, Lookup::AlsoCache)) {
            wait->resolve(*path);
        } else {
            // This session's FFmpeg runs: it keeps its slot for this segment (moving there if
            // needed), so the request does not queue again.
            if (m_producing.load())
                wait->admit();
            growLocked(*wait);
            m_waits.append(wait);
        }
    }
    m_wake();
    return wait;
}

qint64 HlsSession::silentForMs(qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    for (const auto &weak : m_waits)
        if (const auto wait = weak.lock(); wait && wait->state() == SegmentWait::State::Pending)
            return 0;
    return nowMs - m_lastRequestMs;
}

void HlsSession::endTicket(StreamEnding ending)
{
    std::unique_ptr<StreamTicket> ticket;
    {
        QMutexLocker lock(&m_mutex);
        ticket = std::move(m_ticket);
    }
    if (ticket)
        ticket->setEnding(ending);
}

void HlsSession::addBytesSent(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    if (m_ticket)
        m_ticket->addBytesSent(bytes);
}

bool HlsSession::isIdle(qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    // A request still waiting for its segment keeps the session alive, however long FFmpeg takes.
    for (const auto &weak : m_waits)
        if (const auto wait = weak.lock(); wait && wait->state() == SegmentWait::State::Pending)
            return false;
    return nowMs - m_lastRequestMs > m_context.settings.sessionIdleMs;
}

void HlsSession::requestEnd()
{
    m_endRequested = true;
    m_wake();
}

void HlsSession::collectPendingLocked(qint64 now, QList<std::shared_ptr<SegmentWait>> &pending)
{
    for (auto it = m_waits.begin(); it != m_waits.end();) {
        const auto wait = it->lock();   // expired: the client left
        if (!wait || wait->state() != SegmentWait::State::Pending) {
            it = m_waits.erase(it);
            continue;
        }
        // Only this session's own output: waits get here after their request found no cached
        // segment, and this runs ten times a second.
        if (const auto path = availableLocked(wait->variantKey(), wait->index(), Lookup::OwnSegments)) {
            wait->resolve(*path);
            it = m_waits.erase(it);
            continue;
        }
        if (now > wait->deadlineMs()) {
            const QString why = u"segment %1 was not ready in time"_s.arg(wait->index());
            if (wait->isAdmitted())
                wait->fail(why);
            else   // still queued for a slot: the client may come back later
                wait->refuse(why, m_context.limiter ? m_context.limiter->retryAfterSeconds() : 5);
            it = m_waits.erase(it);
            continue;
        }
        pending.append(wait);
        ++it;
    }
}

void HlsSession::reapProducerLocked(QList<std::shared_ptr<SegmentWait>> &pending)
{
    if (!m_producer || m_producer->isRunning())
        return;
    // FFmpeg ended: what it should have written and did not will not come from it.
    const QString variantKey = m_producer->variantKey();
    const int from = m_producerOk ? m_producer->nextIndex() : m_producer->firstIndex();
    const QString why = m_producerOk ? u"the transcoder produced no such segment"_s
                                     : u"the transcoder failed: "_s + m_producer->errorText();
    dropProducerLocked();
    for (auto it = pending.begin(); it != pending.end();) {
        // Its init would have come with its first segment.
        if ((*it)->variantKey() == variantKey && ((*it)->index() >= from || (*it)->index() == kInitSegment)) {
            (*it)->fail(why);
            it = pending.erase(it);
        } else {
            ++it;
        }
    }
}

bool HlsSession::producerStillWanted(const QList<std::shared_ptr<SegmentWait>> &pending, qint64 now) const
{
    const QString &variantKey = m_producer->variantKey();
    const int next = m_producer->nextIndex();
    for (const auto &wait : pending)
        if (wait->variantKey() == variantKey
            && (wait->index() == kInitSegment || (wait->index() >= next && wait->index() <= next + kNearSegments)))
            return true;
    if (!pending.isEmpty())
        return false;   // someone waits elsewhere: a seek or a variant switch
    if (now - m_lastRequestMs > m_context.settings.producerIdleMs)
        return false;   // nobody asks any more
    if (m_lastVariant != variantKey)
        return false;   // the player moved to another variant (served from the cache so far)
    return next <= m_lastIndex + m_context.settings.aheadSegments;
}

std::optional<int> HlsSession::prefetchIndexLocked()
{
    const HlsVariant *v = variant(m_lastVariant);
    if (!m_prefetchDue || m_lastIndex < 0 || !v)
        return std::nullopt;
    m_prefetchDue = false;
    const int last = qMin(m_lastIndex + m_context.settings.lookaheadSegments, m_source.timelineFor(*v).count() - 1);
    for (int i = m_lastIndex + 1; i <= last; ++i)
        if (!availableLocked(m_lastVariant, i, Lookup::AlsoCache))
            return i;
    return std::nullopt;
}

void HlsSession::schedule(qint64 now)
{
    QMutexLocker lock(&m_mutex);
    if (m_closed)
        return;
    QList<std::shared_ptr<SegmentWait>> pending;
    collectPendingLocked(now, pending);
    reapProducerLocked(pending);
    std::unique_ptr<FfmpegQueue::Slot> kept;
    if (m_producer && !producerStillWanted(pending, now)) {
        qCDebug(lcHls) << "session" << m_id << "stops ffmpeg at segment" << m_producer->nextIndex();
        if (!pending.isEmpty())   // a seek or a switch: the next FFmpeg takes this one's place
            kept = m_producer->takeSlot();
        dropProducerLocked();
    }
    if (m_producer)
        return;
    if (!pending.isEmpty()) {
        auto slot = kept ? std::move(kept) : (m_context.limiter ? m_context.limiter->tryAcquire() : nullptr);
        if (m_context.limiter && !slot) {
            requestSlotLocked();   // waits in the FFmpeg queue like every other job
            return;
        }
        const auto &first = pending.constFirst();   // the oldest request goes first
        startProducer(first->variantKey(), startIndexFor(*first), pending, std::move(slot));
        return;
    }
    m_slotWaiter.reset();   // nobody waits any more: leave the queue
    if (now - m_lastRequestMs <= m_context.settings.producerIdleMs) {
        if (const auto index = prefetchIndexLocked()) {
            // Working ahead only takes a free slot; it never queues ahead of someone's request.
            auto slot = m_context.limiter ? m_context.limiter->tryAcquire() : nullptr;
            if (m_context.limiter && !slot) {
                m_prefetchDue = true;   // try again on the next pass
                return;
            }
            startProducer(m_lastVariant, *index, pending, std::move(slot));
        }
    }
}

int HlsSession::startIndexFor(const SegmentWait &wait) const
{
    if (wait.index() != kInitSegment)
        return wait.index();
    // An init comes with any segment: make the one the player most likely asks for next (where
    // it played last, in whichever variant — a variant switch asks for the init first). The
    // original's grid differs from the encoded variants': go by time.
    const HlsVariant *v = variant(wait.variantKey());
    const HlsVariant *last = variant(m_lastVariant);
    if (!v || !last || m_lastIndex < 0)
        return 0;
    return m_source.timelineFor(*v).indexAt(m_source.timelineFor(*last).startSeconds(m_lastIndex));
}

void HlsSession::requestSlotLocked()
{
    if (m_slotWaiter)
        return;   // already queued
    // Created here, on the HLS thread: the grant comes back to this thread.
    m_slotWaiter = std::make_unique<QObject>();
    m_context.limiter->acquire(FfmpegPriority::Playback, m_slotWaiter.get(),
                               [this](std::unique_ptr<FfmpegQueue::Slot> slot) { onSlot(std::move(slot)); });
}

void HlsSession::onSlot(std::unique_ptr<FfmpegQueue::Slot> slot)
{
    QMutexLocker lock(&m_mutex);
    if (m_slotWaiter)   // its one call came; deleted after it returns
        m_slotWaiter.release()->deleteLater();
    if (m_closed || m_producer)
        return;   // the slot goes back to the queue
    QList<std::shared_ptr<SegmentWait>> pending;
    collectPendingLocked(nowMs(), pending);
    if (!slot) {
        const int retryAfter = m_context.limiter->retryAfterSeconds();
        const QString why = u"no transcoder is free: %1 run at once and the queue is full or was too slow"_s
                                .arg(m_context.limiter->maxConcurrent());
        for (const auto &wait : std::as_const(pending))
            wait->refuse(why, retryAfter);
        m_waits.clear();
        return;
    }
    if (pending.isEmpty())
        return;   // the players left meanwhile
    const auto &first = pending.constFirst();
    startProducer(first->variantKey(), startIndexFor(*first), pending, std::move(slot));
}

void HlsSession::startProducer(const QString &variantKey, int index, const QList<std::shared_ptr<SegmentWait>> &pending,
                               std::unique_ptr<FfmpegQueue::Slot> slot)
{
    const HlsVariant *v = variant(variantKey);
    if (!v)
        return;
    m_producing = true;
    SegmentJob job;
    job.inputPath = m_source.path;
    job.variant = *v;
    job.timeline = m_source.timelineFor(*v);
    job.firstIndex = index;
    job.outputDirectory = workDirectory(variantKey);
    job.x264Preset = m_context.settings.x264Preset;
    job.format = m_source.format;
    auto producer = std::make_unique<SegmentProducer>(m_context.ffmpegProgram, job, std::move(slot));
    SegmentProducer *raw = producer.get();
    QObject::connect(raw, &SegmentProducer::segmentFinished, raw, [this, variantKey](int i, const QString &path) {
        onSegmentFinished(variantKey, i, path);
    });
    // Queued: start() below emits it with the lock held, FFmpeg's output without.
    QObject::connect(raw, &SegmentProducer::segmentStarted, raw, [this, raw, variantKey](int i, const QString &path) {
        if (m_producer.get() == raw)
            onSegmentStarted(variantKey, i, path);
    }, Qt::QueuedConnection);
    QObject::connect(raw, &SegmentProducer::finished, raw, [this](bool ok) {
        m_producerOk = ok;   // reaped by the next schedule(), never inside its own signal
        m_producing = false;
        m_wake();
    });
    if (!producer->start()) {
        m_producing = false;
        const QString why = u"the transcoder cannot be started: "_s + producer->errorText();
        for (const auto &wait : pending)
            if (wait->variantKey() == variantKey)
                wait->fail(why);
        return;
    }
    m_producerOk = true;
    m_producer = std::move(producer);
    // The session holds a slot now: whatever its players wait for comes without queueing again.
    for (const auto &wait : pending)
        wait->admit();
}

void HlsSession::onSegmentStarted(const QString &variantKey, int index, const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (m_closed)
        return;
    m_growing = GrowingSegment{variantKey, index, path};
    for (const auto &weak : std::as_const(m_waits))
        if (const auto wait = weak.lock())
            growLocked(*wait);
}

void HlsSession::growLocked(SegmentWait &wait) const
{
    if (m_growing && wait.variantKey() == m_growing->variantKey && wait.index() == m_growing->index)
        wait.grow(m_growing->path, m_source.format == SegmentFormat::Fmp4);
}

void HlsSession::dropProducerLocked()
{
    m_producer.reset();
    m_producing = false;
    m_growing.reset();   // a reader keeps its open file; the segment comes later or fails
}

void HlsSession::onSegmentFinished(const QString &variantKey, int index, const QString &path)
{
    const HlsVariant *v = variant(variantKey);
    if (!v || (index != kInitSegment && !m_source.timelineFor(*v).contains(index))) {
        QFile::remove(path);   // past the announced grid (a remainder folded into the last segment)
        return;
    }
    QString stored = path;
    if (m_context.cache) {
        const QString extension = index == kInitSegment ? u"mp4"_s : segmentExtension(m_source.format);
        if (const auto adopted = m_context.cache->adopt(segmentCacheKey(m_source, *v, index, m_context.settings.x264Preset), path, extension))
            stored = *adopted;
    }
    QMutexLocker lock(&m_mutex);
    m_segments[variantKey].insert(index, stored);
    if (m_growing && m_growing->variantKey == variantKey && m_growing->index == index)
        m_growing.reset();
    for (auto it = m_waits.begin(); it != m_waits.end();) {
        const auto wait = it->lock();
        if (wait && wait->variantKey() == variantKey && wait->index() == index) {
            wait->resolve(stored);
            // The player just got what it waited for: idleness counts from now, not from a
            // request that a slow encode kept waiting.
            m_lastRequestMs = nowMs();
            it = m_waits.erase(it);
        } else {
            ++it;
        }
    }
}

void HlsSession::close(StreamEnding ending)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed)
            return;
        m_closed = true;
        for (const auto &weak : std::as_const(m_waits))
            if (const auto wait = weak.lock())
                wait->fail(u"the session has ended"_s);
        m_waits.clear();
    }
    m_producer.reset();
    m_producing = false;
    m_slotWaiter.reset();
    endTicket(ending);
    QDir(QDir(m_context.workRoot).filePath(m_id)).removeRecursively();
}

} // namespace cairn
