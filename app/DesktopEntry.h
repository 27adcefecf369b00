#pragma once
// The one symbol the desktop module exports: `int cairn_desktop_main(int argc, char **argv)`,
// which creates the QApplication, the runtime, the window and the tray, and runs them.

namespace cairn {

inline constexpr char kDesktopEntrySymbol[] = "cairn_desktop_main";

} // namespace cairn
