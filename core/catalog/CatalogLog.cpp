#include "CatalogLog.h"

Q_LOGGING_CATEGORY(lcCatalog, "cairn.catalog")
