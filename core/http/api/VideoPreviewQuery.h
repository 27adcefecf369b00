#pragma once
// The query parameters of the video preview routes as values: `t` (seconds within the video),
// `width` (pixels, clamped) and `count` (thumbnails); bad input is InvalidInput saying what is allowed.

#include "base/Result.h"

#include <QString>
#include <QUrlQuery>

namespace cairn {

// `t`, required: plain decimal seconds ("12", "12.5"), from 0 to the duration; → milliseconds.
Result<qint64> previewTimeParam(const QUrlQuery &query, qint64 durationMs);
// `width`, optional (default 320): a whole number of pixels, clamped to 64–1920.
Result<int> previewWidthParam(const QUrlQuery &query);
// `count`, optional (default 10): 1–100.
Result<int> previewCountParam(const QUrlQuery &query);

// Milliseconds as exact decimal seconds: 12500 → "12.500".
QString decimalSeconds(qint64 ms);

} // namespace cairn
