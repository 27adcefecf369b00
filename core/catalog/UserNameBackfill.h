#pragma once
// The C++ half of migration 013: user names are kept in Unicode NFC from now on (logins
// normalise the name given), so names stored before are rewritten in NFC too (SQLite has no
// normalisation). A name whose NFC form another account already has stays as it was (logged).

#include <QSqlDatabase>
#include <QString>

namespace cairn {

bool normalizeUserNames(QSqlDatabase &db, QString *error);

} // namespace cairn
