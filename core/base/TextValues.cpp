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

} // namespace cairn
