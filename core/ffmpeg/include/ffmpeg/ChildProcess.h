#pragma once
// What every FFmpeg child gets between fork and exec: on Linux a parent-death signal, so it
// dies with the thread that started it (an HTTP worker or the queue's thread, which live as
// long as the server) and never runs orphaned; a umask of 077, so what it writes is owner-only;
// optionally its stdout on a given descriptor.

class QProcess;

namespace cairn {

// Call before process.start(). `stdoutFd` >= 0 becomes the child's standard output (POSIX).
void tieChildToServer(QProcess &process, int stdoutFd = -1);

} // namespace cairn
