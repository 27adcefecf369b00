#pragma once
// Where the ffmpeg program is: the configured one (a path or a name on PATH) or "ffmpeg" found
// on PATH. One answer for transcodes, HLS, previews and poster frames.

#include <QString>

namespace cairn {

// The absolute path of `configured` (empty: "ffmpeg"), or an empty string when not found.
QString locateFfmpeg(const QString &configured = {});

} // namespace cairn
