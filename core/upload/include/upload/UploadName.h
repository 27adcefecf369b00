#pragma once
// The name an upload asks for, checked before a byte is stored: one plain file name (no
// folder, no hidden file, nothing Windows or a terminal would trip on) of a media type the
// scanner takes.

#include "base/Result.h"

#include <QString>

namespace cairn {

// The name in Unicode NFC, or InvalidInput (empty, too long, a path, a leading dot, control or
// invisible characters, a name Windows reserves) or UnsupportedType (not a media extension).
Result<QString> checkUploadName(const QString &name);

} // namespace cairn
