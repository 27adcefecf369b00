#pragma once
// One scan at a time across every Cairn node sharing a catalog. On PostgreSQL it is a session
// advisory lock taken on the calling thread's connection: released by the destructor, or by the
// server when that connection ends (a node killed mid-scan frees it). An SQLite catalog belongs
// to one process, whose scanner already runs one scan at a time: the lock is always held there.

namespace cairn {

class Database;

class CatalogScanLock
{
public:
    // Tries once, never waits: a node that finds another scanning leaves the work to it.
    explicit CatalogScanLock(const Database &db);
    ~CatalogScanLock();
    CatalogScanLock(const CatalogScanLock &) = delete;
    CatalogScanLock &operator=(const CatalogScanLock &) = delete;

    bool held() const { return m_held; }

private:
    const Database &m_db;
    bool m_held = false;
    bool m_advisory = false;   // a PostgreSQL lock to give back
};

} // namespace cairn
