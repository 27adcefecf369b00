#pragma once
// One satisfiable byte range of an entity, already resolved against its size (both ends inclusive).

#include <QtGlobal>

namespace cairn {

struct ByteRange
{
    qint64 first = 0;
    qint64 last = -1;

    qint64 length() const { return last - first + 1; }

    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

} // namespace cairn
