#pragma once
// Every stream holds two descriptors (its socket and its file): a server under the usual soft
// limit of 1,024 open files would refuse connections near 500 streams. Raised once, at start,
// to the hard limit (capped); nothing to do where there is no such limit (Windows).

namespace cairn {

// Returns the soft limit in force afterwards (-1 where unknown).
long raiseOpenFileLimit();

} // namespace cairn
