#pragma once
// Logging category of uploads into library folders.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUpload)
