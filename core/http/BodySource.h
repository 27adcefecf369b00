#pragma once
// A response body that is produced piece by piece, so a pump can send it with backpressure
// instead of holding it in memory.

#include <QtGlobal>

namespace cairn {

class BodySource
{
public:
    virtual ~BodySource() = default;
    // Exact number of bytes the body will produce.
    virtual qint64 size() const = 0;
    // Copies up to `max` bytes into `buffer`; returns the count, 0 at the end, -1 on an error.
    virtual qint64 read(char *buffer, qint64 max) = 0;
};

} // namespace cairn
