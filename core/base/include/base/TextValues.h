#pragma once
// Ids and numbers as clients write them, parsed one way for every protocol (JSON API, Subsonic,
// DLNA object ids): plain decimal digits only, with the same messages for the same mistakes.

#include "base/Result.h"

#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cairn {

// A non-negative integer in plain decimal digits ("12"; not "+12", " 12", "012x", "1e3").
std::optional<qint64> parseDecimal(const QString &text);

// A positive 64-bit id in plain decimal digits.
std::optional<qint64> parseId(const QString &text);

// `text` as a positive id; otherwise InvalidInput "<what> id must be a positive integer".
Result<qint64> requireId(const QString &text, const QString &what);

// An integer query parameter within [min, max]; absent → fallback; present but not such an
// integer → InvalidInput naming the parameter and the allowed range.
Result<qint64> intParam(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max);

} // namespace cairn
