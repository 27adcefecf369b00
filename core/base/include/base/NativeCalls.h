#pragma once

// Which OS-specific calls this build makes. Each has a portable fallback, the one Windows or
// macOS runs; the CMake option CAIRN_PORTABLE_FALLBACKS builds every fallback instead, so a
// Linux machine (and its CI) runs what the other platforms rely on.
//
// Not here, because they have no fallback to choose: start at login (one backend per OS),
// shutdown signals (POSIX signals or the Windows console handler), owner-only permissions
// (modes or ACLs) and the open-file limit (Unix only; Windows has none to raise).
// Zero-copy sending is chosen in CMake (CAIRN_ZERO_COPY).

#include <QtGlobal>

#if defined(CAIRN_PORTABLE_FALLBACKS) && CAIRN_PORTABLE_FALLBACKS
#define CAIRN_NATIVE_LINUX 0
#define CAIRN_NATIVE_MACOS 0
#define CAIRN_NATIVE_UNIX 0
#else
#if defined(Q_OS_LINUX)
#define CAIRN_NATIVE_LINUX 1
#else
#define CAIRN_NATIVE_LINUX 0
#endif
#if defined(Q_OS_MACOS)
#define CAIRN_NATIVE_MACOS 1
#else
#define CAIRN_NATIVE_MACOS 0
#endif
#if defined(Q_OS_UNIX)
#define CAIRN_NATIVE_UNIX 1
#else
#define CAIRN_NATIVE_UNIX 0
#endif
#endif

// A child process is killed when the server dies (PR_SET_PDEATHSIG). Fallback: the session
// kills it when it ends; after a crash, an FFmpeg that writes to Cairn ends on the broken pipe
// and one that writes a file finishes it.
#define CAIRN_HAS_PARENT_DEATH_SIGNAL CAIRN_NATIVE_LINUX
// FFmpeg writes into one end of a socket pair, whose buffer Cairn can size and read without
// copies. Fallback: QProcess's own stdout pipe.
#define CAIRN_HAS_SOCKETPAIR_OUTPUT CAIRN_NATIVE_UNIX
// Rename that refuses to replace, in one call (renameat2) or by hard link. Fallback: check,
// then QFile::rename (a race another writer could win; Windows' rename refuses anyway).
#define CAIRN_HAS_RENAMEAT2 CAIRN_NATIVE_LINUX
#define CAIRN_HAS_LINK_RENAME CAIRN_NATIVE_UNIX
// The bytes still in the kernel's send queue (SIOCOUTQ, SO_NWRITE) and the peer's receive
// window (TCP_INFO). Fallback: assume a full send buffer, no window.
#define CAIRN_HAS_SEND_QUEUE (CAIRN_NATIVE_LINUX || CAIRN_NATIVE_MACOS)
#define CAIRN_HAS_TCP_INFO CAIRN_NATIVE_LINUX
// The library watch hears a file rewritten in place (inotify; Windows reports a file's writes
// to its directory). Fallback (macOS's kqueue, QFileSystemWatcher on Linux): entries created,
// deleted and renamed only; a file changed in place is found by the next rescan. inotify itself
// is chosen in CMake (CAIRN_HAVE_INOTIFY) by the same rule.
#if CAIRN_NATIVE_LINUX || defined(Q_OS_WIN)
#define CAIRN_HAS_IN_PLACE_WRITE_EVENTS 1
#else
#define CAIRN_HAS_IN_PLACE_WRITE_EVENTS 0
#endif
// An HLS segment is sent while FFmpeg writes it. Fallback (Windows, whose rename fails while
// a reader holds the file): readers wait for the finished segment.
#if !defined(Q_OS_WIN) && !(defined(CAIRN_PORTABLE_FALLBACKS) && CAIRN_PORTABLE_FALLBACKS)
#define CAIRN_HAS_GROWING_SEGMENTS 1
#else
#define CAIRN_HAS_GROWING_SEGMENTS 0
#endif
