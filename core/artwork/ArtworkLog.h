#pragma once
// Logging category of the artwork service.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcArtwork)
