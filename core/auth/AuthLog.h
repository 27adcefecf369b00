#pragma once
// Logging category of users and authentication. Never log passwords, tokens or signatures.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)
