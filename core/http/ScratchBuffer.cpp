#include "ScratchBuffer.h"

#include <QByteArray>

namespace cairn {

char *threadScratch(qint64 size)
{
    // Allocated on first use, so threads that never send a body pay nothing.
    thread_local QByteArray buffer;
    if (buffer.size() < size)
        buffer.resize(size);
    return buffer.data();
}

} // namespace cairn
