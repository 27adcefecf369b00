#pragma once
// Artist and album rows on one connection: find-or-create by case-folded name, and removal
// of rows no track uses any more. Internal to the catalog.

#include <QSqlDatabase>
#include <QString>

namespace cairn {

class CreditStore
{
public:
    explicit CreditStore(QSqlDatabase db) : m_db(std::move(db)) {}

    qint64 artistId(const QString &name);                   // 0 on error
    qint64 albumId(const QString &title, qint64 artistId);  // 0 on error

    // Drops the given album/artist if nothing refers to them any more.
    void dropIfOrphan(qint64 albumId, qint64 artistId);
    void dropAllOrphans();

private:
    QSqlDatabase m_db;
};

} // namespace cairn
