#include "stream/Preconditions.h"

#include "stream/EntityTag.h"
#include "stream/HttpDate.h"

#include <algorithm>

namespace cairn {

namespace {

// HTTP-dates have whole seconds, so the file time is truncated before any comparison.
std::optional<qint64> lastModifiedSecs(const Validators &v)
{
    if (!v.lastModified.isValid())
        return std::nullopt;
    return v.lastModified.toSecsSinceEpoch();
}

std::optional<qint64> headerSecs(const QByteArray &value)
{
    const auto date = parseHttpDate(value);
    if (!date)
        return std::nullopt;
    return date->toSecsSinceEpoch();
}

// A malformed list matches nothing; "*" matches because the representation exists.
bool listMatches(const QByteArray &header, const Validators &v, bool (*match)(const EntityTag &, const EntityTag &))
{
    const auto list = parseEntityTagList(header);
    if (!list)
        return false;
    if (list->anyTag)
        return true;
    const auto current = parseEntityTag(v.etag);
    if (!current)
        return false;
    return std::any_of(list->tags.cbegin(), list->tags.cend(),
                       [&](const EntityTag &t) { return match(t, *current); });
}

// Step 2: a date the server cannot use (invalid, or no Last-Modified) makes the header ignored.
bool unmodifiedSinceHolds(const ConditionalHeaders &h, const Validators &v)
{
    const auto since = headerSecs(h.ifUnmodifiedSince);
    const auto modified = lastModifiedSecs(v);
    if (!since || !modified)
        return true;
    return *modified <= *since;
}

// Step 4: also ignored for a date in the future, which cannot be a Last-Modified we sent.
bool modifiedSinceHolds(const ConditionalHeaders &h, const Validators &v)
{
    const auto since = headerSecs(h.ifModifiedSince);
    const auto modified = lastModifiedSecs(v);
    if (!since || !modified || *since > QDateTime::currentSecsSinceEpoch())
        return true;
    return *modified > *since;
}

} // namespace

PreconditionResult evaluatePreconditions(const ConditionalHeaders &h, const Validators &v)
{
    if (!h.ifMatch.isEmpty()) {
        if (!listMatches(h.ifMatch, v, strongMatch))
            return PreconditionResult::PreconditionFailed;
    } else if (!h.ifUnmodifiedSince.isEmpty() && !unmodifiedSinceHolds(h, v)) {
        return PreconditionResult::PreconditionFailed;
    }

    if (!h.ifNoneMatch.isEmpty()) {
        if (listMatches(h.ifNoneMatch, v, weakMatch))
            return h.isGetOrHead ? PreconditionResult::NotModified : PreconditionResult::PreconditionFailed;
    } else if (h.isGetOrHead && !h.ifModifiedSince.isEmpty() && !modifiedSinceHolds(h, v)) {
        return PreconditionResult::NotModified;
    }
    return PreconditionResult::Proceed;
}

bool ifRangeAllowsPartial(const ConditionalHeaders &h, const Validators &v)
{
    if (h.ifRange.isEmpty())
        return true;
    const QByteArrayView value = h.ifRange;
    if (value.trimmed().startsWith('"') || value.trimmed().startsWith("W/")) {
        const auto sent = parseEntityTag(value);
        const auto current = parseEntityTag(v.etag);
        return sent && current && strongMatch(*sent, *current);
    }
    const auto date = headerSecs(h.ifRange);
    const auto modified = lastModifiedSecs(v);
    return date && modified && *date == *modified;
}

} // namespace cairn
