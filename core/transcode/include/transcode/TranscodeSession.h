#pragma once
// One FFmpeg child process and its output. On POSIX systems the child's stdout is one end of a
// socketpair read through a QLocalSocket with a bounded buffer: when the HTTP client lags,
// FFmpeg blocks on its write, so memory stays flat (QProcess's own pipe would buffer without
// limit; that is the fallback elsewhere). The child dies with this object and, on Linux, with
// the server process itself (PR_SET_PDEATHSIG), so no transcode outlives its reason to run.
//
// Why a child process and not libav in-process: a crashing or hanging codec then costs one
// stream, never the server, and killing it is the whole cancellation story.

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <memory>

class QIODevice;
class QProcess;

namespace cairn {

class TranscodeSession : public QObject
{
    Q_OBJECT
public:
    TranscodeSession(QString program, QStringList arguments, QObject *parent = nullptr);
    // Kills and reaps the child if it still runs.
    ~TranscodeSession() override;

    // Starts the child without waiting for it. False (with `errorText()`) when the program is
    // missing; a later failure to start ends the session like a failed exit (activity()).
    bool start();
    // Before start(): the child runs at background priority (work made ahead of time).
    void setBackground(bool background) { m_background = background; }
    // Block until output is available or the output ended (true = bytes to read) / until the
    // child exited, at most `timeoutMs`. For tests and tools: never on an HTTP worker.
    bool waitForOutput(int timeoutMs);
    bool waitForExit(int timeoutMs);

    qint64 bytesAvailable() const;
    qint64 read(char *buffer, qint64 max);
    bool outputEnded() const;          // no more output will come (and all was read)
    bool hasExited() const { return m_exited; }
    bool succeeded() const;            // exited normally with status 0
    QString errorText() const;         // start failure, exit status and the stderr tail
    qint64 processId() const;
    void kill();

Q_SIGNALS:
    // More output, its end, or the child's exit: whatever a reader waits for.
    void activity();

private:
    void onStderr();
    void onExited(int code, bool crashed);
    bool setUpOutput();

    QString m_program;
    QStringList m_arguments;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QIODevice> m_output;   // QLocalSocket over the socketpair (POSIX)
    QIODevice *m_reader = nullptr;         // m_output, or the process itself (fallback)
    int m_childFd = -1;
    QByteArray m_stderr;                   // the last kStderrCap bytes
    QString m_startError;
    bool m_outputClosed = false;
    bool m_exited = false;
    bool m_background = false;
    int m_exitCode = -1;
    bool m_crashed = false;
};

} // namespace cairn
