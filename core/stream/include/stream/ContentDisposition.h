#pragma once
// Content-Disposition for downloads (RFC 6266 with RFC 8187 filename*), safe for any file name.

#include <QByteArray>
#include <QString>

namespace cairn {

// `attachment; filename="<ASCII fallback>"` plus `; filename*=UTF-8''<percent-encoded>` when the
// name is not plain safe ASCII. Path separators and control characters never reach the client;
// the fallback also replaces non-ASCII, quotes and backslashes by '_'.
QByteArray attachmentDisposition(const QString &fileName);

} // namespace cairn
