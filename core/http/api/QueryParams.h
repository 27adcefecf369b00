#pragma once
// Parsing of ids and numeric query parameters into values, with the API's error for bad input.

#include "http/ApiError.h"

#include <QString>
#include <QUrlQuery>

#include <optional>
#include <variant>

namespace cairn {

// A positive 64-bit id written in plain decimal digits ("12"; not "+12", "012x", "1e3").
std::optional<qint64> parseId(const QString &text);

// An integer query parameter within [min, max]; absent → fallback; present but not such an
// integer → ApiError 400 naming the parameter and the allowed range.
std::variant<qint64, ApiError> intParam(const QUrlQuery &query, const QString &name, qint64 fallback,
                                        qint64 min, qint64 max);

} // namespace cairn
