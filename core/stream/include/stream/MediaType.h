#pragma once
// Content-Type of a media file, chosen from its format (the lower-case file extension).

#include <QByteArray>
#include <QString>

namespace cairn {

// "mp3" -> "audio/mpeg", ...; a leading dot and upper case are tolerated; unknown formats give
// "application/octet-stream".
QByteArray mediaTypeForFormat(const QString &format);

} // namespace cairn
