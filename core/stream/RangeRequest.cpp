#include "stream/RangeRequest.h"

#include "HeaderSyntax.h"

#include <algorithm>
#include <optional>

namespace cairn {

namespace {

// A syntactically valid range-spec, before it is resolved against the entity size.
struct RangeSpec
{
    std::optional<qint64> first; // absent for a suffix range
    std::optional<qint64> last;  // absent for "a-" and for a suffix range
    qint64 suffixLength = 0;
};

std::optional<RangeSpec> parseSpec(QByteArrayView spec)
{
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArrayView head = spec.first(dash);
    const QByteArrayView tail = spec.sliced(dash + 1);
    RangeSpec parsed;
    if (head.isEmpty()) {
        const auto n = syntax::parseDigits(tail);
        if (!n)
            return std::nullopt;
        parsed.suffixLength = *n;
        return parsed;
    }
    parsed.first = syntax::parseDigits(head);
    if (!parsed.first)
        return std::nullopt;
    if (!tail.isEmpty()) {
        parsed.last = syntax::parseDigits(tail);
        if (!parsed.last || *parsed.last < *parsed.first)
            return std::nullopt;
    }
    return parsed;
}

// Parses "bytes=<range-set>"; empty list elements are ignored as RFC 9110 §5.6.1.2 requires.
std::optional<QList<RangeSpec>> parseRangeSet(QByteArrayView value, int maxRanges)
{
    static constexpr QByteArrayView unit = "bytes=";
    value = syntax::trimOws(value);
    if (value.size() < unit.size() || value.first(unit.size()).compare(unit, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    QByteArrayView rest = value.sliced(unit.size());
    QList<RangeSpec> specs;
    while (true) {
        const qsizetype comma = rest.indexOf(',');
        const QByteArrayView element = syntax::trimOws(comma < 0 ? rest : rest.first(comma));
        if (!element.isEmpty()) {
            const auto spec = parseSpec(element);
            if (!spec || specs.size() >= maxRanges)
                return std::nullopt;
            specs.append(*spec);
        }
        if (comma < 0)
            break;
        rest = rest.sliced(comma + 1);
    }
    if (specs.isEmpty())
        return std::nullopt;
    return specs;
}

std::optional<ByteRange> satisfiable(const RangeSpec &spec, qint64 size)
{
    if (size <= 0)
        return std::nullopt;
    if (!spec.first) {
        if (spec.suffixLength == 0)
            return std::nullopt;
        return ByteRange{std::max<qint64>(0, size - spec.suffixLength), size - 1};
    }
    if (*spec.first >= size)
        return std::nullopt;
    const qint64 last = spec.last ? std::min(*spec.last, size - 1) : size - 1;
    return ByteRange{*spec.first, last};
}

QList<ByteRange> coalesce(QList<ByteRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const ByteRange &a, const ByteRange &b) { return a.first < b.first; });
    QList<ByteRange> merged;
    for (const ByteRange &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.first <= merged.back().last + 1)
            merged.back().last = std::max(merged.back().last, r.last);
        else
            merged.append(r);
    }
    return merged;
}

} // namespace

RangeResolution resolveRange(QByteArrayView headerValue, qint64 size, int maxRanges)
{
    const auto specs = parseRangeSet(headerValue, maxRanges);
    if (!specs)
        return {};
    QList<ByteRange> ranges;
    for (const RangeSpec &spec : *specs) {
        if (const auto r = satisfiable(spec, size))
            ranges.append(*r);
    }
    if (ranges.isEmpty())
        return {RangeOutcome::Unsatisfiable, {}};
    return {RangeOutcome::Partial, coalesce(std::move(ranges))};
}

QByteArray contentRangeHeader(const ByteRange &r, qint64 size)
{
    return "bytes " + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
           + QByteArray::number(size);
}

QByteArray unsatisfiedContentRange(qint64 size)
{
    return "bytes */" + QByteArray::number(size);
}

} // namespace cairn
