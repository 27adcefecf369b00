#include "TestPostgres.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <QVersionNumber>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <locale.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

namespace {

constexpr int kProcessTimeoutMs = 60000;
constexpr int kStartAttempts = 5;
constexpr qsizetype kTailLines = 20;

QString executable(const QString &dir, const QString &name)
{
#ifdef Q_OS_WIN
    return QDir(dir).filePath(name + u".exe"_s);
#else
    return QDir(dir).filePath(name);
#endif
}

bool hasServerBinaries(const QString &dir)
{
    for (const QString &name : {u"initdb"_s, u"pg_ctl"_s, u"postgres"_s}) {
        if (!QFileInfo(executable(dir, name)).isExecutable())
            return false;
    }
    return true;
}

QString tail(const QString &text, qsizetype lines = kTailLines)
{
    QStringList all = text.trimmed().split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

QString commandLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{program};
    for (const QString &a : arguments)
        parts << (a.contains(u' ') || a.isEmpty() ? QString(u'"' + a + u'"') : a);
    return parts.join(u' ');
}

// Messages in English whatever the caller's locale (the port-taken check reads them), and no
// PG* variable of the caller's (PGPORT, PGDATA, PGHOST...) steering the tools elsewhere.
QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"PG"_s))
            env.remove(key);
    }
    env.insert(u"LC_ALL"_s, u"C"_s);
    return env;
}

// C.UTF-8 sorts by code point in any encoding; where the C library lacks it, C does the same.
QString clusterLocale()
{
#ifdef Q_OS_LINUX
    if (locale_t l = newlocale(LC_ALL_MASK, "C.UTF-8", locale_t(nullptr))) {
        freelocale(l);
        return u"C.UTF-8"_s;
    }
#endif
    return u"C"_s;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

TestPostgres::TestPostgres() = default;

TestPostgres::~TestPostgres()
{
    stop();
}

QString TestPostgres::dataDir() const
{
    return m_dir ? m_dir->filePath(u"data"_s) : QString();
}

QString TestPostgres::logPath() const
{
    return m_dir ? m_dir->filePath(u"server.log"_s) : QString();
}

QString TestPostgres::url() const
{
    return urlFor(u"cairn"_s);
}

QString TestPostgres::urlFor(const QString &database) const
{
    if (!m_running)
        return {};
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(u"cairn"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(u'/' + database);
    return url.toString(QUrl::FullyEncoded);
}

bool TestPostgres::findBinaries()
{
    const QString fromEnv = qEnvironmentVariable("CAIRN_PG_BIN");
    if (!fromEnv.isEmpty()) {
        // Named on purpose: a wrong one is an error, not a reason to quietly take another server.
        if (hasServerBinaries(fromEnv)) {
            m_binDir = fromEnv;
            return true;
        }
        m_error = u"CAIRN_PG_BIN=%1 does not hold initdb, pg_ctl and postgres"_s.arg(fromEnv);
        return false;
    }

    QDir debian(u"/usr/lib/postgresql"_s);
    QVersionNumber best;
    const QStringList majors = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &major : majors) {
        const QVersionNumber version = QVersionNumber::fromString(major);
        const QString bin = debian.filePath(major + u"/bin"_s);
        if (!version.isNull() && version > best && hasServerBinaries(bin)) {
            best = version;
            m_binDir = bin;
        }
    }
    if (!m_binDir.isEmpty())
        return true;

    const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
    if (!initdb.isEmpty() && hasServerBinaries(QFileInfo(initdb).absolutePath())) {
        m_binDir = QFileInfo(initdb).absolutePath();
        return true;
    }

    m_error = u"the PostgreSQL server binaries (initdb, pg_ctl, postgres) are missing: install the "
              u"\"postgresql\" package (Debian/Ubuntu: apt-get install postgresql), or set CAIRN_PG_BIN "
              u"to their directory"_s;
    return false;
}

bool TestPostgres::prepareUser()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        return true;
    // initdb and postgres refuse to run as root: the cluster belongs to an unprivileged system user.
    const passwd *pw = ::getpwnam("postgres");
    if (!pw)
        pw = ::getpwnam("nobody");
    if (!pw) {
        m_error = u"running as root, and there is neither a \"postgres\" nor a \"nobody\" user to run the server as"_s;
        return false;
    }
    m_runAs = QString::fromLocal8Bit(pw->pw_name);
    m_runuser = QStandardPaths::findExecutable(u"runuser"_s);
    if (m_runuser.isEmpty())
        m_runuser = QStandardPaths::findExecutable(u"runuser"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (m_runuser.isEmpty()) {
        m_error = u"running as root, the server must run as \"%1\", but runuser (util-linux) is missing"_s.arg(m_runAs);
        return false;
    }
    const QByteArray dir = QFile::encodeName(m_dir->path());
    if (::chown(dir.constData(), pw->pw_uid, pw->pw_gid) != 0 || ::chmod(dir.constData(), 0700) != 0) {
        m_error = u"cannot give %1 to the user \"%2\""_s.arg(m_dir->path(), m_runAs);
        return false;
    }
#endif
    return true;
}

bool TestPostgres::run(const QString &tool, const QStringList &arguments, QString *output)
{
    QString program = executable(m_binDir, tool);
    QStringList args = arguments;
    if (!m_runAs.isEmpty()) {
        args = QStringList{u"-u"_s, m_runAs, u"--"_s, program} + arguments;
        program = m_runuser;
    }

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(toolEnvironment());
    // The tools look up their working directory (PostgreSQL's find_my_exec): one the server user can enter.
    process.setWorkingDirectory(m_dir->path());
    process.start(program, args);
    const bool finished = process.waitForFinished(kProcessTimeoutMs);
    if (!finished && process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    const QString out = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = out;
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;

    QString what;
    if (process.error() == QProcess::FailedToStart)
        what = u"could not be started (%1)"_s.arg(process.errorString());
    else if (!finished)
        what = u"did not finish within %1 s"_s.arg(kProcessTimeoutMs / 1000);
    else if (process.exitStatus() != QProcess::NormalExit)
        what = u"crashed"_s;
    else
        what = u"exited with code %1"_s.arg(process.exitCode());
    m_error = commandLine(program, args) + u' ' + what;
    if (!out.trimmed().isEmpty())
        m_error += u"\n--- output (last lines) ---\n"_s + tail(out);
    QFile log(logPath());
    if (log.open(QIODevice::ReadOnly)) {
        const QString text = QString::fromLocal8Bit(log.readAll());
        if (!text.trimmed().isEmpty())
            m_error += u"\n--- server.log (last lines) ---\n"_s + tail(text);
    }
    return false;
}

bool TestPostgres::startServer(bool *portTaken)
{
    *portTaken = false;
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        m_error = u"no free port on 127.0.0.1"_s;
        return false;
    }
    QFile::remove(logPath());   // so the port check reads this attempt only
    // pg_ctl hands -o to a shell (or cmd): the socket directory is quoted for both.
    const QString options = u"-c listen_addresses=127.0.0.1 -p %1 -k \"%2\" -c fsync=off -c full_page_writes=off "
                            u"-c synchronous_commit=off -c max_connections=200 -c shared_buffers=32MB"_s
                                .arg(m_port)
                                .arg(QDir::toNativeSeparators(m_dir->path()));
    if (run(u"pg_ctl"_s, {u"-D"_s, dataDir(), u"-w"_s, u"-t"_s, u"30"_s, u"-o"_s, options, u"-l"_s, logPath(),
                          u"start"_s}))
        return true;
    QFile log(logPath());
    if (log.open(QIODevice::ReadOnly)) {
        const QByteArray text = log.readAll();
        *portTaken = text.contains("could not bind") || text.contains("Address already in use");
    }
    return false;
}

bool TestPostgres::start()
{
    if (m_running)
        return true;
    if (m_dir) {
        m_error = u"start() was already called and failed; use a new TestPostgres"_s;
        return false;
    }
    m_error.clear();
    if (!findBinaries())
        return false;

    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/cairn-pg-XXXXXX"_s);
    if (!m_dir->isValid()) {
        m_error = u"cannot create a temporary directory: "_s + m_dir->errorString();
        return false;
    }
    if (!prepareUser())
        return false;

    if (!run(u"initdb"_s, {u"-D"_s, dataDir(), u"-U"_s, u"cairn"_s, u"--auth=trust"_s, u"--encoding=UTF8"_s,
                           u"--locale="_s + clusterLocale(), u"-N"_s}))
        return false;
    m_initialized = true;

    bool portTaken = true;
    for (int attempt = 0; attempt < kStartAttempts && portTaken; ++attempt) {
        if (startServer(&portTaken)) {
            m_running = true;
            break;
        }
    }
    if (!m_running)
        return false;
    startWatchdog();

    if (createDatabase(u"cairn"_s).isEmpty()) {
        stop();
        return false;
    }
    return true;
}

// A test that aborts (qFatal, a crash) never runs the destructor: a small shell waits for this
// process to end, then stops the server and removes its directory (harmless after a clean stop).
void TestPostgres::startWatchdog()
{
#ifdef Q_OS_UNIX
    QStringList stop{executable(m_binDir, u"pg_ctl"_s), u"-D"_s, dataDir(), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s};
    if (!m_runAs.isEmpty())
        stop = QStringList{m_runuser, u"-u"_s, m_runAs, u"--"_s} + stop;
    QProcess watchdog;
    watchdog.setProgram(u"/bin/sh"_s);
    watchdog.setArguments(QStringList{u"-c"_s,
                                      u"pid=$1; dir=$2; shift 2; while kill -0 \"$pid\" 2>/dev/null; do sleep 1; done; "
                                      "\"$@\"; rm -rf \"$dir\""_s,
                                      u"cairn-pg-watchdog"_s, QString::number(QCoreApplication::applicationPid()),
                                      m_dir->path()}
                          + stop);
    watchdog.setWorkingDirectory(m_dir->path());
    watchdog.setProcessEnvironment(toolEnvironment());
    watchdog.setStandardInputFile(QProcess::nullDevice());
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    watchdog.startDetached();
#endif
}

QString TestPostgres::createDatabase(const QString &name)
{
    if (!m_running) {
        m_error = u"createDatabase(%1): the server is not running"_s.arg(name);
        return {};
    }
    if (name.isEmpty()) {
        m_error = u"createDatabase: an empty name"_s;
        return {};
    }
    const QStringList connection{u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port), u"-U"_s, u"cairn"_s,
                                 u"-w"_s};
    bool created = false;
    if (QFileInfo(executable(m_binDir, u"createdb"_s)).isExecutable()) {
        created = run(u"createdb"_s, connection + QStringList{name});
    } else {
        QString quoted = name;
        quoted.replace(u'"', u"\"\""_s);
        created = run(u"psql"_s, connection + QStringList{u"-X"_s, u"-d"_s, u"postgres"_s, u"-v"_s,
                                                          u"ON_ERROR_STOP=1"_s, u"-c"_s,
                                                          u"CREATE DATABASE \"%1\""_s.arg(quoted)});
    }
    return created ? urlFor(name) : QString();
}

void TestPostgres::stop()
{
    // Also after a failed start: pg_ctl may have given up waiting on a postmaster that still runs.
    if (m_initialized && QFile::exists(dataDir() + u"/postmaster.pid"_s)) {
        const QString error = m_error;   // a failed stop must not hide why start() failed
        run(u"pg_ctl"_s, {u"-D"_s, dataDir(), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s});
        m_error = error;
    }
    m_running = false;
}

} // namespace cairn::test
