#pragma once
// One run of the ffmpeg command-line tool to completion: started, waited for within a deadline
// (killed when it is late), its standard output kept in memory. The child is killed and reaped
// with this object and, on Linux, dies with the server too, so no grab outlives its request.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace cairn {

class FfmpegRun
{
public:
    FfmpegRun(QString program, QStringList arguments);
    ~FfmpegRun();
    FfmpegRun(const FfmpegRun &) = delete;
    FfmpegRun &operator=(const FfmpegRun &) = delete;

    // Starts the child; false (with errorText()) when it cannot be started.
    bool start();
    // Waits for the child's exit until `deadline`, killing it then. True = exit status 0.
    bool finish(QDeadlineTimer deadline);

    // Everything it wrote to stdout (kept for small outputs such as one JPEG).
    const QByteArray &output() const { return m_output; }
    // Why it failed: start error, timeout, exit status and the tail of its stderr.
    QString errorText() const { return m_error; }

private:
    QString m_program;
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QString m_error;
};

} // namespace cairn
