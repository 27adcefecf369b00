#include "access/UserJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QJsonValue timeOf(qint64 secs)
{
    return secs > 0 ? QJsonValue(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate)) : QJsonValue();
}

DomainError wrongType(const QString &field, const QString &expected)
{
    return DomainError::invalid(u"'%1' must be %2"_s.arg(field, expected));
}

} // namespace

QJsonObject userToJson(const User &user)
{
    QJsonArray folders;
    for (qint64 id : user.folderIds)
        folders.append(id);
    return QJsonObject{
        {u"id"_s, user.id},
        {u"name"_s, user.name},
        {u"admin"_s, user.admin},
        {u"enabled"_s, user.enabled},
        {u"maxBitrate"_s, user.maxBitrate},
        {u"upload"_s, user.upload},
        {u"folders"_s, folders},
        {u"createdAt"_s, timeOf(user.createdAt)},
        {u"lastSeenAt"_s, timeOf(user.lastSeenAt)},
    };
}

Result<UserChanges> userChangesFromJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return DomainError::invalid(u"the body must be a JSON object"_s);
    const QJsonObject o = doc.object();
    UserChanges c;
    for (const auto &[key, target] : {std::pair{u"name"_s, &c.name}, std::pair{u"password"_s, &c.password}}) {
        if (!o.contains(key))
            continue;
        if (!o.value(key).isString())
            return wrongType(key, u"a string"_s);
        *target = o.value(key).toString();
    }
    for (const auto &[key, target] : {std::pair{u"admin"_s, &c.admin}, std::pair{u"enabled"_s, &c.enabled},
                                      std::pair{u"upload"_s, &c.upload}}) {
        if (!o.contains(key))
            continue;
        if (!o.value(key).isBool())
            return wrongType(key, u"true or false"_s);
        *target = o.value(key).toBool();
    }
    if (o.contains(u"maxBitrate"_s)) {
        const QJsonValue v = o.value(u"maxBitrate"_s);
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < 0 || v.toInteger() > 1000000)
            return wrongType(u"maxBitrate"_s, u"an integer from 0 to 1000000"_s);
        c.maxBitrate = int(v.toInteger());
    }
    if (o.contains(u"folders"_s)) {
        if (!o.value(u"folders"_s).isArray())
            return wrongType(u"folders"_s, u"an array of folder ids"_s);
        QList<qint64> ids;
        for (const QJsonValue &v : o.value(u"folders"_s).toArray()) {
            if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() <= 0)
                return wrongType(u"folders"_s, u"an array of folder ids"_s);
            ids << v.toInteger();
        }
        c.folderIds = ids;
    }
    return c;
}

} // namespace cairn
