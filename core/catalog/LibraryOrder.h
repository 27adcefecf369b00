#pragma once
// Pages of the library order (album artist, album, disc, track number, title, id) read through
// the indexes of 015_search_index.sql, by offset or after a cursor, never by sorting the library.
// Internal to the catalog.

#include "catalog/LibraryCursor.h"
#include "catalog/Track.h"

#include "SqlFilter.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace cairn::libraryorder {

// The ids of the tracks `filter` selects from `offset` on, at most `limit`.
QList<qint64> pageIds(QSqlDatabase db, const SqlFilter &filter, qint64 offset, int limit);
// The same from just after `after`.
QList<qint64> idsAfter(QSqlDatabase db, const SqlFilter &filter, const LibraryCursor &after, int limit);
// Where the order goes on after `last` (nullopt on a database error).
std::optional<LibraryCursor> cursorAfter(QSqlDatabase db, const Track &last);

} // namespace cairn::libraryorder
