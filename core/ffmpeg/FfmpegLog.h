#pragma once

#include <QLoggingCategory>

namespace cairn {
Q_DECLARE_LOGGING_CATEGORY(lcFfmpeg)
}
