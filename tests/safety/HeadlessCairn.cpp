#include "HeadlessCairn.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {
namespace {

constexpr auto kAdminPassword = "crash-safety-admin";

} // namespace

HeadlessCairn::HeadlessCairn(QString dataDir, QStringList libraries)
    : m_dataDir(std::move(dataDir)), m_libraries(std::move(libraries))
{
    // To a file, not a pipe: a test busy with HTTP calls does not drain a pipe, and once it is
    // full Cairn's logging (an access line per call) would block the very worker it waits on.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(logPath(), QIODevice::Append);
}

HeadlessCairn::~HeadlessCairn()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

QStringList HeadlessCairn::arguments() const
{
    QStringList args{u"--headless"_s, u"--data-dir"_s, m_dataDir, u"--port"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s,
                     u"--admin-user"_s, u"admin"_s, u"--admin-password-file"_s, m_dataDir + u".password"_s};
    for (const QString &library : m_libraries)
        args << u"--library"_s << library;
    return args;
}

QString HeadlessCairn::logPath() const
{
    return m_dataDir + u".log"_s;
}

QString HeadlessCairn::output()
{
    QFile log(logPath());
    if (log.open(QIODevice::ReadOnly) && log.seek(m_outputStart))
        m_output = QString::fromUtf8(log.readAll());
    return m_output;
}

void HeadlessCairn::markOutputStart()
{
    m_output.clear();
    m_outputStart = QFileInfo(logPath()).size();
}

QString HeadlessCairn::catalogPath() const
{
    return QDir(m_dataDir).filePath(u"catalog.sqlite"_s);
}

QString HeadlessCairn::start()
{
    QFile password(m_dataDir + u".password"_s);
    if (!password.open(QIODevice::WriteOnly) || password.write(kAdminPassword) < 0)
        return u"cannot write the password file"_s;
    password.close();
    markOutputStart();
    m_port = 0;
    m_process.start(QStringLiteral(CAIRN_BINARY), arguments());
    if (!m_process.waitForStarted())
        return u"cairn did not start: "_s + m_process.errorString();
    static const QRegularExpression serving(u"serving on http://127\\.0\\.0\\.1:(\\d+)/"_s);
    QElapsedTimer waited;
    waited.start();
    while (m_port == 0 && waited.elapsed() < 60000) {
        if (m_process.state() == QProcess::NotRunning)
            return u"cairn ended: "_s + output();
        m_process.waitForFinished(100);
        m_port = quint16(serving.match(output()).captured(1).toUInt());
    }
    if (m_port == 0)
        return u"cairn did not announce its port: "_s + output();
    const TestHttpResponse login = call("POST", "/api/auth/login", R"({"name":"admin","password":")"_ba + kAdminPassword + "\"}");
    m_token = QJsonDocument::fromJson(login.body).object().value(u"token"_s).toString().toLatin1();
    return m_token.isEmpty() ? u"no login: %1 %2"_s.arg(login.status).arg(QString::fromUtf8(login.body)) : QString();
}

int HeadlessCairn::runUntilExit(int timeoutMs)
{
    markOutputStart();
    m_process.start(QStringLiteral(CAIRN_BINARY), arguments());
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    output();
    return m_process.exitCode();
}

void HeadlessCairn::kill()
{
    m_process.kill();   // SIGKILL on Unix: no handler, no clean-up, like a power cut for the process
    m_process.waitForFinished(10000);
    output();
}

bool HeadlessCairn::stop()
{
    m_process.terminate();
    const bool ended = m_process.waitForFinished(30000);
    output();
    return ended && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

TestHttpResponse HeadlessCairn::call(const QByteArray &method, const QByteArray &target, const QByteArray &jsonBody)
{
    TestHttpClient client(m_port);
    QList<QByteArray> headers;
    if (!m_token.isEmpty())
        headers << authorization();
    if (!jsonBody.isEmpty())
        headers << "Content-Type: application/json" << "Content-Length: " + QByteArray::number(jsonBody.size());
    client.send(requestBytes(method, target, headers, jsonBody));
    return client.read(false, 30000);
}

int HeadlessCairn::waitForTracks(int tracks, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    int seen = -1;
    do {
        const QJsonObject scan = QJsonDocument::fromJson(call("GET", "/api/scan").body).object();
        seen = scan.value(u"tracks"_s).toInt(-1);
        if (!scan.value(u"scanning"_s).toBool(true) && seen == tracks)
            break;
        QThread::msleep(100);
    } while (waited.elapsed() < timeoutMs);
    return seen;
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": the name may hold spaces and parentheses, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children << candidate;
    }
    return children;
}

bool processEnded(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.isEmpty() || line.mid(line.lastIndexOf(')') + 2).startsWith('Z');
}

QStringList integrityCheck(const QString &sqlitePath)
{
    const QString name = u"integrity-"_s + QString::number(quintptr(&sqlitePath));
    QStringList lines;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(sqlitePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open())
            return {u"cannot open: "_s + sqlitePath};
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA integrity_check"_s))
            lines << u"cannot run integrity_check"_s;
        while (q.next())
            lines << q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return lines;
}

qint64 rowsIn(const QString &sqlitePath, const QString &table)
{
    const QString name = u"rows-"_s + QString::number(quintptr(&sqlitePath));
    qint64 rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(sqlitePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        QSqlQuery q(db);
        if (db.open() && q.exec(u"SELECT COUNT(*) FROM "_s + table) && q.next())
            rows = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace cairn::test
