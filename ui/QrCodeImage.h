#pragma once
// A QR code of a short text (the address to open on a phone), drawn black on white with the
// four-module quiet zone readers need. Encoded by libqrencode.

#include <QImage>
#include <QString>

namespace cairn {

// Null when the text cannot be encoded (too long for a QR code).
QImage qrCodeImage(const QString &text, int pixelsPerModule = 6);

} // namespace cairn
