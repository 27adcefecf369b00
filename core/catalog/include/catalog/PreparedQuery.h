#pragma once
// A statement prepared once per thread connection and reused: the first run on a thread parses
// the SQL text, later runs with the same text only bind and step (for the queries of every
// request: a track by id, the user behind a signed URL). Each connection keeps a few dozen of
// them, keyed by their text, so only texts of a fixed shape belong here. A text whose result
// columns a schema change could change (a `*` other than COUNT(*)) is never kept: it is
// prepared for each use, as a plain QSqlQuery would be.
//
// The query is finished when the PreparedQuery goes out of scope: a statement left stepping
// would hold a read transaction (in WAL, an old snapshot of the file) until its next run.
// Should the same text already be in use on this thread (a nested call), this one gets a query
// of its own, prepared for this use only. Not a value to keep or pass across threads.

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace cairn {

class Database;

class PreparedQuery
{
public:
    PreparedQuery(const Database &db, const QString &sql);
    ~PreparedQuery();
    PreparedQuery(const PreparedQuery &) = delete;
    PreparedQuery &operator=(const PreparedQuery &) = delete;

    // Binds `values` by position and runs the statement; false (logged as `what`) on an error.
    bool exec(const QVariantList &values, const char *what);

    QSqlQuery &query() { return *m_query; }
    QSqlQuery *operator->() { return m_query; }
    QSqlQuery &operator*() { return *m_query; }

private:
    QSqlQuery *m_query = nullptr;     // the cached one, or m_own
    bool *m_busy = nullptr;           // the cached one's in-use mark
    std::optional<QSqlQuery> m_own;   // when not cached
    bool m_prepared = false;
};

} // namespace cairn
