#include "delivery/StartOffset.h"

#include "AskMessages.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Offsets into a track of unknown duration stop at a day: beyond that is a client's mistake.
constexpr double kMaxUnknownOffset = 86400;

} // namespace

std::optional<double> parseOffsetSeconds(const QString &text)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    int dots = 0;
    for (QChar c : text) {
        if (c == u'.')
            ++dots;
        else if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    if (dots > 1 || text.startsWith(u'.') || text.endsWith(u'.'))
        return std::nullopt;
    return text.toDouble();
}

std::optional<DomainError> offsetError(double seconds, qint64 durationMs)
{
    const double duration = double(durationMs) / 1000.0;
    const double limit = duration > 0 ? duration : kMaxUnknownOffset;
    if (!(seconds >= 0 && seconds < limit))   // also refuses NaN
        return DomainError::invalid(ask::badOffset(limit));
    return std::nullopt;
}

Result<double> readOffset(const QUrlQuery &query, qint64 durationMs)
{
    if (!query.hasQueryItem(u"offset"_s))
        return 0.0;
    // Unreadable text is NaN, which the bounds refuse with the words that say what is allowed.
    const double seconds = parseOffsetSeconds(query.queryItemValue(u"offset"_s, QUrl::FullyDecoded))
                               .value_or(std::numeric_limits<double>::quiet_NaN());
    if (auto error = offsetError(seconds, durationMs))
        return *error;
    return seconds;
}

} // namespace cairn
