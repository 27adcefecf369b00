// Range header resolution (core/stream RangeRequest): any header value against any entity size,
// and against a live transcode's announced length (core/transcode LiveLayout: MP3 CBR and WAV).
// Input: the size on the first line, the Range value after it. The size also serves as the
// source's duration in microseconds, as libavformat gives it.

#include "FuzzSupport.h"

#include "stream/RangeRequest.h"
#include "transcode/LiveLayout.h"

#include <cmath>
#include <limits>

using namespace cairn;

namespace {

void checkLivePlan(const OutputSpec &spec, double durationSeconds, QByteArrayView header)
{
    const double offset = 1.5;
    const auto plan = planLive(spec, durationSeconds, offset, header);
    if (!plan)
        return;
    fuzz::require(plan->totalLength == -1 || plan->totalLength > 0, "a live length is unknown or positive");
    fuzz::require(std::isfinite(plan->startSeconds) && plan->startSeconds >= offset, "FFmpeg starts at the offset or later");
    fuzz::require(plan->skipBytes >= 0 && plan->skipBytes < 2 * spec.channels, "less than a sample frame is skipped");
    fuzz::require(plan->prefix.size() <= 44, "the prefix is (a part of) the WAV header");
    if (plan->totalLength < 0)
        return;
    const ByteRange &r = plan->range;
    fuzz::require(r.first >= 0 && r.first <= r.last && r.last < plan->totalLength, "the live range is inside");
    fuzz::require(plan->partial || (r.first == 0 && r.last == plan->totalLength - 1), "a full answer is whole");
    fuzz::require(plan->bodyLength == r.length(), "the body is the range");
}

} // namespace

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

    // libavformat durations are 64-bit microseconds: at most about 9.2e12 seconds.
    const double durationSeconds = double(entitySize) / 1e6;
    checkLivePlan(OutputSpec{OutputFormat::Mp3, 320, 44100, 2}, durationSeconds, header);
    checkLivePlan(OutputSpec{OutputFormat::Mp3, 32, 22050, 1}, durationSeconds, header);
    checkLivePlan(OutputSpec{OutputFormat::Wav, 0, 192000, 2}, durationSeconds, header);
    checkLivePlan(OutputSpec{OutputFormat::Wav, 0, 8000, 1}, durationSeconds, header);
    return 0;
}
