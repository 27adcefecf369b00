#pragma once
// The versions of the media libraries the scanner reads with, as loaded at run time where the
// library tells (FFmpeg) and as built otherwise (TagLib 1.x has no run-time query): for
// `cairn --version` and bug reports.

#include <QString>

namespace cairn {

// e.g. "FFmpeg 5.1.6 (libavformat 59.27.100), TagLib 1.13.0".
QString readerVersions();

} // namespace cairn
