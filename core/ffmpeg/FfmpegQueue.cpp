#include "ffmpeg/FfmpegQueue.h"

#include "FfmpegLog.h"
#include "JobRun.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kSweepIntervalMs = 250;

struct Waiter
{
    quint64 id = 0;
    QObject *context = nullptr;   // null: called on the queue's thread
    std::function<void(const FfmpegOutcome &)> done;
    QMetaObject::Connection watch;
};

struct JobState
{
    quint64 id = 0;
    FfmpegJob job;
    QList<Waiter> waiters;
    QPointer<JobRun> run;        // while running, on the queue's thread
};

struct SlotRequest
{
    quint64 id = 0;
    QObject *context = nullptr;
    std::function<void(std::unique_ptr<FfmpegQueue::Slot>)> granted;
    QMetaObject::Connection watch;
};

// One place in the queue: a job, or a request for a slot.
struct Waiting
{
    FfmpegPriority priority = FfmpegPriority::Picture;
    quint64 seq = 0;
    QElapsedTimer since;
    std::shared_ptr<JobState> job;
    std::shared_ptr<SlotRequest> request;
};

} // namespace

struct FfmpegQueue::Slot::Shared
{
    std::weak_ptr<FfmpegQueue::Private> queue;
};

struct FfmpegQueue::Private : std::enable_shared_from_this<FfmpegQueue::Private>
{
    FfmpegQueueSettings settings;
    QThread thread;
    QObject *home = nullptr;   // lives on `thread`: the parent of runs, the sweep timer
    std::atomic<quint64> started{0};

    mutable QMutex mutex;
    int max = 1;
    int running = 0;
    quint64 nextId = 1;
    QList<Waiting> waiting;                              // by priority, then arrival
    QHash<QString, std::shared_ptr<JobState>> byKey;     // shared jobs, queued or running
    QHash<quint64, std::shared_ptr<JobState>> jobs;      // every job, queued or running

    std::unique_ptr<Slot> newSlot()   // under the mutex, with running already counted
    {
        auto shared = std::make_shared<Slot::Shared>();
        shared->queue = weak_from_this();
        return std::unique_ptr<Slot>(new Slot(std::move(shared)));
    }

    FfmpegOutcome busy(const QString &why) const
    {
        FfmpegOutcome o;
        o.status = FfmpegOutcome::Status::Busy;
        o.error = why;
        o.retryAfterSeconds = settings.retryAfterSeconds;
        return o;
    }

    // Calls `done` on its context's thread, or on the queue's when it has none. Under the
    // mutex, so a context cannot finish being destroyed while the call is posted to it.
    void post(const Waiter &w, const FfmpegOutcome &outcome)
    {
        QObject::disconnect(w.watch);
        QObject *target = w.context ? w.context : home;
        QMetaObject::invokeMethod(target, [done = w.done, outcome] { done(outcome); }, Qt::QueuedConnection);
    }

    void grant(const SlotRequest &r, std::unique_ptr<Slot> slot)
    {
        QObject::disconnect(r.watch);
        // Shared so the call stays copyable; if the context goes before it runs, the call is
        // dropped and the slot with it.
        auto held = std::make_shared<std::unique_ptr<Slot>>(std::move(slot));
        QMetaObject::invokeMethod(r.context, [granted = r.granted, held] { granted(std::move(*held)); },
                                  Qt::QueuedConnection);
    }

    void enqueue(Waiting w)   // under the mutex
    {
        w.seq = nextId++;
        w.since.start();
        qsizetype at = waiting.size();
        while (at > 0 && int(waiting.at(at - 1).priority) > int(w.priority))
            --at;
        waiting.insert(at, std::move(w));
    }

    // Starts what fits under the cap, best first. Under the mutex.
    void dispatch()
    {
        while (running < max && !waiting.isEmpty()) {
            Waiting next = waiting.takeFirst();
            ++running;
            if (next.job)
                startJob(next.job, newSlot());
            else
                grant(*next.request, newSlot());
        }
    }

    void startJob(const std::shared_ptr<JobState> &state, std::unique_ptr<Slot> slot)   // under the mutex
    {
        auto held = std::make_shared<std::unique_ptr<Slot>>(std::move(slot));
        QMetaObject::invokeMethod(home, [self = shared_from_this(), state, held] {
            auto *run = new JobRun(self->settings.program, state->job, [self] { ++self->started; },
                                   [self, state, held](JobRun *r, const QList<FfmpegRunResult> &results) {
                                       self->complete(state, results);
                                       held->reset();   // the next waiter may start
                                       r->deleteLater();
                                   },
                                   self->home);
            bool abandoned = false;
            {
                QMutexLocker lock(&self->mutex);
                abandoned = !self->jobs.contains(state->id);   // nobody waits any more
                if (!abandoned)
                    state->run = run;
            }
            if (abandoned) {   // outside the lock: releasing the slot takes it
                delete run;
                if (state->job.cleanup)
                    state->job.cleanup();
                held->reset();
                return;
            }
            run->start();
        }, Qt::QueuedConnection);
    }

    // On the queue's thread, once a job's runs are over.
    void complete(const std::shared_ptr<JobState> &state, const QList<FfmpegRunResult> &results)
    {
        FfmpegOutcome outcome;
        if (state->job.finish) {
            outcome = state->job.finish(results);
        } else if (!results.isEmpty() && results.last().ok) {
            outcome = FfmpegOutcome::ok(results.last().output);
        } else {
            outcome = FfmpegOutcome::failed(results.isEmpty() ? u"nothing was run"_s : results.last().error);
        }
        if (state->job.cleanup)
            state->job.cleanup();
        QMutexLocker lock(&mutex);
        forget(*state);
        for (const Waiter &w : std::as_const(state->waiters))
            post(w, outcome);
        state->waiters.clear();
    }

    void forget(const JobState &state)   // under the mutex
    {
        jobs.remove(state.id);
        if (!state.job.key.isEmpty() && byKey.value(state.job.key).get() == &state)
            byKey.remove(state.job.key);
    }

    QMetaObject::Connection watchJobWaiter(QObject *context, quint64 jobId, quint64 waiterId)
    {
        if (!context)
            return {};
        return QObject::connect(context, &QObject::destroyed, [weak = weak_from_this(), jobId, waiterId] {
            if (auto self = weak.lock())
                self->dropWaiter(jobId, waiterId);
        });
    }

    // A waiter's context is being destroyed (its client left): it no longer waits, and a job
    // nobody waits for any more is dropped from the queue or its child killed.
    void dropWaiter(quint64 jobId, quint64 waiterId)
    {
        QMutexLocker lock(&mutex);
        const auto state = jobs.value(jobId);
        if (!state)
            return;
        state->waiters.removeIf([waiterId](const Waiter &w) { return w.id == waiterId; });
        if (!state->waiters.isEmpty())
            return;
        forget(*state);
        const bool wasQueued = waiting.removeIf([&](const Waiting &w) { return w.job == state; }) > 0;
        qCDebug(lcFfmpeg) << "nobody waits for job" << state->job.key << (wasQueued ? "any more" : "; killing it");
        if (wasQueued) {
            if (state->job.cleanup)
                QMetaObject::invokeMethod(home, state->job.cleanup, Qt::QueuedConnection);
            return;
        }
        // Running (or about to): the run is deleted on its thread, which kills the child.
        QMetaObject::invokeMethod(home, [self = shared_from_this(), state] {
            if (!state->run)
                return;   // not started yet: startJob sees the job is gone
            // Deleting the run kills its child and releases its slot (held by its callback).
            delete state->run.data();
            if (state->job.cleanup)
                state->job.cleanup();
        }, Qt::QueuedConnection);
    }

    void dropRequest(quint64 requestId)
    {
        QMutexLocker lock(&mutex);
        waiting.removeIf([requestId](const Waiting &w) { return w.request && w.request->id == requestId; });
    }

    // Refuses whatever waited longer than the queue allows.
    void sweep()
    {
        QMutexLocker lock(&mutex);
        for (qsizetype i = 0; i < waiting.size();) {
            if (!waiting.at(i).since.hasExpired(settings.queueTimeoutMs)) {
                ++i;
                continue;
            }
            const Waiting late = waiting.takeAt(i);
            if (late.job) {
                forget(*late.job);
                const FfmpegOutcome refused = busy(u"waited too long for an FFmpeg slot"_s);
                for (const Waiter &w : std::as_const(late.job->waiters))
                    post(w, refused);
                if (late.job->job.cleanup)
                    QMetaObject::invokeMethod(home, late.job->job.cleanup, Qt::QueuedConnection);
            } else {
                grant(*late.request, nullptr);
            }
        }
    }

    void release()
    {
        QMutexLocker lock(&mutex);
        --running;
        dispatch();
    }
};

FfmpegQueue::Slot::~Slot()
{
    if (auto queue = m_shared->queue.lock())
        queue->release();
}

FfmpegQueue::FfmpegQueue(FfmpegQueueSettings settings) : d(std::make_shared<Private>())
{
    d->settings = std::move(settings);
    d->max = d->settings.maxConcurrent > 0 ? d->settings.maxConcurrent : defaultMaxConcurrent();
    d->thread.setObjectName(u"ffmpeg-jobs"_s);
    d->home = new QObject;
    auto *sweeper = new QTimer(d->home);
    sweeper->setInterval(kSweepIntervalMs);
    d->home->moveToThread(&d->thread);   // and the sweeper with it
    QObject::connect(sweeper, &QTimer::timeout, sweeper, [p = d.get()] { p->sweep(); });
    QObject::connect(&d->thread, &QThread::started, sweeper, qOverload<>(&QTimer::start));
    d->thread.start();
}

FfmpegQueue::~FfmpegQueue()
{
    {
        QMutexLocker lock(&d->mutex);
        for (const Waiting &w : std::as_const(d->waiting)) {
            if (w.job)
                for (const Waiter &waiter : std::as_const(w.job->waiters))
                    QObject::disconnect(waiter.watch);
            else
                QObject::disconnect(w.request->watch);
        }
        for (const auto &state : std::as_const(d->jobs))
            for (const Waiter &waiter : std::as_const(state->waiters))
                QObject::disconnect(waiter.watch);
        d->waiting.clear();
        d->jobs.clear();
        d->byKey.clear();
    }
    // The runs (and their children) go with their parent, on their own thread.
    QMetaObject::invokeMethod(d->home, [home = d->home] { delete home; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

int FfmpegQueue::defaultMaxConcurrent()
{
    return qMax(1, QThread::idealThreadCount());
}

const QString &FfmpegQueue::program() const { return d->settings.program; }
int FfmpegQueue::retryAfterSeconds() const { return d->settings.retryAfterSeconds; }
quint64 FfmpegQueue::started() const { return d->started.load(); }

int FfmpegQueue::maxConcurrent() const
{
    QMutexLocker lock(&d->mutex);
    return d->max;
}

void FfmpegQueue::setMaxConcurrent(int max)
{
    QMutexLocker lock(&d->mutex);
    d->max = max > 0 ? max : defaultMaxConcurrent();
    d->dispatch();
}

int FfmpegQueue::running() const
{
    QMutexLocker lock(&d->mutex);
    return d->running;
}

int FfmpegQueue::queued() const
{
    QMutexLocker lock(&d->mutex);
    return int(d->waiting.size());
}

void FfmpegQueue::run(FfmpegJob job, QObject *context, std::function<void(const FfmpegOutcome &)> done)
{
    QMutexLocker lock(&d->mutex);
    Waiter waiter{d->nextId++, context, std::move(done), {}};
    if (!job.key.isEmpty()) {
        if (const auto shared = d->byKey.value(job.key)) {
            waiter.watch = d->watchJobWaiter(context, shared->id, waiter.id);
            shared->waiters.append(std::move(waiter));
            return;
        }
    }
    const bool startsNow = d->running < d->max && d->waiting.isEmpty();
    if (!startsNow && d->waiting.size() >= d->settings.maxQueued) {
        qCInfo(lcFfmpeg) << "queue full (" << d->waiting.size() << "waiting ); refusing" << job.key;
        d->post(waiter, d->busy(u"too many FFmpeg jobs are waiting"_s));
        return;
    }
    auto state = std::make_shared<JobState>();
    state->id = d->nextId++;
    state->job = std::move(job);
    waiter.watch = d->watchJobWaiter(context, state->id, waiter.id);
    state->waiters.append(std::move(waiter));
    d->jobs.insert(state->id, state);
    if (!state->job.key.isEmpty())
        d->byKey.insert(state->job.key, state);
    if (startsNow) {
        ++d->running;
        d->startJob(state, d->newSlot());
        return;
    }
    Waiting w;
    w.priority = state->job.priority;
    w.job = state;
    d->enqueue(std::move(w));
}

FfmpegOutcome FfmpegQueue::runAndWait(FfmpegJob job)
{
    QSemaphore ready;
    FfmpegOutcome result;
    run(std::move(job), nullptr, [&](const FfmpegOutcome &outcome) {
        result = outcome;
        ready.release();
    });
    ready.acquire();
    return result;
}

void FfmpegQueue::acquire(FfmpegPriority priority, QObject *context,
                          std::function<void(std::unique_ptr<Slot>)> granted)
{
    Q_ASSERT(context);
    QMutexLocker lock(&d->mutex);
    auto request = std::make_shared<SlotRequest>();
    request->id = d->nextId++;
    request->context = context;
    request->granted = std::move(granted);
    if (d->running < d->max && d->waiting.isEmpty()) {
        ++d->running;
        d->grant(*request, d->newSlot());
        return;
    }
    if (d->waiting.size() >= d->settings.maxQueued) {
        d->grant(*request, nullptr);
        return;
    }
    request->watch = QObject::connect(context, &QObject::destroyed, [weak = d->weak_from_this(), id = request->id] {
        if (auto self = weak.lock())
            self->dropRequest(id);
    });
    Waiting w;
    w.priority = priority;
    w.request = request;
    d->enqueue(std::move(w));
}

std::unique_ptr<FfmpegQueue::Slot> FfmpegQueue::tryAcquire()
{
    QMutexLocker lock(&d->mutex);
    if (d->running >= d->max)
        return nullptr;
    ++d->running;
    return d->newSlot();
}

} // namespace cairn
