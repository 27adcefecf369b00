#pragma once
// One UPnP action of one of the media server's services, answered as output arguments or a
// UPnP error: the SOAP envelope around them is DlnaRoutes' concern.

#include "dlna/SoapMessage.h"

#include <QList>
#include <QPair>
#include <QString>

#include <variant>

namespace cairn {
class HttpExchange;
struct HttpServices;
}

namespace cairn::dlna {

class DlnaDevice;

using ActionOutput = QList<QPair<QString, QString>>;
using ActionResult = std::variant<ActionOutput, SoapFault>;

struct ControlContext
{
    const HttpServices &services;
    const DlnaDevice &device;
    const HttpExchange &exchange;
};

ActionResult contentDirectoryAction(const SoapCall &call, const ControlContext &context);
ActionResult connectionManagerAction(const SoapCall &call, const ControlContext &context);
ActionResult mediaReceiverRegistrarAction(const SoapCall &call, const ControlContext &context);

// What Cairn can send, for GetProtocolInfo and the ConnectionManager's initial event.
QString sourceProtocolInfo();

inline SoapFault invalidAction()
{
    return {401, QStringLiteral("Invalid Action")};
}

} // namespace cairn::dlna
