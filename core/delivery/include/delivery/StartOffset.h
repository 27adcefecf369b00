#pragma once
// Where in a track a transcode starts: the `offset=SECONDS` a client names, read and bounded
// the same way by every route that starts FFmpeg mid-track.

#include "base/Result.h"

#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cairn {

// Plain decimal digits, optionally with a fraction ("12", "12.5"); no sign, exponent or spaces.
std::optional<double> parseOffsetSeconds(const QString &text);
// Why `seconds` cannot start a track of `durationMs` (0 = unknown: a day is the bound), or
// nullopt when it can: from 0 to below the duration; NaN never.
std::optional<DomainError> offsetError(double seconds, qint64 durationMs);
// The query's `offset`, 0 when it has none, checked against the track's duration.
Result<double> readOffset(const QUrlQuery &query, qint64 durationMs);

} // namespace cairn
