#include "JobRun.h"

#include "ffmpeg/ChildProcess.h"

#include "FfmpegLog.h"

#include <QProcess>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qsizetype kStderrTail = 2000;

} // namespace

JobRun::JobRun(QString program, const FfmpegJob &job, std::function<void()> started, Finished finished,
               QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_job(job), m_started(std::move(started)),
      m_finished(std::move(finished))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcFfmpeg) << m_program << "took longer than" << m_job.runTimeoutMs << "ms; killing it";
        endRun(false, u"%1 took too long"_s.arg(m_program));
    });
}

JobRun::~JobRun()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();   // QProcess's destructor reaps it
    }
}

void JobRun::start()
{
    next();
}

void JobRun::next()
{
    const std::optional<QStringList> arguments = m_job.nextRun ? m_job.nextRun(m_results) : std::nullopt;
    if (!arguments) {
        m_finished(this, m_results);
        return;
    }
    m_output.clear();
    m_stderr.clear();
    m_outputTooLarge = false;
    m_process = std::make_unique<QProcess>();
    m_process->setStandardInputFile(QProcess::nullDevice());
    tieChildToServer(*m_process);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &JobRun::onStdout);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > kStderrTail)
            m_stderr = m_stderr.right(kStderrTail);
    });
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            endRun(false, u"cannot start %1: %2"_s.arg(m_program, m_process->errorString()));
    });
    connect(m_process.get(), &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onStdout();
        m_stderr += m_process->readAllStandardError();
        if (m_outputTooLarge)
            return endRun(false, u"%1 wrote more than %2 bytes"_s.arg(m_program).arg(m_job.maxOutputBytes));
        if (status == QProcess::NormalExit && code == 0)
            return endRun(true, {});
        endRun(false, u"%1 failed (exit %2): %3"_s.arg(m_program)
                          .arg(code)
                          .arg(QString::fromUtf8(m_stderr.right(kStderrTail).trimmed())));
    });
    m_deadline.start(m_job.runTimeoutMs);
    m_process->start(m_program, *arguments, QIODevice::ReadOnly);
    if (m_started)
        m_started();
}

void JobRun::onStdout()
{
    const QByteArray chunk = m_process->readAllStandardOutput();
    if (m_outputTooLarge)
        return;
    if (m_output.size() + chunk.size() <= m_job.maxOutputBytes) {
        m_output += chunk;
    } else {
        m_outputTooLarge = true;   // not kept: the run counts as failed when it ends
        m_output.clear();
    }
}

void JobRun::endRun(bool ok, const QString &error)
{
    m_deadline.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        // Reaped when QProcess notices the exit; deleting it later keeps this call short.
        m_process.release()->deleteLater();
    }
    FfmpegRunResult result;
    result.ok = ok;
    result.output = std::move(m_output);
    result.error = error;
    m_results.append(std::move(result));
    // The next run starts from the event loop, not from inside QProcess's signal.
    QMetaObject::invokeMethod(this, &JobRun::next, Qt::QueuedConnection);
}

} // namespace cairn
