#include "dlna/SoapMessage.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {
namespace {

const QString kEnvelopeNs = u"http://schemas.xmlsoap.org/soap/envelope/"_s;
const QString kEncoding = u"http://schemas.xmlsoap.org/soap/encoding/"_s;
constexpr int kMaxArguments = 32;
constexpr qsizetype kMaxArgumentLength = 16 * 1024;

SoapFault invalidArgs(const QString &why)
{
    return {402, u"Invalid Args: "_s + why};
}

// Reads the text of the current element, refusing child elements.
std::optional<QString> plainText(QXmlStreamReader &xml)
{
    QString text;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::Characters:
            text += xml.text();
            if (text.size() > kMaxArgumentLength)
                return std::nullopt;
            break;
        case QXmlStreamReader::EndElement:
            return text;
        case QXmlStreamReader::Comment:
            break;
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// "\"urn:schemas-upnp-org:service:ContentDirectory:1#Browse\"" → {type, action}.
std::optional<QPair<QString, QString>> splitSoapAction(const QByteArray &header)
{
    QString value = QString::fromLatin1(header.trimmed());
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        value = value.mid(1, value.size() - 2);
    const qsizetype hash = value.lastIndexOf(u'#');
    if (hash <= 0 || hash == value.size() - 1)
        return std::nullopt;
    return QPair<QString, QString>{value.left(hash), value.mid(hash + 1)};
}

// <s:Envelope s:encodingStyle=…><s:Body>, left open for the answer's content.
void startEnvelope(QXmlStreamWriter &xml)
{
    xml.writeStartDocument();
    xml.writeNamespace(kEnvelopeNs, u"s"_s);
    xml.writeStartElement(kEnvelopeNs, u"Envelope"_s);
    xml.writeAttribute(kEnvelopeNs, u"encodingStyle"_s, kEncoding);
    xml.writeStartElement(kEnvelopeNs, u"Body"_s);
}

} // namespace

std::variant<SoapCall, SoapFault> parseSoapCall(const QByteArray &body, const QByteArray &soapAction)
{
    if (body.size() > kMaxSoapBody)
        return invalidArgs(u"the request is too large"_s);
    QXmlStreamReader xml(body);
    SoapCall call;
    enum class At { Document, Envelope, Body, Action } at = At::Document;
    bool done = false;
    while (!xml.atEnd() && !done) {
        const auto token = xml.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            // Entity declarations are how "billion laughs" bodies grow: never read them.
            return invalidArgs(u"a DTD is not allowed"_s);
        case QXmlStreamReader::StartElement:
            if (at == At::Document) {
                if (xml.name() != u"Envelope"_s || xml.namespaceUri() != kEnvelopeNs)
                    return invalidArgs(u"not a SOAP envelope"_s);
                at = At::Envelope;
            } else if (at == At::Envelope) {
                if (xml.namespaceUri() == kEnvelopeNs && xml.name() == u"Header"_s) {
                    xml.skipCurrentElement();
                    continue;
                }
                if (xml.name() != u"Body"_s || xml.namespaceUri() != kEnvelopeNs)
                    return invalidArgs(u"no SOAP body"_s);
                at = At::Body;
            } else if (at == At::Body) {
                call.serviceType = xml.namespaceUri().toString();
                call.action = xml.name().toString();
                at = At::Action;
            } else {
                const QString name = xml.name().toString();
                const auto text = plainText(xml);
                if (!text)
                    return invalidArgs(u"argument %1 is not plain text"_s.arg(name));
                if (call.arguments.size() >= kMaxArguments || call.arguments.contains(name))
                    return invalidArgs(u"too many or repeated arguments"_s);
                call.arguments.insert(name, *text);
            }
            break;
        case QXmlStreamReader::EndElement:
            if (at == At::Action)
                done = true;
            break;
        default:
            break;
        }
    }
    if (xml.hasError() && !done)
        return invalidArgs(u"malformed XML: "_s + xml.errorString());
    if (!done || call.action.isEmpty())
        return invalidArgs(u"no action in the SOAP body"_s);
    if (!soapAction.isEmpty()) {
        const auto named = splitSoapAction(soapAction);
        if (!named || named->second != call.action || named->first != call.serviceType)
            return SoapFault{401, u"Invalid Action: SOAPACTION names another action than the body"_s};
    }
    return call;
}

QByteArray soapResponse(const QString &serviceType, const QString &action,
                        const QList<QPair<QString, QString>> &outArguments)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    startEnvelope(xml);
    xml.writeNamespace(serviceType, u"u"_s);
    xml.writeStartElement(serviceType, action + u"Response"_s);
    for (const auto &[name, value] : outArguments)
        xml.writeTextElement(name, value);   // unqualified, as UPnP's examples and every TV expect
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QByteArray soapFaultBody(const SoapFault &fault)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    startEnvelope(xml);
    xml.writeStartElement(kEnvelopeNs, u"Fault"_s);
    xml.writeTextElement(u"faultcode"_s, u"s:Client"_s);
    xml.writeTextElement(u"faultstring"_s, u"UPnPError"_s);
    xml.writeStartElement(u"detail"_s);
    xml.writeDefaultNamespace(u"urn:schemas-upnp-org:control-1-0"_s);
    xml.writeStartElement(u"urn:schemas-upnp-org:control-1-0"_s, u"UPnPError"_s);
    xml.writeTextElement(u"urn:schemas-upnp-org:control-1-0"_s, u"errorCode"_s, QString::number(fault.code));
    xml.writeTextElement(u"urn:schemas-upnp-org:control-1-0"_s, u"errorDescription"_s, fault.description);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace cairn::dlna
