#include "dlna/DlnaRoutes.h"

#include "dlna/DeviceDescription.h"
#include "dlna/DlnaControl.h"
#include "dlna/DlnaGate.h"
#include "dlna/SoapMessage.h"

#include "dlna/DlnaDevice.h"
#include "dlna/EventNotifier.h"
#include "dlna/EventSubscriptions.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include "HttpExchange.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

using namespace cairn::dlna;

const QByteArray kXml = "text/xml; charset=\"utf-8\"";

struct ServiceRoute
{
    QString key;             // cds, cms, mrr
    QString type;            // the service type its SOAP actions are addressed to
    ActionResult (*action)(const SoapCall &, const ControlContext &);
};

const QList<ServiceRoute> &serviceRoutes()
{
    static const QList<ServiceRoute> routes{
        {u"cds"_s, u"urn:schemas-upnp-org:service:ContentDirectory:1"_s, &contentDirectoryAction},
        {u"cms"_s, u"urn:schemas-upnp-org:service:ConnectionManager:1"_s, &connectionManagerAction},
        {u"mrr"_s, u"urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"_s, &mediaReceiverRegistrarAction},
    };
    return routes;
}

HttpResponse answer(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", contentType);
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Cache-Control", "no-cache");
    r.body = body;
    return r;
}

HttpResponse plainError(int status, const QString &message)
{
    return answer(status, "text/plain; charset=utf-8", message.toUtf8() + '\n');
}

void serveResource(HttpExchange &ex, const QString &resource, const QByteArray &contentType)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return ex.respond(plainError(404, u"no such file"_s));
    ex.respond(answer(200, contentType, file.readAll()));
}

QByteArray imageType(const QString &name)
{
    return name.endsWith(u".png"_s) ? "image/png" : "image/jpeg";
}

// The state variables a new subscriber receives first.
QByteArray initialEvent(const QString &service, const DlnaDevice &device)
{
    if (service == u"cds"_s)
        return propertySet({{u"SystemUpdateID"_s, QString::number(device.systemUpdateId())},
                            {u"ContainerUpdateIDs"_s, QString()},
                            {u"TransferIDs"_s, QString()}});
    if (service == u"cms"_s)
        return propertySet({{u"SourceProtocolInfo"_s, sourceProtocolInfo()},
                            {u"SinkProtocolInfo"_s, QString()},
                            {u"CurrentConnectionIDs"_s, u"0"_s}});
    return propertySet({{u"AuthorizationGrantedUpdateID"_s, u"0"_s},
                        {u"AuthorizationDeniedUpdateID"_s, u"0"_s},
                        {u"ValidationSucceededUpdateID"_s, u"0"_s},
                        {u"ValidationRevokedUpdateID"_s, u"0"_s}});
}

void control(const HttpServices &services, const ServiceRoute &service, HttpExchange &ex)
{
    const HttpRequest &request = ex.request();
    const auto fault = [&ex](const SoapFault &f) { ex.respond(answer(500, kXml, soapFaultBody(f))); };
    if (request.body.size() > kMaxSoapBody)
        return ex.respond(plainError(413, u"a SOAP request is at most 64 KiB"_s));
    const auto parsed = parseSoapCall(request.body, request.header("soapaction"));
    if (const auto *f = std::get_if<SoapFault>(&parsed))
        return fault(*f);
    const SoapCall &call = std::get<SoapCall>(parsed);
    if (call.serviceType != service.type)
        return fault(invalidAction());
    const ControlContext context{services, *services.dlna, ex};
    const ActionResult result = service.action(call, context);
    if (const auto *f = std::get_if<SoapFault>(&result))
        return fault(*f);
    ex.respond(answer(200, kXml, soapResponse(service.type, call.action, std::get<ActionOutput>(result))));
}

void subscribe(const HttpServices &services, const QString &service, HttpExchange &ex)
{
    const HttpRequest &request = ex.request();
    const QByteArray sid = request.header("sid");
    const bool fresh = sid.isEmpty();
    if (!fresh && (request.hasHeader("nt") || request.hasHeader("callback")))
        return ex.respond(plainError(400, u"SID cannot come with NT or CALLBACK"_s));
    const auto outcome = fresh ? services.dlnaSubscriptions->subscribe(service, request.header("callback"),
                                                                       request.header("nt"), request.header("timeout"),
                                                                       request.peer)
                               : services.dlnaSubscriptions->renew(service, sid, request.header("timeout"), request.peer);
    if (const auto *refused = std::get_if<SubscribeRefusal>(&outcome))
        return ex.respond(plainError(refused->status, refused->reason));
    const Subscription &s = std::get<Subscription>(outcome);
    HttpResponse r;
    r.status = 200;
    r.setHeader("SID", s.sid.toLatin1());
    r.setHeader("TIMEOUT", "Second-" + QByteArray::number(s.timeoutSeconds));
    r.setHeader("Server", DeviceIdentity::serverToken());
    ex.respond(r);
    if (fresh && services.dlnaNotifier) {
        EventNotifier *notifier = services.dlnaNotifier;
        QMetaObject::invokeMethod(
            notifier, [notifier, sid = s.sid, body = initialEvent(service, *services.dlna)] { notifier->sendInitial(sid, body); },
            Qt::QueuedConnection);
    }
}

void unsubscribe(const HttpServices &services, const QString &service, HttpExchange &ex)
{
    const HttpRequest &request = ex.request();
    if (request.hasHeader("nt") || request.hasHeader("callback"))
        return ex.respond(plainError(400, u"UNSUBSCRIBE takes only a SID"_s));
    if (!services.dlnaSubscriptions->unsubscribe(service, request.header("sid"), request.peer))
        return ex.respond(plainError(412, u"no such subscription"_s));
    ex.respond(HttpResponse::empty(200));
}

} // namespace

void addDlnaRoutes(Router &router, const HttpServices &services)
{
    if (!services.dlna || !services.dlnaSubscriptions)
        return;   // off: nothing under /dlna exists
    const DlnaDevice &device = *services.dlna;
    // The handlers outlive the caller's HttpServices: they keep their own copy.
    const auto shared = std::make_shared<const HttpServices>(services);
    // Every DLNA route is public (renderers send no credentials) behind the LAN and Host gate.
    const auto add = [&router, &device](QList<HttpMethod> methods, const QString &path,
                                        std::function<void(const QStringList &, HttpExchange &)> handler) {
        router.add(methods, path, Access::Public,
                   [&device, handler = std::move(handler)](const QStringList &params, HttpExchange &ex) {
                       if (admitDlnaRequest(device, ex))
                           handler(params, ex);
                   });
    };
    add({HttpMethod::Get, HttpMethod::Head}, u"/dlna/description.xml"_s, [&device](const QStringList &, HttpExchange &ex) {
        ex.respond(answer(200, kXml, deviceDescription(device.identity())));
    });
    add({HttpMethod::Get, HttpMethod::Head}, u"/dlna/icons/{name}"_s, [](const QStringList &params, HttpExchange &ex) {
        static const QStringList icons{u"icon-48.png"_s, u"icon-120.png"_s, u"icon-48.jpg"_s, u"icon-120.jpg"_s};
        if (!icons.contains(params.at(0)))
            return ex.respond(plainError(404, u"no such icon"_s));
        serveResource(ex, u":/dlna/"_s + params.at(0), imageType(params.at(0)));
    });
    for (const ServiceRoute &service : serviceRoutes()) {
        add({HttpMethod::Get, HttpMethod::Head}, u"/dlna/%1.xml"_s.arg(service.key),
            [key = service.key](const QStringList &, HttpExchange &ex) {
                serveResource(ex, u":/dlna/%1.xml"_s.arg(key), kXml);
            });
        add({HttpMethod::Post}, u"/dlna/%1/control"_s.arg(service.key),
            [shared, service](const QStringList &, HttpExchange &ex) { control(*shared, service, ex); });
        add({HttpMethod::Subscribe}, u"/dlna/%1/event"_s.arg(service.key),
            [shared, key = service.key](const QStringList &, HttpExchange &ex) { subscribe(*shared, key, ex); });
        add({HttpMethod::Unsubscribe}, u"/dlna/%1/event"_s.arg(service.key),
            [shared, key = service.key](const QStringList &, HttpExchange &ex) { unsubscribe(*shared, key, ex); });
    }
}

} // namespace cairn
