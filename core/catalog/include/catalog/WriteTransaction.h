#pragma once
// A write transaction on the calling thread's connection. The outermost one takes the write
// lock up front (BEGIN IMMEDIATE, so it waits on the busy timeout instead of failing later);
// nested ones become savepoints, so repositories can be called inside a scanner batch.
// Rolls back unless committed.

#include <QString>

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

} // namespace cairn
