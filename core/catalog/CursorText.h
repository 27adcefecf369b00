#pragma once
// The text form of a keyset cursor: a JSON array of its sort keys, base64url without padding,
// so it travels in a query string untouched. Internal to the catalog.

#include <QJsonArray>
#include <QString>

#include <optional>

namespace cairn::cursortext {

QString encoded(const QJsonArray &fields);
// The array `text` holds when it has exactly `fields` values; nullopt for anything else.
std::optional<QJsonArray> decoded(const QString &text, qsizetype fields);
// A JSON number that is a whole number within [low, high] (JSON keeps ids as doubles: exact up
// to 2^53, far beyond any catalog).
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 low, qint64 high);

constexpr qint64 kMostId = qint64(1) << 53;

} // namespace cairn::cursortext
