#pragma once
// Logging category of the catalog.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
