#pragma once
// One player watching one video over HLS: its variants and segment grid, the segments it has
// (in the transcode cache or the work directory), the requests waiting for segments, and at
// most one FFmpeg producing segments for it. Requests arrive on HTTP workers; FFmpeg is
// started, switched (another variant, a seek) and stopped (idle, far ahead) on the HLS thread
// by schedule(). Registered as one stream in the activity list for as long as it lives.

#include "activity/StreamTicket.h"
#include "ffmpeg/FfmpegQueue.h"
#include "hls/HlsSessionSource.h"
#include "hls/HlsSettings.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class OptimisedStore;
class SegmentProducer;
class SegmentWait;
class TranscodeCache;

// What every session shares: the FFmpeg program, the settings, the cache and the cap.
struct HlsSessionContext
{
    QString ffmpegProgram;
    HlsSettings settings;
    TranscodeCache *cache = nullptr;
    const OptimisedStore *optimised = nullptr;   // variants made ahead of time; may be null
    FfmpegQueue *limiter = nullptr;
    QString workRoot;
};

class HlsSession final : public StreamControl
{
public:
    HlsSession(QString id, HlsSessionSource source, const HlsSessionContext &context, std::function<void()> wake);
    ~HlsSession() override;

    const QString &id() const { return m_id; }
    const HlsSessionSource &source() const { return m_source; }
    const HlsVariant *variant(const QString &key) const;

    void setTicket(std::unique_ptr<StreamTicket> ticket);

    // Worker threads. A wait for segment `index` of `variantKey` (kInitSegment: its fMP4 init): already Ready when the
    // segment exists, else resolved later by the HLS thread; admitted at once while this
    // session's FFmpeg runs, else once the FFmpeg queue gives the session a slot.
    std::shared_ptr<SegmentWait> request(const QString &variantKey, int index);
    void addBytesSent(qint64 bytes);
    bool endRequested() const { return m_endRequested.load(); }
    // How long the player has been silent: 0 while a request waits for a segment.
    qint64 silentForMs(qint64 nowMs) const;
    // Ends the activity entry now (history) while the session itself closes later on the HLS
    // thread: a session replaced by a newer one of its user frees its place at once.
    void endTicket(StreamEnding ending);

    // HLS thread.
    void schedule(qint64 nowMs);
    bool isIdle(qint64 nowMs) const;
    bool hasProducer() const { return m_producing.load(); }   // any thread
    // Stops FFmpeg, fails what still waits, ends the activity entry (history) and removes
    // the work directory. Idempotent.
    void close(StreamEnding ending);

    // StreamControl (called with the activity registry locked: only flags and posts).
    void requestEnd() override;
    void capChanged() override {}

    // A monotonic clock in milliseconds, shared by requests and schedule().
    static qint64 nowMs();

private:
    enum class Lookup { OwnSegments, AlsoCache };
    std::optional<QString> availableLocked(const QString &variantKey, int index, Lookup lookup);
    QString workDirectory(const QString &variantKey) const;
    void collectPendingLocked(qint64 nowMs, QList<std::shared_ptr<SegmentWait>> &pending);
    void reapProducerLocked(QList<std::shared_ptr<SegmentWait>> &pending);
    bool producerStillWanted(const QList<std::shared_ptr<SegmentWait>> &pending, qint64 nowMs) const;
    void startProducer(const QString &variantKey, int index, const QList<std::shared_ptr<SegmentWait>> &pending,
                       std::unique_ptr<FfmpegQueue::Slot> slot);
    int startIndexFor(const SegmentWait &wait) const;
    void requestSlotLocked();
    void onSlot(std::unique_ptr<FfmpegQueue::Slot> slot);
    std::optional<int> prefetchIndexLocked();
    void onSegmentFinished(const QString &variantKey, int index, const QString &path);
    void onSegmentStarted(const QString &variantKey, int index, const QString &path);
    void growLocked(SegmentWait &wait) const;
    void dropProducerLocked();

    const QString m_id;
    const HlsSessionSource m_source;
    const HlsSessionContext &m_context;
    const std::function<void()> m_wake;
    std::unique_ptr<StreamTicket> m_ticket;
    std::atomic_bool m_endRequested{false};
    std::atomic_bool m_producing{false};   // an FFmpeg runs for this session

    mutable QMutex m_mutex;
    QList<std::weak_ptr<SegmentWait>> m_waits;
    QHash<QString, QHash<int, QString>> m_segments;   // variant key → index → path
    qint64 m_lastRequestMs;
    QString m_lastVariant;
    int m_lastIndex = -1;
    bool m_prefetchDue = false;
    bool m_closed = false;
    // The segment this session's FFmpeg writes now, which a waiting request may follow.
    struct GrowingSegment
    {
        QString variantKey;
        int index = -1;
        QString path;
    };
    std::optional<GrowingSegment> m_growing;

    // HLS thread only.
    std::unique_ptr<SegmentProducer> m_producer;
    bool m_producerOk = true;
    // While the session waits in the FFmpeg queue: the waiter, whose destruction leaves it.
    std::unique_ptr<QObject> m_slotWaiter;
};

} // namespace cairn
