#pragma once
// HTTP-date values (RFC 9110 §5.6.7): IMF-fixdate on output; IMF-fixdate, RFC 850 and asctime
// accepted on input, independent of the locale.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace cairn {

QByteArray formatHttpDate(const QDateTime &t);               // "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<QDateTime> parseHttpDate(QByteArrayView value); // UTC; nullopt when invalid

} // namespace cairn
