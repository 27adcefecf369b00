// Conditional request headers (core/stream Preconditions, EntityTag, HttpDate): If-Match,
// If-None-Match, If-Modified-Since, If-Unmodified-Since and If-Range as a request carries them.
// Input: the method on the first line, then header lines "Name: value" (repeated names are
// joined with ", " as HttpRequest::header joins them).

#include "FuzzSupport.h"

#include "stream/EntityTag.h"
#include "stream/HttpDate.h"
#include "stream/Preconditions.h"

using namespace cairn;

namespace {

// The field a header line fills, as core/http's conditionalHeaders() picks them by name.
QByteArray *fieldFor(ConditionalHeaders &h, QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    if (lower == "if-match")
        return &h.ifMatch;
    if (lower == "if-none-match")
        return &h.ifNoneMatch;
    if (lower == "if-modified-since")
        return &h.ifModifiedSince;
    if (lower == "if-unmodified-since")
        return &h.ifUnmodifiedSince;
    if (lower == "if-range")
        return &h.ifRange;
    return nullptr;
}

// Whatever parses must print back to something that parses to the same value.
void checkValue(QByteArrayView value)
{
    if (const auto date = parseHttpDate(value)) {
        fuzz::require(date->isValid() && date->timeSpec() == Qt::UTC, "a parsed date is valid UTC");
        const QByteArray printed = formatHttpDate(*date);
        fuzz::require(!printed.isEmpty(), "a parsed date can be printed");
        fuzz::require(parseHttpDate(printed) == date, "a printed date parses back");
    }
    if (const auto tag = parseEntityTag(value)) {
        fuzz::require(tag->opaque.size() >= 2 && tag->opaque.startsWith('"') && tag->opaque.endsWith('"'),
                      "an entity-tag keeps its quotes");
        fuzz::require(parseEntityTag(tag->toHeaderValue()) == tag, "an entity-tag prints back");
    }
    if (const auto list = parseEntityTagList(value)) {
        fuzz::require(list->anyTag != !list->tags.isEmpty(), "a list is '*' or has tags");
        QByteArrayList printed;
        for (const EntityTag &t : list->tags)
            printed << t.toHeaderValue();
        if (!list->anyTag) {
            const auto again = parseEntityTagList(printed.join(", "));
            fuzz::require(again && again->tags == list->tags, "a tag list prints back");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    ConditionalHeaders headers;
    const QByteArrayView method = in.field();
    headers.isGetOrHead = method == "GET" || method == "HEAD";
    while (!in.atEnd()) {
        const QByteArrayView line = in.field();
        const qsizetype colon = line.indexOf(':');
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (QByteArray *field = colon > 0 ? fieldFor(headers, line.first(colon)) : nullptr)
            *field = field->isEmpty() ? value : *field + ", " + value;
        checkValue(line.sliced(colon + 1));
    }

    const QDateTime modified(QDate(2024, 3, 1), QTime(12, 30, 15, 250), Qt::UTC);
    const Validators validators{strongEtagFor(123456, modified, 42), modified};
    const PreconditionResult result = evaluatePreconditions(headers, validators);
    fuzz::require(result != PreconditionResult::NotModified || headers.isGetOrHead, "304 only for GET and HEAD");
    (void)ifRangeAllowsPartial(headers, validators);
    (void)evaluatePreconditions(headers, Validators{});
    (void)ifRangeAllowsPartial(headers, Validators{});
    return 0;
}
