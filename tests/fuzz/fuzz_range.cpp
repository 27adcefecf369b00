// Range header resolution (core/stream RangeRequest): any header value against any entity size.
// Input: the size on the first line, the Range value after it.

#include "FuzzSupport.h"

#include "stream/RangeRequest.h"

#include <limits>

using namespace cairn;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    const qint64 entitySize = in.number(1000, 0, std::numeric_limits<qint64>::max());
    const QByteArrayView header = in.rest();

    for (int maxRanges : {1, 32}) {
        const RangeResolution r = resolveRange(header, entitySize, maxRanges);
        switch (r.outcome) {
        case RangeOutcome::Full:
        case RangeOutcome::Unsatisfiable:
            fuzz::require(r.ranges.isEmpty(), "ranges only come with Partial");
            break;
        case RangeOutcome::Partial:
            fuzz::require(!r.ranges.isEmpty(), "Partial has a range");
            fuzz::require(r.ranges.size() <= maxRanges, "no more ranges than specs allowed");
            for (qsizetype i = 0; i < r.ranges.size(); ++i) {
                const ByteRange &b = r.ranges.at(i);
                fuzz::require(b.first >= 0 && b.first <= b.last && b.last < entitySize, "range inside the entity");
                fuzz::require(i == 0 || r.ranges.at(i - 1).last + 1 < b.first, "ascending, apart");
                const QByteArray header = contentRangeHeader(b, entitySize);
                fuzz::require(header.startsWith("bytes ") && header.endsWith(QByteArray('/' + QByteArray::number(entitySize))),
                              "Content-Range names the size");
            }
            break;
        }
    }
    return 0;
}
