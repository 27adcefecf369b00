#pragma once
// Logging category of video thumbnails, sprites and preview clips.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPreview)
