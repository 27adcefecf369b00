#pragma once
// Resolution of a Range request header against an entity size (RFC 9110 §14), and the
// Content-Range values that answer it.

#include "stream/ByteRange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace cairn {

enum class RangeOutcome { Full, Partial, Unsatisfiable };

struct RangeResolution
{
    RangeOutcome outcome = RangeOutcome::Full;
    QList<ByteRange> ranges; // ascending, non-overlapping, non-adjacent; empty unless Partial
};

// headerValue is the raw Range value (empty = absent). An invalid header, another unit or more
// than maxRanges specs yields Full: RFC 9110 lets a server ignore Range, and ignoring is safest.
RangeResolution resolveRange(QByteArrayView headerValue, qint64 size, int maxRanges = 32);

QByteArray contentRangeHeader(const ByteRange &r, qint64 size); // "bytes 0-99/1000"
QByteArray unsatisfiedContentRange(qint64 size);                // "bytes */1000"

} // namespace cairn
