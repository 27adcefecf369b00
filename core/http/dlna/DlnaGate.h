#pragma once
// Who may reach the DLNA face at all: DLNA has no authentication, so only the chosen LANs
// (and loopback), and only through a Host that is one of this machine's IP literals — a DNS
// name in Host is how a web page rebinds a name to the LAN (MiniDLNA CVE-2022-26505).

namespace cairn {
class HttpExchange;
}

namespace cairn::dlna {

class DlnaDevice;

// True when the request may go on; otherwise it has been answered (403).
bool admitDlnaRequest(const DlnaDevice &device, HttpExchange &exchange);

} // namespace cairn::dlna
