#pragma once
// The C++ half of migration 002: links the tracks already in the catalog to artist and album
// rows and fills their search text (Unicode case folding is not available in SQL).

#include <QSqlDatabase>
#include <QString>

namespace cairn {

bool backfillCredits(QSqlDatabase &db, QString *error);

} // namespace cairn
