// UPnP control requests as the DLNA face reads them (core/http/dlna SoapMessage): any body with
// any SOAPACTION header. A parsed call names an action and at most 32 plain-text arguments;
// a refusal is a UPnP error code; answers written back are well-formed XML that reads again.
// Input: the SOAPACTION value on the first line, the body after it.

#include "FuzzSupport.h"

#include "dlna/SoapMessage.h"

#include <QXmlStreamReader>

using namespace cairn;
using namespace cairn::dlna;

namespace {

bool wellFormed(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    const QByteArray soapAction = in.field().toByteArray();
    const QByteArray body = in.rest().toByteArray();
    const auto parsed = parseSoapCall(body, soapAction);
    if (const auto *fault = std::get_if<SoapFault>(&parsed)) {
        fuzz::require(fault->code == 401 || fault->code == 402, "a refused request is 401 or 402");
        fuzz::require(wellFormed(soapFaultBody(*fault)), "the fault is well-formed XML");
        return 0;
    }
    const SoapCall &call = std::get<SoapCall>(parsed);
    fuzz::require(!call.action.isEmpty(), "a call names its action");
    fuzz::require(call.arguments.size() <= 32, "at most 32 arguments");
    fuzz::require(body.size() <= kMaxSoapBody, "nothing larger than the limit is read");
    // Echo every argument back, as an answer would carry client text (a Browse's ObjectID).
    QList<QPair<QString, QString>> out;
    for (auto it = call.arguments.cbegin(); it != call.arguments.cend(); ++it)
        out.append({QStringLiteral("Echo"), it.value()});
    if (!call.serviceType.isEmpty())
        fuzz::require(wellFormed(soapResponse(call.serviceType, call.action, out)), "the answer is well-formed XML");
    return 0;
}
