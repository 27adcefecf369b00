#include "hls/OptimiseQueue.h"

#include "ffmpeg/FfmpegQueue.h"
#include "hls/SegmentKey.h"

#include "HlsLog.h"
#include "SegmentProducer.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

QString mebibytes(qint64 bytes)
{
    return QString::number((bytes + (1 << 20) - 1) >> 20) + u" MiB"_s;
}

bool sourceUnchanged(const HlsSessionSource &source)
{
    const QFileInfo file(source.path);
    return file.exists() && file.size() == source.size
           && file.lastModified().toMSecsSinceEpoch() == source.mtime.toMSecsSinceEpoch();
}

} // namespace

OptimiseQueue::OptimiseQueue(OptimisedStore &store, FfmpegQueue &limiter, OptimiseSettings settings, QObject *parent)
    : QObject(parent), m_store(store), m_limiter(limiter), m_settings(std::move(settings)),
      m_lastBusyMs(nowMs() - m_settings.quietMs)
{
    m_versions = m_store.load();
    std::sort(m_versions.begin(), m_versions.end(),
              [](const OptimisedVersion &a, const OptimisedVersion &b) { return a.created < b.created; });
    for (OptimisedVersion &v : m_versions) {
        if (!sourceUnchanged(v.source))
            v.state = OptimisedVersion::State::Outdated;
        else if (v.state != OptimisedVersion::State::Failed)
            v.state = v.segmentsDone == v.segmentCount() ? OptimisedVersion::State::Done : OptimisedVersion::State::Queued;
    }

    m_thread.setObjectName(u"cairn-optimise"_s);
    m_worker = new QObject;
    auto *timer = new QTimer(m_worker);
    timer->setInterval(m_settings.tickMs);
    m_worker->moveToThread(&m_thread);
    connect(timer, &QTimer::timeout, m_worker, [this] { tick(); });
    connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

OptimiseQueue::~OptimiseQueue()
{
    // FFmpeg stops with its producer, on the thread that started it; an unfinished version
    // resumes at the next start.
    QMetaObject::invokeMethod(m_worker, [this] { m_producer.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void OptimiseQueue::dropProducer()
{
    if (!m_producer)
        return;
    // Often called from one of its own signals (a segment that does not fit, FFmpeg's exit):
    // it stops reporting now and goes once that signal has returned. FFmpeg is killed at once,
    // so its slot is free for whoever made us step aside.
    m_producer->disconnect();
    m_producer->stop();
    m_producer.release()->deleteLater();
    m_producing.clear();
}

OptimisedVersion *OptimiseQueue::findLocked(const QString &id)
{
    for (OptimisedVersion &v : m_versions)
        if (v.id == id)
            return &v;
    return nullptr;
}

qint64 OptimiseQueue::estimatedBytes(const OptimisedVersion &version) const
{
    // What the encoder aims at over the whole video, container overhead included.
    return version.variant().averageBandwidth() / 8 * qint64(version.source.timeline.totalSeconds());
}

Result<OptimisedVersion> OptimiseQueue::add(HlsSessionSource source, const QString &requestedBy)
{
    if (source.variants.size() != 1 || source.variants.constFirst().passthrough || source.timeline.count() == 0)
        return DomainError::invalid(u"an optimised version is one encoded variant of a video of known length"_s);
    OptimisedVersion version;
    version.x264Preset = m_settings.x264Preset;
    version.id = variantVersionKey(source, source.variants.constFirst(), version.x264Preset);
    version.source = std::move(source);
    version.source.userId = 0;
    version.source.passthroughTimeline = {};
    version.requestedBy = requestedBy;
    version.created = QDateTime::currentDateTimeUtc();
    {
        QMutexLocker lock(&m_mutex);
        if (OptimisedVersion *existing = findLocked(version.id)) {
            if (existing->state != OptimisedVersion::State::Failed)
                return *existing;
            existing->state = OptimisedVersion::State::Queued;
            existing->error.clear();
            version = *existing;
        } else {
            qint64 promised = m_store.usedBytes();
            for (const OptimisedVersion &v : std::as_const(m_versions))
                if (v.isPending())
                    promised += qMax<qint64>(0, estimatedBytes(v) - v.bytes);
            const qint64 needed = estimatedBytes(version);
            if (promised + needed > m_store.maxBytes())
                return DomainError::noSpace(
                    u"the optimised store cannot hold this version: it needs about %1, and %2 of the store's %3 "
                    "are used or promised (setting optimised/storeMiB)"_s.arg(mebibytes(needed), mebibytes(promised),
                                                                              mebibytes(m_store.maxBytes())));
            m_versions.append(version);
        }
    }
    // The manifest is written on the queue's thread: the caller (an HTTP worker) never waits on a disk.
    QMetaObject::invokeMethod(m_worker, [this, version] {
        if (!m_store.writeManifest(version))
            fail(version.id, u"cannot write to the optimised store %1"_s.arg(m_store.directory()));
    }, Qt::QueuedConnection);
    qCInfo(lcHls).noquote() << requestedBy << "queued the optimised version" << version.variant().name << "of"
                            << version.source.path;
    Q_EMIT changed();
    return version;
}

bool OptimiseQueue::remove(const QString &id)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto it = std::find_if(m_versions.begin(), m_versions.end(), [&](const auto &v) { return v.id == id; });
        if (it == m_versions.end())
            return false;
        m_versions.erase(it);
    }
    QMetaObject::invokeMethod(m_worker, [this, id] {
        if (m_producing == id)
            dropProducer();
        m_store.remove(id);
        Q_EMIT changed();
    }, Qt::QueuedConnection);
    return true;
}

QList<OptimisedVersion> OptimiseQueue::versions() const
{
    QMutexLocker lock(&m_mutex);
    QList<OptimisedVersion> list = m_versions;
    for (OptimisedVersion &v : list)
        v.bytes = m_store.bytesOf(v.id);
    return list;
}

std::optional<OptimisedVersion> OptimiseQueue::version(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    for (const OptimisedVersion &v : m_versions)
        if (v.id == id) {
            OptimisedVersion copy = v;
            copy.bytes = m_store.bytesOf(v.id);
            return copy;
        }
    return std::nullopt;
}

void OptimiseQueue::setState(const QString &id, OptimisedVersion::State state, const QString &error)
{
    {
        QMutexLocker lock(&m_mutex);
        OptimisedVersion *v = findLocked(id);
        if (!v || (v->state == state && v->error == error))
            return;
        v->state = state;
        v->error = error;
    }
    Q_EMIT changed();
}

void OptimiseQueue::fail(const QString &id, const QString &error)
{
    qCWarning(lcHls).noquote() << "optimised version" << id << "failed:" << error;
    if (m_producing == id)
        dropProducer();
    const auto markFailed = [&error](OptimisedVersion &v) {
        v.state = OptimisedVersion::State::Failed;
        v.error = error;
        v.segmentsDone = 0;
    };
    std::optional<OptimisedVersion> failed;
    {
        QMutexLocker lock(&m_mutex);
        if (OptimisedVersion *v = findLocked(id)) {
            failed = *v;
            markFailed(*failed);
        }
    }
    // What it made so far goes: a failed version takes no room. Its manifest stays, so the
    // administrator sees why after a restart too. Both before the state says "failed": other
    // threads read it, and a failed version must not still hold room in the store.
    m_store.remove(id);
    if (failed)
        m_store.writeManifest(*failed);
    {
        QMutexLocker lock(&m_mutex);
        if (OptimisedVersion *v = findLocked(id))
            markFailed(*v);
    }
    Q_EMIT changed();
}

void OptimiseQueue::tick()
{
    const qint64 now = nowMs();
    // Anyone else's FFmpeg (a live transcode, an HLS player, a picture), running or waiting.
    const int own = m_producer && m_producer->isRunning() ? 1 : 0;
    if (m_limiter.running() > own || m_limiter.queued() > 0)
        m_lastBusyMs = now;
    const bool quiet = now - m_lastBusyMs >= m_settings.quietMs;
    if (m_producer) {
        if (!quiet) {
            qCDebug(lcHls) << "optimised version" << m_producing << "pauses for a player";
            const QString id = m_producing;
            dropProducer();   // the version resumes at its next segment
            setState(id, OptimisedVersion::State::Paused);
        }
        return;
    }
    startNext(quiet);
}

void OptimiseQueue::startNext(bool quiet)
{
    std::optional<OptimisedVersion> next;
    {
        QMutexLocker lock(&m_mutex);
        for (const OptimisedVersion &v : std::as_const(m_versions))
            if (v.isPending()) {
                next = v;
                break;
            }
    }
    if (!next)
        return;
    if (!quiet) {
        setState(next->id, OptimisedVersion::State::Paused);
        return;
    }
    // The slot first: while every slot is taken, a tick costs no stat and no hash.
    auto slot = m_limiter.tryAcquire();   // only a free slot: players never wait for this
    if (!slot)
        return;
    if (!sourceUnchanged(next->source)) {
        m_store.remove(next->id);
        setState(next->id, OptimisedVersion::State::Outdated, u"the video file changed or went away"_s);
        return;
    }
    const HlsVariant &variant = next->variant();
    int first = 0;
    while (first < next->segmentCount() && m_store.segmentOf(next->id, first, next->source.format))
        ++first;
    const bool hasInit = next->source.format != SegmentFormat::Fmp4
                         || m_store.segmentOf(next->id, kInitSegment, next->source.format);
    if (first == next->segmentCount() && hasInit) {
        setState(next->id, OptimisedVersion::State::Done);
        return;
    }
    if (m_store.usedBytes() > m_store.maxBytes())
        return fail(next->id, u"the optimised store is full (%1, setting optimised/storeMiB)"_s.arg(mebibytes(m_store.maxBytes())));
    SegmentJob job;
    job.inputPath = next->source.path;
    job.variant = variant;
    job.timeline = next->source.timeline;
    job.firstIndex = hasInit ? first : 0;
    job.outputDirectory = m_store.workDirectory(next->id);
    job.x264Preset = next->x264Preset;
    job.format = next->source.format;
    job.background = true;
    auto producer = std::make_unique<SegmentProducer>(m_settings.ffmpegProgram, job, std::move(slot));
    const QString id = next->id;
    connect(producer.get(), &SegmentProducer::segmentFinished, producer.get(),
            [this, id](int index, const QString &path) { onSegmentFinished(id, index, path); });
    connect(producer.get(), &SegmentProducer::finished, producer.get(),
            [this, id](bool ok) { onProducerFinished(id, ok); });
    if (!producer->start())
        return fail(id, u"FFmpeg cannot be started: "_s + producer->errorText());
    m_producer = std::move(producer);
    m_producing = id;
    qCInfo(lcHls).noquote() << "making the optimised version" << variant.name << "of" << job.inputPath << "from segment"
                            << job.firstIndex;
    setState(id, OptimisedVersion::State::Running);
}

void OptimiseQueue::onSegmentFinished(const QString &id, int index, const QString &path)
{
    std::optional<OptimisedVersion> v = version(id);
    if (!v || (index != kInitSegment && (index < 0 || index >= v->segmentCount()))) {
        QFile::remove(path);   // past the grid (a remainder folded into the last segment)
        return;
    }
    // A resumed run may write again what an earlier one finished.
    const bool counted = index == kInitSegment || m_store.segmentOf(id, index, v->source.format);
    if (!m_store.adopt(id, index, path))
        return fail(id, u"cannot move a segment into the optimised store %1"_s.arg(m_store.directory()));
    if (m_store.usedBytes() > m_store.maxBytes())
        return fail(id, u"the optimised store is full (%1, setting optimised/storeMiB)"_s.arg(mebibytes(m_store.maxBytes())));
    {
        QMutexLocker lock(&m_mutex);
        if (OptimisedVersion *own = findLocked(id); own && !counted)
            own->segmentsDone = qMin(own->segmentCount(), own->segmentsDone + 1);
    }
    Q_EMIT changed();
}

void OptimiseQueue::onProducerFinished(const QString &id, bool ok)
{
    // Reaped here, after the signal: the producer is deleted later on this thread.
    if (m_producing != id)
        return;
    const QString why = ok ? QString() : m_producer->errorText();
    dropProducer();
    std::optional<OptimisedVersion> v = version(id);
    if (!v)
        return;
    int made = 0;
    for (int i = 0; i < v->segmentCount(); ++i)
        if (m_store.segmentOf(id, i, v->source.format))
            ++made;
    if (!ok)
        return fail(id, u"FFmpeg failed: "_s + why);
    if (made < v->segmentCount())
        return fail(id, u"FFmpeg made %1 of %2 segments"_s.arg(made).arg(v->segmentCount()));
    {
        QMutexLocker lock(&m_mutex);
        if (OptimisedVersion *own = findLocked(id))
            own->segmentsDone = made;
    }
    QDir(m_store.workDirectory(id)).removeRecursively();
    qCInfo(lcHls).noquote() << "the optimised version" << v->variant().name << "of" << v->source.path << "is ready";
    setState(id, OptimisedVersion::State::Done);
}

} // namespace cairn
