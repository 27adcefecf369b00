#pragma once
// What DLNA tests send and read in SOAP: a control request's envelope and the text of an
// element in an answer (the DIDL inside Result, an errorCode).

#include <QByteArray>
#include <QString>

namespace cairn::test {

// The envelope a control point POSTs for `action` of `service` with `args` (argument elements).
QByteArray soapBody(const QByteArray &service, const QByteArray &action, const QByteArray &args = {});
// The text of the first element called `name` anywhere in `xml`, child elements' text included.
QString elementText(const QByteArray &xml, const QString &name);

} // namespace cairn::test
