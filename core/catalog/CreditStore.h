#pragma once
// Artist and album rows on one connection: find-or-create by case-folded name, and removal
// of rows no track uses any more. Internal to the catalog.

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace cairn {

class Database;

class CreditStore
{
public:
    // On a bare connection (migrations): each lookup is prepared for its use.
    explicit CreditStore(QSqlDatabase db) : m_db(std::move(db)) {}
    // On this thread's catalog connection: the lookups stay prepared (a scan asks for every file).
    explicit CreditStore(const Database &db);

    qint64 artistId(const QString &name);                   // 0 on error
    qint64 albumId(const QString &title, qint64 artistId);  // 0 on error

    // Drops the given album/artist if nothing refers to them any more.
    void dropIfOrphan(qint64 albumId, qint64 artistId);
    void dropAllOrphans();

private:
    qint64 findOrInsert(const QString &select, const QString &insert, const QVariantList &selectArgs,
                        const QVariantList &insertArgs);

    QSqlDatabase m_db;
    const Database *m_catalog = nullptr;   // set: lookups through PreparedQuery
};

} // namespace cairn
