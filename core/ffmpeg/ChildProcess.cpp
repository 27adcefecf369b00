#include "ffmpeg/ChildProcess.h"

#include "base/NativeCalls.h"

#include <QProcess>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#endif
#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#if CAIRN_HAS_PARENT_DEATH_SIGNAL
#include <csignal>
#include <sys/prctl.h>
#endif

namespace cairn {

void tieChildToServer(QProcess &process, int stdoutFd, ChildPriority priority)
{
#if defined(Q_OS_UNIX)
    const pid_t parent = ::getpid();
    const bool background = priority == ChildPriority::Background;
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([stdoutFd, parent, background] {
        if (background)
            ::setpriority(PRIO_PROCESS, 0, 10);
        if (stdoutFd >= 0)
            ::dup2(stdoutFd, STDOUT_FILENO);
        // What FFmpeg writes (HLS segments, preview clips) is owner-only, like Cairn's own caches.
        ::umask(077);
#if CAIRN_HAS_PARENT_DEATH_SIGNAL
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)   // the server died before prctl: do not run orphaned
            ::_exit(127);
#else
        Q_UNUSED(parent);
#endif
    });
#elif defined(Q_OS_WIN)
    Q_UNUSED(stdoutFd);
    if (priority == ChildPriority::Background)
        process.setCreateProcessArgumentsModifier(
            [](QProcess::CreateProcessArguments *args) { args->flags |= BELOW_NORMAL_PRIORITY_CLASS; });
#else
    Q_UNUSED(process);
    Q_UNUSED(stdoutFd);
    Q_UNUSED(priority);
#endif
}

} // namespace cairn
