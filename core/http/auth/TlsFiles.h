#pragma once
// The HTTPS configuration from a user-supplied PEM certificate (chain) and private key.

#include <QSslConfiguration>
#include <QString>

#include <variant>

namespace cairn {

// A server configuration, or the reason the files cannot be used.
std::variant<QSslConfiguration, QString> loadTlsFiles(const QString &certificatePath, const QString &keyPath);

} // namespace cairn
