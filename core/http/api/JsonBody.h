#pragma once
// Reading request bodies of the library-state routes: a JSON object or array, and the values in
// them, each mistake an InvalidInput that names the field and what it must be.

#include "base/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace cairn {

Result<QJsonObject> objectBody(const QByteArray &body);
// An empty body is an empty object: for routes whose fields are all optional.
Result<QJsonObject> optionalObjectBody(const QByteArray &body);
Result<QJsonArray> arrayBody(const QByteArray &body);

// `value` as a whole number within [min, max]; `field` names it in the error.
Result<qint64> integerIn(const QJsonValue &value, const QString &field, qint64 min, qint64 max);
// An array of positive whole numbers (ids), in order, duplicates kept.
Result<QList<qint64>> idArray(const QJsonValue &value, const QString &field);
// An array of list positions (whole numbers from 0).
Result<QList<int>> indexArray(const QJsonValue &value, const QString &field);
// InvalidInput naming the first key of `object` that is not one of `known`, with `known` allowed.
Outcome onlyKnownFields(const QJsonObject &object, const QStringList &known);

// Optional fields of an object: nullopt when absent, else the value or the error.
Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &field);
Result<std::optional<bool>> optionalBool(const QJsonObject &object, const QString &field);

} // namespace cairn
