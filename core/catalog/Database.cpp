#include "catalog/Database.h"

#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "MigrationRunner.h"
#include "SqlStatement.h"
#include "WriteTurn.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringList>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

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
        statements.clear();   // finalized before their connection closes
        QMutexLocker lock(&registry->mutex);
        if (registry->names.remove(name))
            QSqlDatabase::removeDatabase(name);
    }

    std::shared_ptr<Registry> registry;
    QString name;
    int transactionDepth = 0;
    QHash<QString, std::shared_ptr<CachedStatement>> statements;   // PreparedQuery's, by SQL text
};

// The thread running deferred writes, and what waits for it.
struct Database::Writer
{
    std::mutex mutex;
    std::condition_variable wake;   // writes waiting, or stopping
    std::condition_variable ran;    // a batch finished
    std::deque<std::function<void()>> pending;
    quint64 handedOver = 0;         // writes accepted so far
    quint64 finished = 0;           // of those, run
    bool stopping = false;
    std::unique_ptr<QThread> thread;
};

namespace {

// Statements kept per connection: the hot queries take a handful of texts; a grant list of many
// lengths could make more, and then the idle ones are dropped to start again.
constexpr qsizetype kMaxStatements = 64;

std::atomic_int s_instanceCounter{0};
std::atomic_int s_connectionCounter{0};

void configure(QSqlDatabase &db, CatalogLocation::Engine engine)
{
    QSqlQuery q(db);
    if (engine == CatalogLocation::Engine::Postgres) {
        // A writer waits for another's locks as long as SQLite's would, then fails. The server's
        // notices ("already exists, skipping") are not for the log.
        for (const auto &setting : {u"SET lock_timeout = %1"_s.arg(Database::kBusyTimeoutMs),
                                    u"SET client_min_messages = warning"_s}) {
            if (!q.exec(setting))
                qCWarning(lcCatalog) << "cannot" << setting << q.lastError().text();
        }
        return;
    }
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

Database::Database(QString sqlitePath) : Database(CatalogLocation::sqlite(std::move(sqlitePath)))
{
}

Database::Database(CatalogLocation location)
    : m_location(std::move(location)),
      m_connectionPrefix(u"cairn-catalog-%1-"_s.arg(s_instanceCounter.fetch_add(1))),
      m_registry(std::make_shared<Registry>()), m_writer(std::make_unique<Writer>()),
      m_writeTurn(std::make_unique<WriteTurn>())
{
    initCatalogResources();
}

Database::~Database()
{
    {
        std::lock_guard lock(m_writer->mutex);
        m_writer->stopping = true;
    }
    m_writer->wake.notify_all();
    if (m_writer->thread)
        m_writer->thread->wait();   // it runs what is still waiting, then closes its connection
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
        QSqlDatabase db;
        if (isPostgres()) {
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(m_location.host);
            db.setPort(m_location.port);
            db.setUserName(m_location.user);
            db.setPassword(m_location.password);
            db.setDatabaseName(m_location.database);
            db.setConnectOptions(m_location.options);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_location.sqlitePath);
            // Writers wait for each other instead of failing with "database is locked".
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
        }
        if (db.open())
            configure(db, m_location.engine);
        else
            qCWarning(lcCatalog) << "cannot open" << path() << db.lastError().text();
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

// Whether a statement may be kept: its result columns must be fixed by its text. SQLite prepares
// a kept statement again after a schema change, inside the step, and QSQLITE sizes its first row
// by the old column count before that step: a `*` that then stands for more columns writes past
// the row. Anything with a `*` besides COUNT(*) (a product too) is prepared for each use instead.
static bool keepable(const QString &sql)
{
    static const QString count = u"COUNT(*)"_s;
    qsizetype from = 0;
    for (qsizetype star = sql.indexOf(u'*'); star >= 0; star = sql.indexOf(u'*', from)) {
        const bool counting = star >= 6 && star + 2 <= sql.size()
                              && QStringView(sql).sliced(star - 6, count.size()).compare(count, Qt::CaseInsensitive) == 0;
        if (!counting)
            return false;
        from = star + 1;
    }
    return true;
}

Database::CachedStatement *Database::cachedStatement(const QString &sql) const
{
    if (!keepable(sql))
        return nullptr;
    ThreadConnection &c = threadConnection();
    if (const auto found = c.statements.constFind(sql); found != c.statements.cend()) {
        CachedStatement *statement = found->get();
        if (statement->busy)
            return nullptr;
        statement->busy = true;
        return statement;
    }
    if (c.statements.size() >= kMaxStatements)
        c.statements.removeIf([](const auto &entry) { return !entry.value()->busy; });
    auto statement = std::make_shared<CachedStatement>(CachedStatement{QSqlQuery(connection()), false});
    readForwardOnly(statement->query);
    if (!statement->query.prepare(sql))
        return nullptr;
    statement->busy = true;
    c.statements.insert(sql, statement);
    return statement.get();
}

bool Database::defer(std::function<void()> write) const
{
    Writer &w = *m_writer;
    {
        std::lock_guard lock(w.mutex);
        if (w.stopping || w.pending.size() >= size_t(kMaxDeferredWrites))
            return false;
        if (!w.thread) {
            w.thread.reset(QThread::create([this] { runWriter(); }));
            w.thread->setObjectName(u"catalog-writer"_s);
            w.thread->start(QThread::LowPriority);
        }
        w.pending.push_back(std::move(write));
        ++w.handedOver;
    }
    w.wake.notify_one();
    return true;
}

void Database::waitForDeferred() const
{
    // A thread in a write transaction holds the lock the writer needs: waiting would stall both.
    if (m_connections.hasLocalData() && m_connections.localData()->transactionDepth > 0)
        return;
    Writer &w = *m_writer;
    std::unique_lock lock(w.mutex);
    if (!w.thread || QThread::currentThread() == w.thread.get())
        return;
    const quint64 target = w.handedOver;
    w.ran.wait(lock, [&w, target] { return w.finished >= target; });
}

void Database::runWriter() const
{
    Writer &w = *m_writer;
    std::unique_lock lock(w.mutex);
    for (;;) {
        w.wake.wait(lock, [&w] { return w.stopping || !w.pending.empty(); });
        if (w.pending.empty())
            break;   // stopping, and nothing left
        std::deque<std::function<void()>> batch;
        batch.swap(w.pending);
        lock.unlock();
        {
            // One commit for the batch; should the write lock not come, each write commits alone.
            WriteTransaction tx(*this);
            for (const std::function<void()> &write : batch)
                write();
            if (tx.isActive() && !tx.commit())
                qCWarning(lcCatalog) << "deferred writes lost:" << batch.size();
        }
        lock.lock();
        w.finished += batch.size();
        w.ran.notify_all();
    }
    lock.unlock();
    m_connections.setLocalData(nullptr);
}

std::optional<QString> Database::open()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return u"Cannot open the catalog %1: %2"_s.arg(path(), db.lastError().text());
    // A PostgreSQL server checks its own pages; SQLite's file is checked here.
    if (const auto damage = isPostgres() ? std::nullopt : checkIntegrity(db)) {
        qCCritical(lcCatalog).noquote() << "the catalog" << path() << "is damaged:" << *damage;
        return u"The catalog %1 is damaged (%2). Cairn does not use it: restore it from a backup, or move it "
               "away to start with an empty catalog and scan the library again."_s.arg(path(), *damage);
    }
    return MigrationRunner(*this).run();
}

// Run before a migration or a scan writes into it: a catalog damaged on disk (a failing drive,
// a copy taken mid-write, a file from elsewhere) is refused with a clear message instead of
// giving wrong answers later.
// quick_check reads every page once (O(N)); integrity_check would also cross-check every index
// against its table, seconds more at each start of a large catalog, for damage a crash cannot
// cause (SQLite's journal makes a killed write all or nothing).
std::optional<QString> Database::checkIntegrity(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA quick_check"_s))
        return q.lastError().text();
    QStringList problems;
    while (q.next())
        problems << q.value(0).toString();
    if (problems == QStringList{u"ok"_s})
        return std::nullopt;
    constexpr qsizetype kShown = 3;
    const qsizetype more = problems.size() - kShown;
    return problems.mid(0, kShown).join(u"; "_s) + (more > 0 ? u"; %1 more"_s.arg(more) : QString());
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace cairn
