#include "api/VideoPreviewQuery.h"

#include "base/TextValues.h"
#include "preview/VideoPreviews.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

bool allDigits(const QString &text)
{
    return !text.isEmpty()
           && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString decimalSeconds(qint64 ms)
{
    const qint64 value = qMax<qint64>(0, ms);
    return QString::number(value / 1000) + u'.' + QString::number(value % 1000).rightJustified(3, u'0');
}

Result<qint64> previewTimeParam(const QUrlQuery &query, qint64 durationMs)
{
    const DomainError allowed = DomainError::invalid(
        u"'t' must be a number of seconds from 0 to %1 (the video's duration)"_s.arg(decimalSeconds(durationMs)));
    if (!query.hasQueryItem(u"t"_s))
        return allowed;
    // Digits with an optional fraction; no sign, exponent, "inf" or "nan".
    static const QRegularExpression decimal(u"^(?:[0-9]{1,9}(?:\\.[0-9]*)?|\\.[0-9]+)$"_s);
    const QString text = query.queryItemValue(u"t"_s, QUrl::FullyDecoded);
    if (!decimal.match(text).hasMatch())
        return allowed;
    const qint64 ms = std::llround(text.toDouble() * 1000.0);
    if (ms > qMax<qint64>(0, durationMs))
        return allowed;
    return ms;
}

Result<int> previewWidthParam(const QUrlQuery &query)
{
    if (!query.hasQueryItem(u"width"_s))
        return VideoPreviews::kDefaultWidth;
    const QString text = query.queryItemValue(u"width"_s, QUrl::FullyDecoded);
    if (!allDigits(text))
        return DomainError::invalid(u"'width' must be a whole number of pixels (it is clamped to %1–%2)"_s
                                        .arg(VideoPreviews::kMinWidth)
                                        .arg(VideoPreviews::kMaxWidth));
    // Long digit strings cannot overflow: anything past 9 digits is simply "very wide".
    return VideoPreviews::clampWidth(text.size() > 9 ? VideoPreviews::kMaxWidth : text.toLongLong());
}

Result<int> previewCountParam(const QUrlQuery &query)
{
    const auto count = intParam(query, u"count"_s, VideoPreviews::kDefaultCount, 1, VideoPreviews::kMaxCount);
    if (!count)
        return count.error();
    return int(*count);
}

} // namespace cairn
