#pragma once
// An M-SEARCH as the server acts on it (UDA 1.1, 1.3.2): what is searched for and how long the
// asker lets us wait before answering.

#include "SsdpMessage.h"

#include <QByteArray>

#include <optional>

namespace cairn::dlna {

struct SsdpSearch
{
    // The spec caps MX at 5 s: a larger value only keeps an answer (and its memory) around longer.
    static constexpr int maxWaitCap = 5;

    QByteArray target;       // ST
    int maxWaitSeconds = 0;  // 0..maxWaitCap; 0 for a unicast search, which is answered at once

    // Nothing when `message` is not a discovery request to answer: not an M-SEARCH, MAN not
    // "ssdp:discover", ST missing or repeated, or — for a multicast search — MX missing or not a
    // number (the spec says to ignore such a request silently).
    static std::optional<SsdpSearch> from(const SsdpMessage &message, bool multicast);
};

} // namespace cairn::dlna
