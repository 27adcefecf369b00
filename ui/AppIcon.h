#pragma once
// Cairn's icon (a stack of stones) for the window and the tray, from the embedded PNGs.

#include <QIcon>

namespace cairn {

QIcon appIcon();

} // namespace cairn
