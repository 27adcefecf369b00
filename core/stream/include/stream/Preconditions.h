#pragma once
// Conditional request evaluation (RFC 9110 §13.2.2) for a representation with an entity-tag and
// a modification date.

#include <QByteArray>
#include <QDateTime>

namespace cairn {

struct Validators
{
    QByteArray etag;        // with its quotes, e.g. from strongEtagFor()
    QDateTime lastModified; // UTC; compared at second precision
};

struct ConditionalHeaders
{
    QByteArray ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, ifRange; // empty = absent
    bool isGetOrHead = true;
};

enum class PreconditionResult { Proceed, NotModified /*304*/, PreconditionFailed /*412*/ };

// Steps 1-4 of §13.2.2, in order; If-Range (step 5) is ifRangeAllowsPartial().
PreconditionResult evaluatePreconditions(const ConditionalHeaders &h, const Validators &v);

// True when a Range header may be honoured: If-Range absent, a strongly matching entity-tag, or
// an HTTP-date exactly equal to lastModified. Anything else means "send the full 200".
bool ifRangeAllowsPartial(const ConditionalHeaders &h, const Validators &v);

} // namespace cairn
