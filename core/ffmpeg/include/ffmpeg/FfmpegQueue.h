#pragma once
// The one way Cairn runs FFmpeg: every child (live transcodes, HLS producers, thumbnails,
// sprites, poster frames, preview clips) takes one of `maxConcurrent` slots; what cannot start
// waits in a bounded queue, by priority, for a bounded time, and is refused (Busy) beyond
// either. Nobody waits by blocking: results and slots arrive as calls on the waiter's own
// thread. A waiter is an object: when it is destroyed (a client left), it stops waiting, and a
// job nobody waits for any more is dropped or its child killed. Thread-safe.

#include "ffmpeg/FfmpegJob.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace cairn {

struct FfmpegQueueSettings
{
    QString program = QStringLiteral("ffmpeg");
    int maxConcurrent = 0;        // children at once; 0 = the number of cores
    int maxQueued = 64;           // jobs and slot requests waiting; beyond: Busy
    int queueTimeoutMs = 30000;   // longest wait for a slot; beyond: Busy
    int retryAfterSeconds = 5;    // what Busy tells clients
};

class FfmpegQueue
{
public:
    // A running child's place in the cap: held as long as the child lives, released on
    // destruction (from any thread), which lets the next waiter start.
    class Slot
    {
    public:
        ~Slot();
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;

    private:
        friend class FfmpegQueue;
        struct Shared;
        explicit Slot(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}
        std::shared_ptr<Shared> m_shared;
    };

    explicit FfmpegQueue(FfmpegQueueSettings settings);
    // Kills every child still running and answers no one.
    ~FfmpegQueue();
    FfmpegQueue(const FfmpegQueue &) = delete;
    FfmpegQueue &operator=(const FfmpegQueue &) = delete;

    static int defaultMaxConcurrent();

    const QString &program() const;
    int maxConcurrent() const;
    void setMaxConcurrent(int max);   // 0 = the number of cores
    int running() const;              // slots taken now
    int queued() const;               // jobs and slot requests waiting now
    quint64 started() const;          // children the queue started itself, so far

    // Runs `job` (or joins the job with the same key) and calls `done` once, on `context`'s
    // thread, unless `context` is destroyed first. A null context: `done` runs on the queue's
    // own thread (for callers that are not HTTP workers or the GUI).
    void run(FfmpegJob job, QObject *context, std::function<void(const FfmpegOutcome &)> done);
    // Blocks the calling thread until `job`'s outcome. Never on an HTTP worker or the GUI.
    FfmpegOutcome runAndWait(FfmpegJob job);

    // A slot for a child the caller runs itself (it streams the output): `granted` runs on
    // `context`'s thread with the slot once one is free, or with null when the queue refuses
    // (full, waited too long). Dropped, with the slot released, if `context` goes first.
    void acquire(FfmpegPriority priority, QObject *context, std::function<void(std::unique_ptr<Slot>)> granted);
    // A slot now, or null when every slot is taken.
    std::unique_ptr<Slot> tryAcquire();
    // What a refused waiter should tell its client.
    int retryAfterSeconds() const;

private:
    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace cairn
