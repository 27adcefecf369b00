#include "api/JsonBody.h"

#include <QJsonDocument>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

DomainError mustBe(const QString &field, const QString &what)
{
    return DomainError::invalid(u"'%1' must be %2"_s.arg(field, what));
}

Result<QJsonDocument> document(const QByteArray &body, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return DomainError::invalid(
            u"the body must be %1 (%2 at offset %3)"_s.arg(what, error.errorString()).arg(error.offset));
    return doc;
}

// JSON numbers are doubles: 3.0 is whole, 3.5 and 1e300 are not ids.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

} // namespace

Result<QJsonObject> objectBody(const QByteArray &body)
{
    const auto doc = document(body, u"a JSON object"_s);
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return DomainError::invalid(u"the body must be a JSON object"_s);
    return doc->object();
}

Result<QJsonObject> optionalObjectBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    return objectBody(body);
}

Result<QJsonArray> arrayBody(const QByteArray &body)
{
    const auto doc = document(body, u"a JSON array"_s);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return DomainError::invalid(u"the body must be a JSON array"_s);
    return doc->array();
}

Result<qint64> integerIn(const QJsonValue &value, const QString &field, qint64 min, qint64 max)
{
    const auto number = wholeNumber(value);
    if (!number || *number < min || *number > max)
        return mustBe(field, u"a whole number from %1 to %2"_s.arg(min).arg(max));
    return *number;
}

Result<QList<qint64>> idArray(const QJsonValue &value, const QString &field)
{
    if (!value.isArray())
        return mustBe(field, u"an array of ids (positive integers)"_s);
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    ids.reserve(array.size());
    for (const QJsonValue &item : array) {
        const auto id = wholeNumber(item);
        if (!id || *id <= 0)
            return mustBe(field, u"an array of ids (positive integers)"_s);
        ids << *id;
    }
    return ids;
}

Result<QList<int>> indexArray(const QJsonValue &value, const QString &field)
{
    if (!value.isArray())
        return mustBe(field, u"an array of positions (whole numbers from 0)"_s);
    QList<int> indexes;
    for (const QJsonValue &item : value.toArray()) {
        const auto index = wholeNumber(item);
        if (!index || *index < 0 || *index > std::numeric_limits<int>::max())
            return mustBe(field, u"an array of positions (whole numbers from 0)"_s);
        indexes << int(*index);
    }
    return indexes;
}

Outcome onlyKnownFields(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return DomainError::invalid(
                u"unknown field '%1'; the fields are: %2"_s.arg(it.key(), known.join(u", "_s)), known);
    }
    return Done{};
}

Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &field)
{
    if (!object.contains(field))
        return std::optional<QString>();
    if (!object.value(field).isString())
        return mustBe(field, u"a string"_s);
    return std::optional<QString>(object.value(field).toString());
}

Result<std::optional<bool>> optionalBool(const QJsonObject &object, const QString &field)
{
    if (!object.contains(field))
        return std::optional<bool>();
    if (!object.value(field).isBool())
        return mustBe(field, u"true or false"_s);
    return std::optional<bool>(object.value(field).toBool());
}

} // namespace cairn
