// SSDP datagrams as the discovery server reads them (core/dlna SsdpMessage, SsdpSearch): any
// bytes, multicast or unicast. A parsed datagram is bounded; a search's target never carries a
// control character into an answer, and its wait is within the cap.
// Input: the datagram.

#include "FuzzSupport.h"

#include "SsdpMessage.h"
#include "SsdpSearch.h"

using namespace cairn;
using namespace cairn::dlna;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView datagram(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto message = SsdpMessage::parse(datagram);
    if (!message)
        return 0;
    fuzz::require(datagram.size() <= SsdpMessage::maxDatagramSize, "nothing larger than the limit is read");
    for (bool multicast : {true, false}) {
        const auto search = SsdpSearch::from(*message, multicast);
        if (!search)
            continue;
        fuzz::require(SsdpMessage::isSafeValue(search->target), "a target that could be echoed is safe");
        fuzz::require(search->maxWaitSeconds >= 0 && search->maxWaitSeconds <= SsdpSearch::maxWaitCap, "MX is capped");
        fuzz::require(multicast || search->maxWaitSeconds == 0, "a unicast search is answered at once");
        SsdpMessage answer = SsdpMessage::response();
        fuzz::require(answer.addHeader("ST", search->target), "the target goes back as a header");
        fuzz::require(SsdpMessage::parse(answer.toDatagram()).has_value(), "the answer reads again");
    }
    return 0;
}
