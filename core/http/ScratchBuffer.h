#pragma once
// One reusable buffer per thread for copying a body piece from its source into a socket. The
// pumps of a worker thread run one at a time and Qt copies what it is given at once, so they
// can all share this instead of each holding a buffer of its own for its whole life.

#include <QtGlobal>

namespace cairn {

// At least `size` bytes, valid on this thread until the next call with a larger size.
char *threadScratch(qint64 size);

} // namespace cairn
