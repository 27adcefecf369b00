#pragma once
// Optimised versions made in the background, one at a time: the queue administrators fill (a
// video's or a folder's variants), one niced FFmpeg that takes only a slot nobody else wants,
// stops while anyone else needs FFmpeg (a live transcode, an HLS player) and resumes where it
// was once they are done, within the store's bound. Thread-safe; the work runs on a thread of
// its own, which the versions' progress is reported from.

#include "base/Result.h"
#include "hls/OptimisedStore.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <memory>

namespace cairn {

class FfmpegQueue;
class SegmentProducer;

struct OptimiseSettings
{
    QString ffmpegProgram = QStringLiteral("ffmpeg");
    QString x264Preset = QStringLiteral("veryfast");
    int quietMs = 5000;   // nobody else has used FFmpeg for this long: the work resumes
    int tickMs = 500;
};

class OptimiseQueue : public QObject
{
    Q_OBJECT
public:
    // Loads what the store holds: unfinished versions are queued again, those whose file
    // changed or went away are Outdated.
    OptimiseQueue(OptimisedStore &store, FfmpegQueue &limiter, OptimiseSettings settings, QObject *parent = nullptr);
    ~OptimiseQueue() override;

    const OptimisedStore &store() const { return m_store; }
    const OptimiseSettings &settings() const { return m_settings; }

    // Queues `source`'s one variant. A version already listed is returned as it stands (a
    // failed one is queued again); NoSpace when the store cannot hold it beside what is queued.
    Result<OptimisedVersion> add(HlsSessionSource source, const QString &requestedBy);
    // Cancels the version (FFmpeg is killed) and deletes its files. False: no such version.
    bool remove(const QString &id);
    QList<OptimisedVersion> versions() const;   // in queue order
    std::optional<OptimisedVersion> version(const QString &id) const;

Q_SIGNALS:
    // A version was added, progressed, changed state or was removed (emitted on any thread).
    void changed();

private:
    void tick();
    void startNext(bool quiet);
    void dropProducer();
    void onSegmentFinished(const QString &id, int index, const QString &path);
    void onProducerFinished(const QString &id, bool ok);
    void fail(const QString &id, const QString &error);
    qint64 estimatedBytes(const OptimisedVersion &version) const;
    OptimisedVersion *findLocked(const QString &id);
    void setState(const QString &id, OptimisedVersion::State state, const QString &error = {});

    OptimisedStore &m_store;
    FfmpegQueue &m_limiter;
    const OptimiseSettings m_settings;
    QThread m_thread;
    QObject *m_worker = nullptr;   // lives on m_thread; its timer drives tick()

    mutable QMutex m_mutex;
    QList<OptimisedVersion> m_versions;

    // Queue thread only.
    std::unique_ptr<SegmentProducer> m_producer;
    QString m_producing;            // the version m_producer makes
    qint64 m_lastBusyMs = 0;        // when someone else last used FFmpeg
};

} // namespace cairn
