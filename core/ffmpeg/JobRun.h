#pragma once
// One job of the FFmpeg queue being run, on the queue's thread: its runs one after another as
// asynchronous child processes (never waited for), each killed when it is late, and the
// results handed back when the last one ended. Destroying it kills the running child.

#include "ffmpeg/FfmpegJob.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QProcess;

namespace cairn {

class JobRun : public QObject
{
    Q_OBJECT
public:
    using Finished = std::function<void(JobRun *, const QList<FfmpegRunResult> &)>;
    // `started` counts each child that starts; `finished` gets every run's result.
    JobRun(QString program, const FfmpegJob &job, std::function<void()> started, Finished finished,
           QObject *parent = nullptr);
    ~JobRun() override;

    void start();

private:
    void next();
    void endRun(bool ok, const QString &error);
    void onStdout();

    QString m_program;
    const FfmpegJob m_job;
    std::function<void()> m_started;
    Finished m_finished;
    std::unique_ptr<QProcess> m_process;
    QTimer m_deadline;
    QList<FfmpegRunResult> m_results;
    QByteArray m_output;
    QByteArray m_stderr;
    bool m_outputTooLarge = false;
};

} // namespace cairn
