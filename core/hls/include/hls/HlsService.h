#pragma once
// The HLS sessions of the server: opens them (each counts as one stream for the activity list
// and its limits), finds them again from the ids in playlist URLs, and runs their FFmpeg
// scheduling on one thread of its own, where idle sessions also end. Thread-safe.
// Must outlive the HTTP server (response bodies hold sessions).

#include "activity/ActivityRegistry.h"
#include "base/Result.h"
#include "hls/HlsSession.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>

#include <memory>
#include <variant>

namespace cairn {

class TranscodeService;
struct VideoPreset;

struct HlsViewer
{
    qint64 userId = 0;
    QString userName;
    QString client;
    QString userAgent;
};

class HlsService : public QObject
{
    Q_OBJECT
public:
    // `activity` may be null (sessions are then neither listed nor limited).
    HlsService(TranscodeService &transcoding, ActivityRegistry *activity, HlsSettings settings,
               QObject *parent = nullptr);
    ~HlsService() override;

    const HlsSettings &settings() const { return m_context.settings; }
    // Before the first session: where sessions find variants made ahead of time (may be null).
    void setOptimisedStore(const OptimisedStore *store) { m_context.optimised = store; }
    QList<VideoPreset> presets() const;

    // A new session with id `id` (a fresh one when empty), or why the limits refuse it: Busy
    // (streams), TooManyAttempts (the user's sessions, see makeRoomLocked).
    Result<std::shared_ptr<HlsSession>> open(const QString &id, HlsSessionSource source, const HlsViewer &viewer);
    std::shared_ptr<HlsSession> find(const QString &id) const;
    // True for a session an administrator ended: its URLs stay dead.
    bool wasEnded(const QString &id) const;

    static QString newSessionId();
    static bool isSessionId(const QString &text);

    int sessionCount() const;
    int runningProducers() const;

private:
    std::optional<DomainError> makeRoomLocked(qint64 userId);
    void wake();
    void tick();
    void closeAll();

    TranscodeService &m_transcoding;
    ActivityRegistry *m_activity;
    HlsSessionContext m_context;
    QThread m_thread;
    QObject *m_scheduler = nullptr;   // lives on m_thread; its timer drives tick()
    std::atomic_bool m_wakePosted{false};
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<HlsSession>> m_sessions;
    QList<std::shared_ptr<HlsSession>> m_retired;   // replaced by newer ones; closed on the HLS thread
    QSet<QString> m_ended;
};

} // namespace cairn
