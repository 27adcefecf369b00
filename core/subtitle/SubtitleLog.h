#pragma once
// Logging category of subtitle listing and WebVTT conversion.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSubtitle)
