#include "activity/ActivityRegistry.h"

#include "activity/StreamHistory.h"

#include "ActivityLog.h"

#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr int kSampleMs = 500;
} // namespace

ActivityRegistry::ActivityRegistry(const Database *history, QObject *parent)
    : QObject(parent), m_history(history)
{
    m_sampler.setInterval(kSampleMs);
    connect(&m_sampler, &QTimer::timeout, this, &ActivityRegistry::sample);
    m_sampler.start();
    m_clock.start();
}

ActivityRegistry::~ActivityRegistry()
{
    QMutexLocker lock(&m_mutex);
    if (!m_streams.isEmpty())
        qCWarning(lcActivity) << m_streams.size() << "streams still registered at shutdown";
}

void ActivityRegistry::setLimits(const StreamLimits &limits)
{
    {
        QMutexLocker lock(&m_mutex);
        m_limits = limits;
        m_budget.setRate(limits.totalBytesPerSecond);
    }
    Q_EMIT limitsChanged(limits);
}

StreamLimits ActivityRegistry::limits() const
{
    QMutexLocker lock(&m_mutex);
    return m_limits;
}

void ActivityRegistry::setHistoryRetention(int maxRows, int maxDays)
{
    QMutexLocker lock(&m_mutex);
    m_historyMaxRows = maxRows;
    m_historyMaxDays = maxDays;
}

Result<std::unique_ptr<StreamTicket>> ActivityRegistry::open(const StreamRequest &request, StreamControl *control)
{
    std::shared_ptr<LiveStreamState> state;
    {
        QMutexLocker lock(&m_mutex);
        if (auto refusal = refusalLocked(request.user))
            return *refusal;
        state = std::make_shared<LiveStreamState>();
        state->fixed.id = m_nextId++;
        state->fixed.user = request.user;
        state->fixed.userId = request.userId;
        state->fixed.client = request.client;
        state->fixed.userAgent = request.userAgent;
        state->fixed.info = request.info;
        state->fixed.totalBytes = request.totalBytes;
        state->fixed.startedAt = QDateTime::currentDateTimeUtc();
        state->cap.store(m_limits.streamBytesPerSecond);
        state->control = control;
        state->rate.add(m_clock.elapsed(), 0);   // the first window starts when the stream does
        m_streams.insert(state->fixed.id, state);
    }
    qCDebug(lcActivity) << "stream" << state->fixed.id << "started:" << request.user
                        << streamKindName(request.info.kind) << request.info.trackId;
    Q_EMIT changed();
    return std::make_unique<StreamTicket>(*this, state);
}

std::optional<DomainError> ActivityRegistry::refusalFor(const QString &user) const
{
    QMutexLocker lock(&m_mutex);
    return refusalLocked(user);
}

std::optional<DomainError> ActivityRegistry::refusalLocked(const QString &user) const
{
    if (m_limits.maxStreams > 0 && m_streams.size() >= m_limits.maxStreams)
        return DomainError::busy(u"too many streams: the server allows %1 at once"_s.arg(m_limits.maxStreams),
                                 m_limits.retryAfterSeconds);
    if (m_limits.maxStreamsPerUser > 0) {
        int mine = 0;
        for (const auto &s : std::as_const(m_streams))
            if (s->fixed.user == user)
                ++mine;
        if (mine >= m_limits.maxStreamsPerUser)
            return DomainError::busy(u"too many streams: each user may have %1 at once"_s.arg(m_limits.maxStreamsPerUser),
                                     m_limits.retryAfterSeconds);
    }
    return std::nullopt;
}

void ActivityRegistry::close(const std::shared_ptr<LiveStreamState> &state)
{
    int maxRows;
    int maxDays;
    {
        QMutexLocker lock(&m_mutex);
        m_streams.remove(state->fixed.id);
        state->control = nullptr;
        maxRows = m_historyMaxRows;
        maxDays = m_historyMaxDays;
    }
    FinishedStream finished;
    finished.user = state->fixed.user;
    finished.client = state->fixed.client;
    finished.info = state->fixed.info;
    finished.startedAt = state->fixed.startedAt;
    finished.endedAt = QDateTime::currentDateTimeUtc();
    finished.bytesSent = state->bytesSent.load();
    finished.ending = StreamEnding(state->ending.load());
    qCDebug(lcActivity) << "stream" << state->fixed.id << "ended:" << streamEndingName(finished.ending)
                        << finished.bytesSent << "bytes";
    if (m_history) {
        StreamHistory::Deferred history(*m_history);
        history.record(finished);
        history.prune(maxRows, maxDays);
    }
    if (m_finishObserver)
        m_finishObserver(finished);
    Q_EMIT streamFinished(finished);
    Q_EMIT changed();
}

void ActivityRegistry::updatePlayback(LiveStreamState &state, const QString &preset, qint64 seekPositionMs)
{
    {
        QMutexLocker lock(&m_mutex);
        if (state.fixed.info.preset == preset && state.fixed.info.seekPositionMs == seekPositionMs)
            return;
        state.fixed.info.preset = preset;
        state.fixed.info.seekPositionMs = seekPositionMs;
    }
    Q_EMIT changed();
}

QList<StreamSnapshot> ActivityRegistry::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    QList<StreamSnapshot> list;
    list.reserve(m_streams.size());
    for (const auto &s : std::as_const(m_streams)) {
        StreamSnapshot snap = s->fixed;
        snap.bytesSent = s->bytesSent.load(std::memory_order_relaxed);
        snap.bytesPerSecond = s->rate.bytesPerSecond();
        snap.capBytesPerSecond = s->cap.load();
        list.append(snap);
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return list;
}

int ActivityRegistry::activeCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_streams.size());
}

bool ActivityRegistry::end(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    const auto state = m_streams.value(id);
    if (!state || !state->control)
        return false;
    state->ending.store(int(StreamEnding::EndedByAdmin));
    state->control->requestEnd();
    return true;
}

bool ActivityRegistry::throttle(qint64 id, qint64 bytesPerSecond)
{
    QMutexLocker lock(&m_mutex);
    const auto state = m_streams.value(id);
    if (!state || !state->control)
        return false;
    state->cap.store(qMax<qint64>(0, bytesPerSecond));
    state->control->capChanged();
    return true;
}

void ActivityRegistry::sample()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &s : std::as_const(m_streams)) {
            s->rate.add(now, s->bytesSent.load(std::memory_order_relaxed));
            any = true;
        }
    }
    if (any)
        Q_EMIT changed();
}

} // namespace cairn
