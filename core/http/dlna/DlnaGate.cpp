#include "dlna/DlnaGate.h"

#include "dlna/DlnaDevice.h"

#include "HttpExchange.h"
#include "JsonErrorAnswer.h"
#include "base/LogText.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDlnaHttp, "cairn.dlna.http")

namespace cairn::dlna {
namespace {

void refuse(HttpExchange &ex, const QByteArray &why)
{
    HttpResponse r;
    r.status = 403;
    r.setHeader("Content-Type", "text/plain; charset=utf-8");
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.body = why + '\n';
    ex.respond(r);
}

} // namespace

bool admitDlnaRequest(const DlnaDevice &device, HttpExchange &ex)
{
    const HttpRequest &request = ex.request();
    if (!device.isEnabled()) {
        ex.respond(jsonProtocolAnswer(404, u"no such endpoint"_s));   // as for any path that does not exist
        return false;
    }
    if (!device.allowsPeer(request.peer)) {
        qCInfo(lcDlnaHttp).noquote() << "refused a DLNA request from" << request.peer.toString()
                                    << "(not on an enabled network)";
        refuse(ex, "DLNA answers only on the networks it is enabled for");
        return false;
    }
    if (!device.isOwnHost(request.header("host"))) {
        qCInfo(lcDlnaHttp).noquote() << "refused a DLNA request for Host" << logText(request.header("host"));
        refuse(ex, "DLNA requests must name this server by its IP address");
        return false;
    }
    return true;
}

} // namespace cairn::dlna
