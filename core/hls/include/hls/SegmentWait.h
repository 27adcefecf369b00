#pragma once
// One request's wait for one segment: pending until the session has the segment (then its
// path) or gives up. Admitted once the session holds an FFmpeg slot that will make it (before
// that, the request waits in the FFmpeg queue and its answer has not started); refused, with a
// Retry-After, when the queue turns it away. Shared by the session (which resolves it on its own thread) and the
// response body (which reads it on an HTTP worker); the body's notifier is called on the
// body's thread through a queued call.

#include <QMutex>
#include <QString>

class QObject;

#include <functional>
#include <optional>

namespace cairn {

class SegmentWait
{
public:
    enum class State { Pending, Ready, Failed };

    SegmentWait(QString variantKey, int index, qint64 deadlineMs)
        : m_variantKey(std::move(variantKey)), m_index(index), m_deadlineMs(deadlineMs) {}

    const QString &variantKey() const { return m_variantKey; }
    int index() const { return m_index; }
    qint64 deadlineMs() const { return m_deadlineMs; }

    // A segment FFmpeg is writing now: the file it grows in, and whether its media part follows
    // an fMP4 init that readers skip. Set while Pending; a reader may send what is there so far.
    struct Growing
    {
        QString path;
        bool skipsInit = false;
    };

    State state() const;
    QString path() const;        // when Ready
    std::optional<Growing> growing() const;
    QString error() const;       // when Failed
    bool isAdmitted() const;
    int retryAfterSeconds() const;   // when Failed: > 0 = refused for now (Busy), 0 = failed

    void resolve(const QString &path);
    void fail(const QString &error);
    void refuse(const QString &error, int retryAfterSeconds);
    void admit();
    void grow(const QString &path, bool skipsInit);

    // `notify` runs on `context`'s thread whenever the state changes; cleared by passing null.
    void setNotifier(QObject *context, std::function<void()> notify);

private:
    void notifyLocked();

    const QString m_variantKey;
    const int m_index;
    const qint64 m_deadlineMs;
    mutable QMutex m_mutex;
    State m_state = State::Pending;
    bool m_admitted = false;
    int m_retryAfterSeconds = 0;
    QString m_path;
    std::optional<Growing> m_growing;
    QString m_error;
    QObject *m_context = nullptr;   // the body clears it (under the lock) before deleting it
    std::function<void()> m_notify;
};

} // namespace cairn
