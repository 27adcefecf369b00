#include "dlna/DeviceDescription.h"

#include "dlna/DeviceIdentity.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {
namespace {

struct ServiceEntry
{
    QString type;
    QString id;
    QString key;   // "cds" → /dlna/cds.xml, /dlna/cds/control, /dlna/cds/event
};

const QList<ServiceEntry> &services()
{
    static const QList<ServiceEntry> list{
        {u"urn:schemas-upnp-org:service:ContentDirectory:1"_s, u"urn:upnp-org:serviceId:ContentDirectory"_s, u"cds"_s},
        {u"urn:schemas-upnp-org:service:ConnectionManager:1"_s, u"urn:upnp-org:serviceId:ConnectionManager"_s, u"cms"_s},
        {u"urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"_s,
         u"urn:microsoft.com:serviceId:X_MS_MediaReceiverRegistrar"_s, u"mrr"_s},
    };
    return list;
}

void writeIcon(QXmlStreamWriter &xml, const QString &mime, int size, const QString &file)
{
    xml.writeStartElement(u"icon"_s);
    xml.writeTextElement(u"mimetype"_s, mime);
    xml.writeTextElement(u"width"_s, QString::number(size));
    xml.writeTextElement(u"height"_s, QString::number(size));
    xml.writeTextElement(u"depth"_s, u"24"_s);
    xml.writeTextElement(u"url"_s, u"/dlna/icons/"_s + file);
    xml.writeEndElement();
}

} // namespace

QByteArray deviceDescription(const DeviceIdentity &identity)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(u"urn:schemas-upnp-org:device-1-0"_s);
    xml.writeNamespace(u"urn:schemas-dlna-org:device-1-0"_s, u"dlna"_s);
    xml.writeStartElement(u"urn:schemas-upnp-org:device-1-0"_s, u"root"_s);
    xml.writeStartElement(u"specVersion"_s);
    xml.writeTextElement(u"major"_s, u"1"_s);
    xml.writeTextElement(u"minor"_s, u"0"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"device"_s);
    xml.writeTextElement(u"deviceType"_s, u"urn:schemas-upnp-org:device:MediaServer:1"_s);
    xml.writeTextElement(u"urn:schemas-dlna-org:device-1-0"_s, u"X_DLNADOC"_s, u"DMS-1.50"_s);
    xml.writeTextElement(u"friendlyName"_s, identity.friendlyName);
    xml.writeTextElement(u"manufacturer"_s, u"Cairn"_s);
    xml.writeTextElement(u"modelDescription"_s, u"Cairn home media server"_s);
    xml.writeTextElement(u"modelName"_s, u"Cairn"_s);
    const QString version = QCoreApplication::applicationVersion();
    xml.writeTextElement(u"modelNumber"_s, version.isEmpty() ? u"1"_s : version);
    xml.writeTextElement(u"serialNumber"_s, identity.uuid);
    xml.writeTextElement(u"UDN"_s, identity.udn());
    xml.writeStartElement(u"iconList"_s);
    writeIcon(xml, u"image/png"_s, 48, u"icon-48.png"_s);
    writeIcon(xml, u"image/png"_s, 120, u"icon-120.png"_s);
    writeIcon(xml, u"image/jpeg"_s, 48, u"icon-48.jpg"_s);
    writeIcon(xml, u"image/jpeg"_s, 120, u"icon-120.jpg"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"serviceList"_s);
    for (const ServiceEntry &s : services()) {
        xml.writeStartElement(u"service"_s);
        xml.writeTextElement(u"serviceType"_s, s.type);
        xml.writeTextElement(u"serviceId"_s, s.id);
        xml.writeTextElement(u"SCPDURL"_s, u"/dlna/"_s + s.key + u".xml"_s);
        xml.writeTextElement(u"controlURL"_s, u"/dlna/"_s + s.key + u"/control"_s);
        xml.writeTextElement(u"eventSubURL"_s, u"/dlna/"_s + s.key + u"/event"_s);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeTextElement(u"presentationURL"_s, u"/"_s);
    xml.writeEndElement();   // device
    xml.writeEndElement();   // root
    xml.writeEndDocument();
    return out;
}

} // namespace cairn::dlna
