#include "transcode/TranscodeSession.h"

#include "base/NativeCalls.h"
#include "ffmpeg/ChildProcess.h"

#include "TranscodeLog.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QLocalSocket>
#include <QProcess>

#if CAIRN_HAS_SOCKETPAIR_OUTPUT
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qsizetype kStderrCap = 16 * 1024;
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
// What Cairn reads ahead of FFmpeg's socket (QProcess's pipe has no bound to set).
constexpr qint64 kReadBuffer = 256 * 1024;
#endif

} // namespace

TranscodeSession::TranscodeSession(QString program, QStringList arguments, QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_arguments(std::move(arguments))
{
}

TranscodeSession::~TranscodeSession()
{
    if (m_process) {
        m_process->disconnect(this);
        kill();
    }
    if (m_childFd >= 0) {
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
        ::close(m_childFd);
#endif
    }
}

bool TranscodeSession::setUpOutput()
{
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        m_startError = u"socketpair failed"_s;
        return false;
    }
    // Close-on-exec on both ends, so no other child (of any thread) inherits them: the child's
    // stdout is a dup2 copy, which does not carry the flag.
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    auto socket = std::make_unique<QLocalSocket>();
    if (!socket->setSocketDescriptor(fds[0], QLocalSocket::ConnectedState, QIODevice::ReadOnly)) {
        ::close(fds[0]);
        ::close(fds[1]);
        m_startError = u"cannot read the transcoder's output socket"_s;
        return false;
    }
    socket->setReadBufferSize(kReadBuffer);
    m_childFd = fds[1];
    connect(socket.get(), &QLocalSocket::readyRead, this, &TranscodeSession::activity);
    connect(socket.get(), &QLocalSocket::disconnected, this, [this] {
        m_outputClosed = true;
        Q_EMIT activity();
    });
    m_reader = socket.get();
    m_output = std::move(socket);
    tieChildToServer(*m_process, m_childFd, m_background ? ChildPriority::Background : ChildPriority::Normal);
    m_process->setStandardOutputFile(QProcess::nullDevice());
#else
    // Fallback (Windows): QProcess's pipe, without backpressure; the child is killed when the
    // session ends or the server quits.
    tieChildToServer(*m_process, -1, m_background ? ChildPriority::Background : ChildPriority::Normal);
    m_process->setReadChannel(QProcess::StandardOutput);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &TranscodeSession::activity);
    m_reader = m_process.get();
#endif
    return true;
}

bool TranscodeSession::start()
{
    // Checked here (a stat, no waiting) so a missing program is a plain error at once; any
    // other failure to start arrives later, like an exit.
    if (QStandardPaths::findExecutable(m_program).isEmpty() && !QFileInfo(m_program).isExecutable()) {
        m_startError = u"cannot start %1: no such program"_s.arg(m_program);
        m_outputClosed = true;
        m_exited = true;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setStandardInputFile(QProcess::nullDevice());
    if (!setUpOutput())
        return false;
    connect(m_process.get(), &QProcess::readyReadStandardError, this, &TranscodeSession::onStderr);
    connect(m_process.get(), &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onExited(code, status == QProcess::CrashExit);
    });
    // Never waited for: a child that cannot start ends the session like a failed exit.
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || m_exited)
            return;
        m_startError = u"cannot start %1: %2"_s.arg(m_program, m_process->errorString());
        m_outputClosed = true;
        m_exited = true;
        Q_EMIT activity();
    });
    m_process->start(m_program, m_arguments, QIODevice::ReadOnly);
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
    // The child holds its own copy now; ours must go, or the output would never end.
    ::close(m_childFd);
    m_childFd = -1;
#endif
    qCDebug(lcTranscode) << "started" << m_program << m_arguments.join(u' ') << "pid" << processId();
    return true;
}

bool TranscodeSession::waitForOutput(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_reader && m_reader->bytesAvailable() == 0 && !outputEnded()) {
        if (deadline.hasExpired())
            return false;
        const int remaining = int(qMax<qint64>(1, deadline.remainingTime()));
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
        auto *socket = static_cast<QLocalSocket *>(m_output.get());
        if (!socket->waitForReadyRead(remaining) && socket->state() != QLocalSocket::ConnectedState)
            m_outputClosed = true;
#else
        if (!m_process->waitForReadyRead(remaining) && m_process->state() == QProcess::NotRunning)
            m_outputClosed = true;
#endif
    }
    return bytesAvailable() > 0;
}

bool TranscodeSession::waitForExit(int timeoutMs)
{
    if (!m_exited && m_process && m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(timeoutMs);
    return m_exited || !m_process || m_process->state() == QProcess::NotRunning;
}

qint64 TranscodeSession::bytesAvailable() const
{
    return m_reader ? m_reader->bytesAvailable() : 0;
}

qint64 TranscodeSession::read(char *buffer, qint64 max)
{
    if (!m_reader)
        return 0;
    const qint64 n = m_reader->read(buffer, max);
    return qMax<qint64>(0, n);
}

bool TranscodeSession::outputEnded() const
{
#if CAIRN_HAS_SOCKETPAIR_OUTPUT
    return m_outputClosed && bytesAvailable() == 0;
#else
    return (m_exited || m_outputClosed) && bytesAvailable() == 0;
#endif
}

bool TranscodeSession::succeeded() const
{
    return m_exited && !m_crashed && m_exitCode == 0;
}

QString TranscodeSession::errorText() const
{
    if (!m_startError.isEmpty())
        return m_startError;
    QString text = m_crashed ? u"ffmpeg crashed"_s : u"ffmpeg exited with status %1"_s.arg(m_exitCode);
    const QString tail = QString::fromUtf8(m_stderr).trimmed();
    if (!tail.isEmpty())
        text += u": "_s + tail;
    return text;
}

qint64 TranscodeSession::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void TranscodeSession::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    // SIGKILL is immediate; waiting reaps the child so no zombie remains.
    m_process->waitForFinished(5000);
}

void TranscodeSession::onStderr()
{
    m_stderr += m_process->readAllStandardError();
    if (m_stderr.size() > kStderrCap)
        m_stderr = m_stderr.right(kStderrCap);
}

void TranscodeSession::onExited(int code, bool crashed)
{
    onStderr();
    m_exited = true;
    m_exitCode = code;
    m_crashed = crashed;
#if !CAIRN_HAS_SOCKETPAIR_OUTPUT
    m_outputClosed = true;
#endif
    Q_EMIT activity();
}

} // namespace cairn
