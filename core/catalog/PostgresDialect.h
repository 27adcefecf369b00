#pragma once
// Where PostgreSQL's SQL differs from SQLite's, in one place: the migrations are written once,
// for SQLite, and each statement is turned into PostgreSQL's here. What cannot be turned
// (FTS5 search tables) has a PostgreSQL file of its own under :/sql/postgresql.

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace cairn::postgres {

// Statements run once before the first migration: what the schema's SQLite words stand for.
QStringList preamble();

// One SQLite migration statement as PostgreSQL statements (a trigger becomes a function and
// its trigger).
QStringList fromSqlite(const QString &statement);

// A query of the catalog's, written for SQLite, as PostgreSQL runs it: full-text searches through
// FTS5 tables (MATCH, their rowid and rank) become searches of the tsvector indexes of
// 015_search_index.sql, and the FTS5 expressions bound to them (search::matchExpression)
// become tsqueries; index hints (INDEXED BY) go, and so does the ON of a CROSS JOIN; a NUL in a text is a space. `values` are the statement's bound values, in order; a placeholder added
// (the rank's query) gets its value there.
void fromSqliteQuery(QString &sql, QVariantList &values);

} // namespace cairn::postgres
