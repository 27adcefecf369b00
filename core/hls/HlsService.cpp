#include "hls/HlsService.h"

#include "ffmpeg/FfmpegQueue.h"
#include "transcode/TranscodeService.h"
#include "transcode/VideoPreset.h"

#include "HlsLog.h"
#include "base/OwnerOnly.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kTickMs = 100;
constexpr int kSessionIdChars = 24;
constexpr qsizetype kEndedIdsKept = 1000;

QString workRootFor(const HlsSettings &settings)
{
    return settings.workDirectory.isEmpty() ? QDir::temp().filePath(u"cairn-hls"_s) : settings.workDirectory;
}

} // namespace

HlsService::HlsService(TranscodeService &transcoding, ActivityRegistry *activity, HlsSettings settings, QObject *parent)
    : QObject(parent), m_transcoding(transcoding), m_activity(activity)
{
    m_context.ffmpegProgram = transcoding.settings().ffmpegProgram;
    m_context.settings = std::move(settings);
    m_context.settings.segmentSeconds = qBound(2, m_context.settings.segmentSeconds, 20);
    m_context.cache = &transcoding.cache();
    m_context.limiter = &transcoding.jobs();
    m_context.workRoot = workRootFor(m_context.settings);
    // Whatever an earlier run left is partial work of sessions that no longer exist.
    QDir(m_context.workRoot).removeRecursively();
    makeOwnerOnlyDir(m_context.workRoot);

    m_thread.setObjectName(u"cairn-hls"_s);
    m_scheduler = new QObject;
    auto *timer = new QTimer(m_scheduler);
    timer->setInterval(kTickMs);
    m_scheduler->moveToThread(&m_thread);   // and its timer with it
    connect(timer, &QTimer::timeout, m_scheduler, [this] { tick(); });
    connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(&m_thread, &QThread::finished, m_scheduler, &QObject::deleteLater);
    m_thread.start();
}

HlsService::~HlsService()
{
    QMetaObject::invokeMethod(m_scheduler, [this] { closeAll(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    QDir(m_context.workRoot).removeRecursively();
}

QList<VideoPreset> HlsService::presets() const
{
    return m_transcoding.videoPresets().list();
}

QString HlsService::newSessionId()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    id.reserve(kSessionIdChars);
    for (int i = 0; i < kSessionIdChars; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

bool HlsService::isSessionId(const QString &text)
{
    if (text.size() != kSessionIdChars)
        return false;
    for (const QChar c : text)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return false;
    return true;
}

Result<std::shared_ptr<HlsSession>> HlsService::open(const QString &id, HlsSessionSource source,
                                                     const HlsViewer &viewer)
{
    const QString sessionId = id.isEmpty() ? newSessionId() : id;
    QMutexLocker lock(&m_mutex);
    if (auto existing = m_sessions.value(sessionId))
        return existing;   // two requests raced to re-open the same session
    if (auto refusal = makeRoomLocked(viewer.userId))
        return *refusal;
    const QString title = source.title;
    const qint64 trackId = source.trackId;
    auto session = std::make_shared<HlsSession>(sessionId, std::move(source), m_context, [this] { wake(); });
    if (m_activity) {
        StreamRequest request;
        request.user = viewer.userName;
        request.userId = viewer.userId;
        request.client = viewer.client;
        request.userAgent = viewer.userAgent;
        request.info.kind = StreamKind::Hls;
        request.info.trackId = trackId;
        request.info.title = title;
        request.info.preset = u"HLS"_s;
        auto admitted = m_activity->open(request, session.get());
        if (!admitted)
            return admitted.error();
        session->setTicket(std::move(*admitted));
    }
    m_sessions.insert(sessionId, session);
    qCInfo(lcHls) << "session" << sessionId << "opened for" << viewer.userName << "on track" << trackId;
    return session;
}

std::shared_ptr<HlsSession> HlsService::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_sessions.value(id);
}

bool HlsService::wasEnded(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_ended.contains(id);
}

// At the user's cap, their longest-silent session gives way when its player has been silent
// for a while: what someone expects who starts a film on a second TV, or picks another film,
// after leaving the first one paused or closed (the old session's URLs open it again should
// that player come back). When every session is in use the new one is refused (429) instead:
// ending a film someone is watching would be worse, and a client opening sessions in a loop
// gets no further than the cap.
std::optional<DomainError> HlsService::makeRoomLocked(qint64 userId)
{
    const int cap = m_activity ? m_activity->limits().maxHlsSessionsPerUser : 0;
    if (cap <= 0)
        return std::nullopt;
    QList<std::shared_ptr<HlsSession>> mine;
    for (const auto &session : std::as_const(m_sessions))
        if (session->source().userId == userId)
            mine.append(session);
    if (mine.size() < cap)
        return std::nullopt;
    const qint64 now = HlsSession::nowMs();
    const qint64 replaceable = m_context.settings.replaceAfterSilenceMs;
    QList<QPair<qint64, std::shared_ptr<HlsSession>>> bySilence;
    for (const auto &session : std::as_const(mine))
        bySilence.append({session->silentForMs(now), session});
    std::sort(bySilence.begin(), bySilence.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 0; mine.size() - i >= cap; ++i) {
        const auto &[silence, session] = bySilence.at(i);
        if (silence < replaceable) {
            const int wait = int((replaceable - silence + 999) / 1000);
            return DomainError::tooManyAttempts(
                u"too many video sessions: each user may watch %1 at once; stop one or try again shortly"_s.arg(cap),
                qMax(1, wait));
        }
        qCInfo(lcHls) << "session" << session->id() << "makes room for a new one of user" << userId
                      << "after" << silence / 1000 << "s of silence";
        m_sessions.remove(session->id());
        session->endTicket(StreamEnding::Completed);
        m_retired.append(session);
    }
    wake();   // closes the retired ones (FFmpeg, work files) on the HLS thread
    return std::nullopt;
}

int HlsService::sessionCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_sessions.size());
}

int HlsService::runningProducers() const
{
    QMutexLocker lock(&m_mutex);
    int running = 0;
    for (const auto &session : std::as_const(m_sessions))
        running += session->hasProducer() ? 1 : 0;
    return running;
}

void HlsService::wake()
{
    // Many requests may wake the scheduler at once: one queued pass serves them all.
    if (!m_wakePosted.exchange(true))
        QMetaObject::invokeMethod(m_scheduler, [this] { tick(); }, Qt::QueuedConnection);
}

void HlsService::tick()
{
    m_wakePosted = false;
    QList<std::shared_ptr<HlsSession>> sessions;
    QList<std::shared_ptr<HlsSession>> retired;
    {
        QMutexLocker lock(&m_mutex);
        sessions = m_sessions.values();
        retired.swap(m_retired);
    }
    for (const auto &session : std::as_const(retired))
        session->close(StreamEnding::Completed);
    const qint64 now = HlsSession::nowMs();
    for (const auto &session : std::as_const(sessions)) {
        const bool ended = session->endRequested();
        if (!ended && !session->isIdle(now)) {
            session->schedule(now);
            continue;
        }
        {
            QMutexLocker lock(&m_mutex);
            m_sessions.remove(session->id());
            if (ended) {
                if (m_ended.size() >= kEndedIdsKept)
                    m_ended.clear();
                m_ended.insert(session->id());
            }
        }
        qCInfo(lcHls) << "session" << session->id() << (ended ? "ended by an administrator" : "ended (idle)");
        session->close(ended ? StreamEnding::EndedByAdmin : StreamEnding::Completed);
    }
}

void HlsService::closeAll()
{
    QList<std::shared_ptr<HlsSession>> sessions;
    {
        QMutexLocker lock(&m_mutex);
        sessions = m_sessions.values() + m_retired;
        m_sessions.clear();
        m_retired.clear();
    }
    for (const auto &session : std::as_const(sessions))
        session->close(StreamEnding::Completed);
}

} // namespace cairn
