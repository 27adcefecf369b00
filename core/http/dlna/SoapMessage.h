#pragma once
// UPnP control messages: a SOAP request read into an action and its arguments, and the answers
// (the action's response or a UPnPError fault) written back. Reading is strict and bounded:
// no DTD (so no entity expansion), a size and depth limit, arguments as plain text.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <variant>

namespace cairn::dlna {

struct SoapCall
{
    QString serviceType;                  // the action element's namespace
    QString action;
    QHash<QString, QString> arguments;
};

struct SoapFault
{
    int code = 501;                       // UPnP error code: 401 invalid action, 402 invalid args…
    QString description;
};

constexpr qsizetype kMaxSoapBody = 64 * 1024;

// `soapAction` is the SOAPACTION header ("\"urn:…:ContentDirectory:1#Browse\""); when present
// it must name the same action as the body.
std::variant<SoapCall, SoapFault> parseSoapCall(const QByteArray &body, const QByteArray &soapAction);

QByteArray soapResponse(const QString &serviceType, const QString &action,
                        const QList<QPair<QString, QString>> &outArguments);
// Sent with HTTP status 500, as UPnP requires.
QByteArray soapFaultBody(const SoapFault &fault);

} // namespace cairn::dlna
