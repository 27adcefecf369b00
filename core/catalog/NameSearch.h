#pragma once
// How a search text selects rows of a small table whose folded names have a full-text index
// (albums, artists; 015_search_index.sql): words through the index, a run of CJK characters by
// LIKE over the names (the index holds such a run as one word), and a text of punctuation only
// by LIKE as before the index. Internal to the catalog.

#include "SqlFilter.h"

#include <QString>
#include <QStringList>

namespace cairn::namesearch {

// Adds to `filter` the conditions `text` (not empty) puts on the row `idColumn` names: `index`
// is the table's FTS5 index (its rowid the row's id), `names` the folded name columns.
void restrict(SqlFilter &filter, const QString &text, const QString &idColumn, const QString &index,
              const QStringList &names);

} // namespace cairn::namesearch
