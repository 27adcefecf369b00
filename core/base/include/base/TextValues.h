#pragma once
// Ids and numbers as clients write them, parsed one way for every protocol (JSON API, Subsonic,
// DLNA object ids): plain decimal digits only, with the same messages for the same mistakes.

#include "base/Result.h"

#include <QString>
#include <QUrlQuery>

#include <optional>

namespace cairn {

// A non-negative 64-bit integer in plain decimal digits ("12", "012"; not "+12", " 12", "012x",
// "1e3", "0x10", nor anything beyond 2^63 - 1).
std::optional<qint64> parseDecimal(const QString &text);

// A positive 64-bit id in plain decimal digits.
std::optional<qint64> parseId(const QString &text);

// Plain decimal digits naming a positive number beyond 64 bits ("99999999999999999999"): a
// well-formed id that no item can have.
bool isIdBeyondRange(const QString &text);

// `text` as a positive id. Digits beyond 64 bits → NotFound "no such <what>" (a well-formed id
// nobody has, like any unknown one); anything else (0, "-1", "0x10", "1e3", "") → InvalidInput
// "<what> id must be a positive integer".
Result<qint64> requireId(const QString &text, const QString &what);

// An integer query parameter within [min, max]; absent → fallback; present but not such an
// integer → InvalidInput naming the parameter and the allowed range.
Result<qint64> intParam(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max);

} // namespace cairn
