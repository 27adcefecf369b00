#pragma once
// A throwaway PostgreSQL server, so the catalog suites can run against the real server and not
// only SQLite: the installed server binaries, a temporary data directory, a loopback port.

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>

class QTemporaryDir;

namespace cairn::test {

class TestPostgres
{
public:
    TestPostgres();   // starts nothing
    ~TestPostgres();  // stops the server (immediate shutdown) and removes its directory
    TestPostgres(const TestPostgres &) = delete;
    TestPostgres &operator=(const TestPostgres &) = delete;

    // Creates the cluster, starts the server on a free loopback port and creates the database
    // "cairn" owned by the superuser "cairn" (trust authentication). Blocking, a few seconds.
    // Binaries: $CAIRN_PG_BIN, else the newest /usr/lib/postgresql/<major>/bin, else PATH.
    // As root the server runs as the "postgres" system user (else "nobody"): it refuses root.
    bool start();
    bool isRunning() const { return m_running; }
    // Why start() or createDatabase() failed: the command, its exit, the tails of its output and of the server log.
    QString error() const { return m_error; }

    // "postgresql://cairn@127.0.0.1:<port>/cairn"; empty until start() succeeded.
    QString url() const;
    quint16 port() const { return m_port; }
    QString dataDir() const;
    // Creates another empty database on the server, owned by "cairn"; its url, or empty (see error()).
    QString createDatabase(const QString &name);

private:
    QString urlFor(const QString &database) const;
    QString logPath() const;
    bool findBinaries();
    bool prepareUser();
    // Runs a bin-dir program (as the server user when root) to its end; false with m_error set.
    bool run(const QString &tool, const QStringList &arguments, QString *output = nullptr);
    bool startServer(bool *portTaken);
    void startWatchdog();
    void stop();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_runAs;       // the system user the tools run as (root only), empty = ourselves
    QString m_runuser;     // runuser's path, when m_runAs is set
    QString m_error;
    quint16 m_port = 0;
    bool m_initialized = false;
    bool m_running = false;
};

} // namespace cairn::test
