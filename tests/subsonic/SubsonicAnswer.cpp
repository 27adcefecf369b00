#include "SubsonicAnswer.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

SubsonicXml SubsonicXml::parse(const QByteArray &body)
{
    SubsonicXml x;
    x.parsed = bool(x.doc.setContent(body, true));
    x.root = x.doc.documentElement();
    x.parsed = x.parsed && x.root.tagName() == u"subsonic-response"_s
        && x.root.namespaceURI() == u"http://subsonic.org/restapi"_s;
    return x;
}

int SubsonicXml::errorCode() const
{
    const QDomElement e = first(u"error"_s);
    return e.isNull() ? -1 : e.attribute(u"code"_s).toInt();
}

QDomElement SubsonicXml::first(const QString &tag) const
{
    const QDomNodeList list = root.elementsByTagName(tag);
    return list.isEmpty() ? QDomElement() : list.at(0).toElement();
}

QList<QDomElement> SubsonicXml::all(const QString &tag) const
{
    QList<QDomElement> result;
    const QDomNodeList list = root.elementsByTagName(tag);
    for (int i = 0; i < list.size(); ++i)
        result << list.at(i).toElement();
    return result;
}

SubsonicJson SubsonicJson::parse(const QByteArray &body)
{
    SubsonicJson j;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    j.response = doc.object().value(u"subsonic-response"_s).toObject();
    j.parsed = error.error == QJsonParseError::NoError && !j.response.isEmpty();
    return j;
}

int SubsonicJson::errorCode() const
{
    const QJsonValue e = response.value(u"error"_s);
    return e.isObject() ? e.toObject().value(u"code"_s).toInt() : -1;
}

} // namespace cairn::test
