#include "SsdpSearch.h"

namespace cairn::dlna {

namespace {

bool isDiscover(QByteArrayView man)
{
    // The value is quoted in the spec; a few control points drop the quotes.
    if (man.size() >= 2 && man.startsWith('"') && man.endsWith('"'))
        man = man.sliced(1, man.size() - 2);
    return man.compare("ssdp:discover", Qt::CaseInsensitive) == 0;
}

std::optional<int> parseMaxWait(QByteArrayView mx)
{
    if (mx.isEmpty() || mx.size() > 6)
        return std::nullopt;
    int seconds = 0;
    for (const char c : mx) {
        if (c < '0' || c > '9')
            return std::nullopt;
        seconds = seconds * 10 + (c - '0');
    }
    return std::min(seconds, SsdpSearch::maxWaitCap);
}

} // namespace

std::optional<SsdpSearch> SsdpSearch::from(const SsdpMessage &message, bool multicast)
{
    if (message.kind() != SsdpMessage::Kind::Search)
        return std::nullopt;
    if (message.headerCount("MAN") != 1 || !isDiscover(message.header("MAN")))
        return std::nullopt;
    if (message.headerCount("ST") != 1 || message.header("ST").isEmpty())
        return std::nullopt;
    SsdpSearch search{message.header("ST"), 0};
    if (!multicast)
        return search;
    if (message.headerCount("MX") != 1)
        return std::nullopt;
    const auto wait = parseMaxWait(message.header("MX"));
    if (!wait)
        return std::nullopt;
    search.maxWaitSeconds = *wait;
    return search;
}

} // namespace cairn::dlna
