#include "base/TextValues.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

std::optional<qint64> parseDecimal(const QString &text)
{
    if (!isDigits(text))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);   // digits only, so !ok means beyond 64 bits
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool isIdBeyondRange(const QString &text)
{
    return isDigits(text) && !parseDecimal(text);   // digits that overflow are never all zeros
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
    // Well written, but too large for any row: the same answer as an id nobody has.
    if (isIdBeyondRange(text))
        return DomainError::notFound(u"no such %1"_s.arg(what));
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
