#include "base/TextValues.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

std::optional<qint64> parseDecimal(const QString &text)
{
    // 18 digits always fit in a qint64, so no overflow check is needed.
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    return text.toLongLong();
}

std::optional<qint64> parseId(const QString &text)
{
    const auto value = parseDecimal(text);
    if (!value || *value <= 0)
        return std::nullopt;
    return value;
}

Result<qint64> requireId(const QString &text, const QString &what)
{
    if (const auto id = parseId(text))
        return *id;
    return DomainError::invalid(u"%1 id must be a positive integer"_s.arg(what));
}

Result<qint64> intParam(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const auto value = parseDecimal(query.queryItemValue(name, QUrl::FullyDecoded));
    if (!value || *value < min || *value > max)
        return DomainError::invalid(u"'%1' must be an integer from %2 to %3"_s.arg(name).arg(min).arg(max));
    return *value;
}

} // namespace cairn
