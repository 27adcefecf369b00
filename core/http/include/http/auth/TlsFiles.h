#pragma once
// The HTTPS configuration from a user-supplied PEM certificate (chain) and private key.

#include "base/Result.h"

#include <QSslConfiguration>
#include <QString>

namespace cairn {

// A server configuration, or why the files cannot be used (InvalidInput; Unavailable without TLS).
Result<QSslConfiguration> loadTlsFiles(const QString &certificatePath, const QString &keyPath);

} // namespace cairn
