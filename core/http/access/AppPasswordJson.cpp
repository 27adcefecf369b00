#include "access/AppPasswordJson.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QJsonValue timeOf(qint64 secs)
{
    return secs > 0 ? QJsonValue(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QJsonObject appPasswordToJson(const AppPasswordInfo &info)
{
    return QJsonObject{
        {u"id"_s, info.id},
        {u"name"_s, info.name},
        {u"createdAt"_s, timeOf(info.createdAt)},
        {u"lastUsedAt"_s, timeOf(info.lastUsedAt)},
    };
}

QJsonObject createdAppPasswordToJson(const CreatedAppPassword &created)
{
    return QJsonObject{
        {u"id"_s, created.id},
        {u"name"_s, created.name},
        {u"secret"_s, created.secret},
        {u"createdAt"_s, timeOf(created.createdAt)},
    };
}

Result<QString> appPasswordNameFromJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return DomainError::invalid(u"the body must be a JSON object"_s);
    const QJsonValue name = doc.object().value(u"name"_s);
    if (!name.isString())
        return DomainError::invalid(u"'name' must be a string"_s);
    return name.toString();
}

} // namespace cairn
