#pragma once
// Splits a segment file FFmpeg wrote as a fragmented MP4 of its own (ftyp+moov, then
// moof+mdat…) into the variant's init segment and the media segment players fetch.

#include "hls/Fmp4InitSize.h"

#include <QString>

namespace cairn {

// Rewrites `segmentPath` in place as its media part and, when `initPath` does not exist yet,
// writes the init part there (whole or not at all). False with `error` on a malformed file.
bool splitFmp4Segment(const QString &segmentPath, const QString &initPath, QString *error);

} // namespace cairn
