#pragma once
// The tracks of an ordered id list (a playlist's entries, a saved queue) as JSON with the
// caller's state: in order, duplicates kept, ids the caller cannot see left out.

#include "catalog/Visibility.h"

#include <QJsonArray>
#include <QList>

namespace cairn {

class Database;

QJsonArray trackListJson(const Database &db, qint64 userId, const QList<qint64> &trackIds,
                         const Visibility &visibility);

} // namespace cairn
