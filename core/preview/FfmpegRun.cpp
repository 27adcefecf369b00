#include "FfmpegRun.h"

#include "PreviewLog.h"

#include <QProcess>

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qsizetype kStderrTail = 2000;
constexpr int kReapMs = 2000;

} // namespace

FfmpegRun::FfmpegRun(QString program, QStringList arguments)
    : m_program(std::move(program)), m_arguments(std::move(arguments))
{
}

FfmpegRun::~FfmpegRun()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(kReapMs);
    }
}

bool FfmpegRun::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setStandardInputFile(QProcess::nullDevice());
#if defined(Q_OS_LINUX)
    const pid_t parent = ::getpid();
    // Between fork and exec: async-signal-safe calls only.
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)   // the server died before prctl: do not run orphaned
            ::_exit(127);
    });
#endif
    m_process->start(m_program, m_arguments, QIODevice::ReadOnly);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"cannot start %1: %2"_s.arg(m_program, m_process->errorString());
        return false;
    }
    return true;
}

bool FfmpegRun::finish(QDeadlineTimer deadline)
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        if (m_error.isEmpty())
            m_error = u"%1 was not started"_s.arg(m_program);
        return false;
    }
    // Drains stdout while waiting, so a large output cannot fill the pipe and stall the child.
    while (m_process->state() != QProcess::NotRunning) {
        if (deadline.hasExpired()) {
            m_process->kill();
            m_process->waitForFinished(kReapMs);
            m_error = u"%1 took too long"_s.arg(m_program);
            return false;
        }
        const qint64 left = deadline.isForever() ? 1000 : deadline.remainingTime();
        m_process->waitForReadyRead(int(std::clamp<qint64>(left, 1, 1000)));
        m_output += m_process->readAllStandardOutput();
    }
    m_output += m_process->readAllStandardOutput();
    const QByteArray stderrText = m_process->readAllStandardError().trimmed();
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        m_error = u"%1 failed (exit %2): %3"_s.arg(m_program)
                      .arg(m_process->exitCode())
                      .arg(QString::fromUtf8(stderrText.right(kStderrTail)));
        return false;
    }
    return true;
}

} // namespace cairn
