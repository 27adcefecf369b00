#include "SoapFixtures.h"

#include <QXmlStreamReader>

namespace cairn::test {

QByteArray soapBody(const QByteArray &service, const QByteArray &action, const QByteArray &args)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
           "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">\n<s:Body><u:"
        + action + " xmlns:u=\"" + service + "\">" + args + "</u:" + action + "></s:Body></s:Envelope>";
}

QString elementText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader r(xml);
    while (!r.atEnd() && !r.hasError()) {
        r.readNext();
        if (r.isStartElement() && r.name() == name)
            return r.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return {};
}

} // namespace cairn::test
