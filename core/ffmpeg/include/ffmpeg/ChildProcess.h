#pragma once
// What every FFmpeg child gets between fork and exec: on Linux a parent-death signal, so it
// dies with the thread that started it (an HTTP worker or the queue's thread, which live as
// long as the server) and never runs orphaned; a umask of 077, so what it writes is owner-only;
// optionally its stdout on a given descriptor, and a lower CPU priority for background work.

class QProcess;

namespace cairn {

// Background: niced (POSIX) or below normal priority (Windows), so that it takes what players
// and the desktop leave of the processor.
enum class ChildPriority { Normal, Background };

// Call before process.start(). `stdoutFd` >= 0 becomes the child's standard output (POSIX).
void tieChildToServer(QProcess &process, int stdoutFd = -1, ChildPriority priority = ChildPriority::Normal);

} // namespace cairn
