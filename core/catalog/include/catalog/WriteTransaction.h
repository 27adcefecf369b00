#pragma once
// A write transaction on the calling thread's connection. The outermost one takes the write
// lock up front, after this process's writers that asked before it (WriteTurn), with BEGIN
// IMMEDIATE (so it waits on the busy timeout instead of failing later);
// nested ones become savepoints, so repositories can be called inside a scanner batch.
// Rolls back unless committed.

#include <QString>

class QSqlQuery;

namespace cairn {

class Database;

class WriteTransaction
{
public:
    explicit WriteTransaction(const Database &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    bool finish(bool commit);

    const Database &m_db;
    int m_level = 0;        // 1 = outermost
    bool m_active = false;
};

// Runs one write statement, prepared and bound by the caller, in a transaction of its own (so
// it takes its turn like any other writer), or as part of the one this thread has open.
bool execWrite(const Database &db, QSqlQuery &query);

} // namespace cairn
