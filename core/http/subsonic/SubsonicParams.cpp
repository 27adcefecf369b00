#include "subsonic/SubsonicParams.h"

#include "http/HttpRequest.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::subsonic {
namespace {

bool isFormBody(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return request.method == HttpMethod::Post && type == "application/x-www-form-urlencoded";
}

} // namespace

Params Params::from(const HttpRequest &request)
{
    Params p;
    p.m_items = request.query.queryItems(QUrl::FullyDecoded);
    if (isFormBody(request)) {
        // '+' is a space in forms; QUrlQuery leaves it alone.
        QByteArray body = request.body;
        body.replace('+', "%20");
        p.m_items += QUrlQuery(QString::fromUtf8(body)).queryItems(QUrl::FullyDecoded);
    }
    return p;
}

bool Params::has(const QString &name) const
{
    for (const auto &[key, v] : m_items)
        if (key == name)
            return true;
    return false;
}

QString Params::value(const QString &name) const
{
    for (const auto &[key, v] : m_items)
        if (key == name)
            return v;
    return {};
}

QStringList Params::values(const QString &name) const
{
    QStringList result;
    for (const auto &[key, v] : m_items)
        if (key == name)
            result << v;
    return result;
}

Result<QString> Params::required(const QString &name) const
{
    const QString v = value(name);
    if (v.isEmpty())
        return DomainError::invalid(u"required parameter '%1' is missing"_s.arg(name));
    return v;
}

Result<qint64> Params::integer(const QString &name, qint64 fallback, qint64 min, qint64 max) const
{
    if (!has(name))
        return fallback;
    bool ok = false;
    const qint64 v = value(name).trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return DomainError::invalid(u"parameter '%1' must be an integer from %2 to %3"_s.arg(name).arg(min).arg(max));
    return v;
}

Result<qint64> Params::requiredInteger(const QString &name, qint64 min, qint64 max) const
{
    if (const auto present = required(name); !present)
        return present.error();
    return integer(name, 0, min, max);
}

Result<bool> Params::boolean(const QString &name, bool fallback) const
{
    if (!has(name))
        return fallback;
    const QString v = value(name).trimmed().toLower();
    if (v == u"true"_s || v == u"1"_s)
        return true;
    if (v == u"false"_s || v == u"0"_s)
        return false;
    return DomainError::invalid(u"parameter '%1' must be true or false"_s.arg(name));
}

} // namespace cairn::subsonic
