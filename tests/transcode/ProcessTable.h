#pragma once
// The test's view of the process table: FFmpeg children of a process, and whether a process
// still exists (a zombie counts as existing). Linux reads /proc; elsewhere nothing is known.

#include <QList>

namespace cairn::test {

bool processTableAvailable();
QList<qint64> ffmpegChildrenOf(qint64 parentPid);
// True while the process exists in any state, zombie included.
bool processExists(qint64 pid);
// True while the process exists and is not a zombie.
bool processRunning(qint64 pid);

} // namespace cairn::test
