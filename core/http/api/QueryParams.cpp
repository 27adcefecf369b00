#include "http/api/QueryParams.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
std::variant<qint64, ApiError> intParam(const QUrlQuery &query, const QString &name, qint64 fallback,
                                        qint64 min, qint64 max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    const auto value = parseDecimal(text);
    if (!value || *value < min || *value > max)
        return ApiError::badRequest(u"'%1' must be an integer from %2 to %3"_s.arg(name).arg(min).arg(max));
    return *value;
}

} // namespace cairn
