#pragma once
// A Subsonic answer as a test reads it: the XML parsed into a DOM (default format) or the JSON
// object under "subsonic-response", with the status and error code at hand.

#include <QDomDocument>
#include <QJsonObject>

namespace cairn::test {

struct SubsonicXml
{
    QDomDocument doc;
    QDomElement root;        // <subsonic-response>
    bool parsed = false;

    static SubsonicXml parse(const QByteArray &body);
    QString status() const { return root.attribute(QStringLiteral("status")); }
    int errorCode() const;   // -1 when there is no <error>
    QDomElement first(const QString &tag) const;   // first descendant element named `tag`
    QList<QDomElement> all(const QString &tag) const;
};

struct SubsonicJson
{
    QJsonObject response;    // the object under "subsonic-response"
    bool parsed = false;

    static SubsonicJson parse(const QByteArray &body);
    QString status() const { return response.value(QStringLiteral("status")).toString(); }
    int errorCode() const;
};

} // namespace cairn::test
