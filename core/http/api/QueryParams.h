#pragma once
// Parsing of ids and numeric query parameters into values, with the API's error for bad input.

#include "base/TextValues.h"
#include "http/ApiError.h"

#include <QString>
#include <QUrlQuery>

#include <optional>
#include <variant>

namespace cairn {

// An integer query parameter within [min, max]; absent → fallback; present but not such an
// integer → ApiError 400 naming the parameter and the allowed range.
std::variant<qint64, ApiError> intParam(const QUrlQuery &query, const QString &name, qint64 fallback,
                                        qint64 min, qint64 max);

} // namespace cairn
