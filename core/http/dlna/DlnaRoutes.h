#pragma once
// The DLNA/UPnP media server's HTTP face: device description, SCPDs and icons, SOAP control of
// ContentDirectory, ConnectionManager and X_MS_MediaReceiverRegistrar, and GENA eventing. Only
// registered when DLNA is on; every request must come from an enabled LAN (or loopback) and
// name this machine by IP in Host.

namespace cairn {

class Router;
struct HttpServices;

void addDlnaRoutes(Router &router, const HttpServices &services);

} // namespace cairn
