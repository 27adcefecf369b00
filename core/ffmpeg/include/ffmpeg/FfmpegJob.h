#pragma once
// What the FFmpeg queue runs for its waiters: one or more runs of the ffmpeg program in a row
// (a key-frame grab and its fallback, the tiles of a sprite), and what every waiter gets once
// they are over. Value types; the queue calls the functions on its own thread.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cairn {

// Who waits: a player before anything else, then pictures, then background work.
enum class FfmpegPriority { Playback = 0, Picture = 1, Background = 2 };

// One finished run of the program.
struct FfmpegRunResult
{
    bool ok = false;          // exited normally with status 0
    QByteArray output;        // its standard output (bounded by FfmpegJob::maxOutputBytes)
    QString error;            // why it failed: start error, timeout, status and stderr's tail
};

// What every waiter of one job receives.
struct FfmpegOutcome
{
    enum class Status {
        Ok,
        Failed,   // a run failed and `finish` gave up (or no run could start)
        Busy,     // the queue was full, or the job waited longer than the queue allows
    };
    Status status = Status::Failed;
    QByteArray data;          // e.g. a JPEG
    QString path;             // e.g. a file adopted into a cache
    QString error;
    int retryAfterSeconds = 0;   // Busy: when to try again

    static FfmpegOutcome ok(QByteArray data = {}, QString path = {})
    {
        return {Status::Ok, std::move(data), std::move(path), {}, 0};
    }
    static FfmpegOutcome failed(QString error) { return {Status::Failed, {}, {}, std::move(error), 0}; }
    bool isOk() const { return status == Status::Ok; }
};

struct FfmpegJob
{
    // Waiters with the same key share one job (and one result); empty = never shared.
    QString key;
    FfmpegPriority priority = FfmpegPriority::Picture;
    int runTimeoutMs = 20000;              // each run: a child this late is killed
    qint64 maxOutputBytes = 64LL << 20;    // standard output kept per run
    // The arguments of the next run given the results so far; nullopt = no more runs.
    std::function<std::optional<QStringList>(const QList<FfmpegRunResult> &)> nextRun;
    // Turns the runs into the outcome every waiter gets. Default: the last run's output.
    std::function<FfmpegOutcome(const QList<FfmpegRunResult> &)> finish;
    // Runs last, whether the job finished or was abandoned: removes what a run left behind.
    std::function<void()> cleanup;

    // A job of one run of `arguments` whose outcome is its output.
    static FfmpegJob single(QString key, FfmpegPriority priority, QStringList arguments, int runTimeoutMs)
    {
        FfmpegJob job;
        job.key = std::move(key);
        job.priority = priority;
        job.runTimeoutMs = runTimeoutMs;
        job.nextRun = [arguments = std::move(arguments)](const QList<FfmpegRunResult> &done) {
            return done.isEmpty() ? std::optional<QStringList>(arguments) : std::nullopt;
        };
        return job;
    }
};

} // namespace cairn
