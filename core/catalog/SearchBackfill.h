#pragma once
// The C++ half of migration 015: search documents stored before it had CJK characters run
// together; they are rewritten as search::document makes them now (the index's triggers follow).

#include <QSqlDatabase>
#include <QString>

namespace cairn {

bool respaceSearchDocuments(QSqlDatabase &db, QString *error);

} // namespace cairn
