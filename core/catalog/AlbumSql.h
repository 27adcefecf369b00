#pragma once
// The SQL of album lists, in two steps so that a page costs what it shows: the ids of one page in
// the query's order (a narrow read of per-folder album figures, see 012_browse_speed.sql), then
// the summaries of just those albums. Internal to the catalog.

#include "catalog/Browse.h"
#include "catalog/Visibility.h"

#include "SqlStatement.h"

#include <QSqlDatabase>

#include <optional>

namespace cairn::albumsql {

// Ids of the albums on the query's page, in its order (one column).
SqlStatement pageIds(const AlbumQuery &query, const Visibility &visibility);
// How many albums the query selects, all pages together (one row, one column).
SqlStatement count(const AlbumQuery &query, const Visibility &visibility);
// Where the page after `ids` (the query's page) starts: by name and when the page is full.
std::optional<NameCursor> cursorAfter(QSqlDatabase db, const AlbumQuery &query, const QList<qint64> &ids);
// The summaries of `ids` (not empty) in no particular order, read with summaryFrom; an album
// without a visible music track (of `genre`, when given) has no row.
SqlStatement summaries(const QList<qint64> &ids, const QString &genre, const Visibility &visibility);
AlbumSummary summaryFrom(const QSqlQuery &q);

} // namespace cairn::albumsql
