#pragma once
// The live streams of the server: thread-safe admission (concurrency limits), the list the GUI
// and /api/activity show, End/Throttle commands routed to the thread that owns each stream,
// the shared bandwidth budget, and the history of finished streams. Workers only take a
// short lock here; the GUI polls snapshot() and listens to queued signals.
// Must outlive every StreamTicket it hands out (stop the HTTP server first).

#include "activity/BandwidthBudget.h"
#include "activity/RateWindow.h"
#include "activity/StreamLimits.h"
#include "activity/StreamSnapshot.h"
#include "activity/StreamTicket.h"
#include "base/Result.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cairn {

class Database;

struct StreamRequest
{
    QString user;
    qint64 userId = 0;
    QString client;
    QString userAgent;
    StreamInfo info;
    qint64 totalBytes = -1;
};

// Shared between the registry and a ticket; the mutable parts are atomics.
struct LiveStreamState
{
    StreamSnapshot fixed;                 // bytes/rate fields unused here
    StreamControl *control = nullptr;     // guarded by the registry's lock
    std::atomic<qint64> bytesSent{0};
    std::atomic<qint64> cap{0};
    std::atomic<int> ending{int(StreamEnding::Failed)};
    RateWindow rate;                      // sampled under the registry's lock
};

class ActivityRegistry : public QObject
{
    Q_OBJECT
public:
    // `history` (may be null) receives a row per finished stream, handed to the catalog's
    // writer thread (the thread that ends the stream never waits for the disk).
    explicit ActivityRegistry(const Database *history = nullptr, QObject *parent = nullptr);
    ~ActivityRegistry() override;

    void setLimits(const StreamLimits &limits);
    StreamLimits limits() const;
    void setHistoryRetention(int maxRows, int maxDays);
    // Called for every finished stream on the thread that ended it (its history row is queued);
    // set before streams start. For thread-safe observers (metrics).
    void setFinishObserver(std::function<void(const FinishedStream &)> observer) { m_finishObserver = std::move(observer); }

    // Admits a counted stream or refuses it (limits: a Busy error with Retry-After). `control`
    // must stay valid until the ticket is destroyed.
    Result<std::unique_ptr<StreamTicket>> open(const StreamRequest &request, StreamControl *control);

    // What open() would answer now for `user`, without opening anything: lets a handler skip
    // expensive work (starting FFmpeg) for a stream that would be refused anyway.
    std::optional<DomainError> refusalFor(const QString &user) const;

    QList<StreamSnapshot> snapshot() const;
    int activeCount() const;
    // Posts End to the stream's thread; false when no such stream is live.
    bool end(qint64 id);
    // Sets one stream's cap (0 = none but the global one); false when no such stream is live.
    bool throttle(qint64 id, qint64 bytesPerSecond);

    BandwidthBudget &budget() { return m_budget; }

Q_SIGNALS:
    // Emitted from any thread: a stream started or ended, or throughputs were sampled.
    void changed();
    // Emitted on the thread that called setLimits(), after the new limits apply (for limits
    // enforced elsewhere, such as the request rate: connect directly, the receiver being
    // thread-safe).
    void limitsChanged(const cairn::StreamLimits &limits);
    // Emitted on the thread that ended the stream, once its history row is queued (readers of
    // the history see it: they wait for queued rows).
    void streamFinished(const cairn::FinishedStream &stream);

private:
    friend class StreamTicket;
    void close(const std::shared_ptr<LiveStreamState> &state);
    void updatePlayback(LiveStreamState &state, const QString &preset, qint64 seekPositionMs);
    void sample();
    std::optional<DomainError> refusalLocked(const QString &user) const;

    const Database *m_history;
    std::function<void(const FinishedStream &)> m_finishObserver;
    mutable QMutex m_mutex;
    StreamLimits m_limits;
    int m_historyMaxRows = 10000;
    int m_historyMaxDays = 365;
    QHash<qint64, std::shared_ptr<LiveStreamState>> m_streams;
    qint64 m_nextId = 1;
    BandwidthBudget m_budget;
    QTimer m_sampler;
    QElapsedTimer m_clock;                // time of the rate samples
};

} // namespace cairn
