#include "catalog/WriteTransaction.h"

#include "catalog/Database.h"

#include "CatalogLog.h"
#include "WriteTurn.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

bool run(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (q.exec(sql))
        return true;
    qCWarning(lcCatalog) << sql << "failed:" << q.lastError().text();
    return false;
}

QString savepoint(int level)
{
    return u"sp%1"_s.arg(level);
}

} // namespace

WriteTransaction::WriteTransaction(const Database &db) : m_db(db)
{
    int &depth = m_db.transactionDepth();
    m_level = depth + 1;
    if (m_level == 1 && !m_db.writeTurn().acquire(QDeadlineTimer(Database::kBusyTimeoutMs))) {
        qCWarning(lcCatalog) << "no turn to write after" << Database::kBusyTimeoutMs << "ms";
        return;
    }
    // SQLite takes its write lock at BEGIN IMMEDIATE, not at the first write: two writers never
    // both read, then fail to upgrade. PostgreSQL locks rows as they are written.
    const QString begin = m_db.isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
    m_active = run(m_db, m_level == 1 ? begin : u"SAVEPOINT "_s + savepoint(m_level));
    if (m_active)
        depth = m_level;
    else if (m_level == 1)
        m_db.writeTurn().release();
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        finish(false);
}

bool WriteTransaction::commit()
{
    return m_active && finish(true);
}

bool WriteTransaction::finish(bool commit)
{
    m_active = false;
    m_db.transactionDepth() = m_level - 1;
    if (m_level == 1) {
        const bool committed = commit && run(m_db, u"COMMIT"_s);
        if (!committed)
            run(m_db, u"ROLLBACK"_s);
        m_db.writeTurn().release();
        return committed;
    }
    const QString name = savepoint(m_level);
    if (commit)
        return run(m_db, u"RELEASE "_s + name);
    run(m_db, u"ROLLBACK TO "_s + name);
    run(m_db, u"RELEASE "_s + name);
    return false;
}

bool execWrite(const Database &db, QSqlQuery &query)
{
    WriteTransaction tx(db);
    return tx.isActive() && query.exec() && tx.commit();
}

} // namespace cairn
