#include "catalog/Database.h"

#include "CatalogLog.h"
#include "MigrationRunner.h"

#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

static void initCatalogResources()
{
    // The SQL migrations live in a static library: make sure they are registered, once.
    static const bool registered = [] {
        Q_INIT_RESOURCE(catalog_sql);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace cairn {

// Connection names still registered with QtSql, shared with the per-thread handles so a
// thread that ends after its Database is gone does not touch freed memory.
struct Database::Registry
{
    QMutex mutex;
    QSet<QString> names;
};

// One thread's connection; deleted by QThreadStorage when that thread finishes.
struct Database::ThreadConnection
{
    ThreadConnection(std::shared_ptr<Registry> registry, QString connectionName)
        : registry(std::move(registry)), name(std::move(connectionName))
    {
    }
    ~ThreadConnection()
    {
        QMutexLocker lock(&registry->mutex);
        if (registry->names.remove(name))
            QSqlDatabase::removeDatabase(name);
    }

    std::shared_ptr<Registry> registry;
    QString name;
    int transactionDepth = 0;
};

namespace {

std::atomic_int s_instanceCounter{0};
std::atomic_int s_connectionCounter{0};

void configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // Reads through a memory map of the file: browse queries jump between rows all over it, and
    // each page read through SQLite's small per-connection cache would be a system call. The
    // map uses the kernel's page cache, shared by every connection, not memory of our own.
    for (const auto &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                               u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA mmap_size = 268435456"_s}) {
        if (!q.exec(pragma))
            qCWarning(lcCatalog) << "cannot set" << pragma << q.lastError().text();
    }
}

} // namespace

Database::Database(QString sqlitePath)
    : m_path(std::move(sqlitePath)),
      m_connectionPrefix(u"cairn-catalog-%1-"_s.arg(s_instanceCounter.fetch_add(1))),
      m_registry(std::make_shared<Registry>())
{
    initCatalogResources();
}

Database::~Database()
{
    m_connections.setLocalData(nullptr);   // this thread's connection goes now
    // Threads still alive lose their connection too: the Database they belong to is gone.
    QMutexLocker lock(&m_registry->mutex);
    for (const QString &name : std::as_const(m_registry->names))
        QSqlDatabase::removeDatabase(name);
    m_registry->names.clear();
}

Database::ThreadConnection &Database::threadConnection() const
{
    if (!m_connections.hasLocalData()) {
        const QString name = m_connectionPrefix + QString::number(s_connectionCounter.fetch_add(1));
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        // Writers wait for each other instead of failing with "database is locked".
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (db.open())
            configure(db);
        else
            qCWarning(lcCatalog) << "cannot open" << m_path << db.lastError().text();
        {
            QMutexLocker lock(&m_registry->mutex);
            m_registry->names.insert(name);
        }
        m_connections.setLocalData(new ThreadConnection(m_registry, name));
    }
    return *m_connections.localData();
}

int &Database::transactionDepth() const
{
    return threadConnection().transactionDepth;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(threadConnection().name, false);
}

std::optional<QString> Database::open()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return u"Cannot open the catalog %1: %2"_s.arg(m_path, db.lastError().text());
    return MigrationRunner(*this).run();
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace cairn
