#pragma once
// The MediaServer:1 device description a control point reads first (UPnP Device Architecture
// 1.0, §2): who the server is, its icons and its three services with their control, event and
// description URLs.

#include <QByteArray>

namespace cairn::dlna {

struct DeviceIdentity;

QByteArray deviceDescription(const DeviceIdentity &identity);

} // namespace cairn::dlna
