#pragma once
// The real `cairn --headless` for the safety suites: its own data dir, an ephemeral port on
// 127.0.0.1 and a known administrator, started again on the same data dir after a stop or a
// SIGKILL. Plus what those suites read from outside the process: its children in /proc and
// the catalog file.

#include "TestHttpClient.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cairn::test {

class HeadlessCairn
{
public:
    HeadlessCairn(QString dataDir, QStringList libraries);
    ~HeadlessCairn();   // kills a process still running
    HeadlessCairn(const HeadlessCairn &) = delete;
    HeadlessCairn &operator=(const HeadlessCairn &) = delete;

    // Starts it and logs the administrator in: "" once it serves, else what went wrong.
    QString start();
    // Starts it and waits for its exit: its exit code, or -1 when it still runs after `timeoutMs`.
    int runUntilExit(int timeoutMs = 30000);
    void kill();   // SIGKILL, then reaped
    bool stop();   // SIGTERM; true on a clean exit

    qint64 pid() const { return m_process.processId(); }
    quint16 port() const { return m_port; }
    QByteArray authorization() const { return "Authorization: Bearer " + m_token; }
    QString output();   // stdout and stderr since the last start
    QString catalogPath() const;
    QString dataDir() const { return m_dataDir; }

    // One request with the administrator's token on a fresh connection; the whole answer.
    TestHttpResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &jsonBody = {});
    // Waits until no scan runs and the catalog holds `tracks` tracks (GET /api/scan); returns
    // the last count seen (the scan it starts with may begin a moment after it serves).
    int waitForTracks(int tracks, int timeoutMs = 180000);

private:
    QStringList arguments() const;
    QString logPath() const;   // every run's stdout and stderr, one after the other
    void markOutputStart();

    const QString m_dataDir;
    const QStringList m_libraries;
    QProcess m_process;
    QString m_output;
    qint64 m_outputStart = 0;
    quint16 m_port = 0;
    QByteArray m_token;
};

// The process ids whose parent is `pid` (its children, from /proc).
QList<qint64> childrenOf(qint64 pid);
// True when `pid` has ended: no /proc entry, or a zombie waiting to be reaped.
bool processEnded(qint64 pid);
// The lines PRAGMA integrity_check gives for an SQLite file (["ok"] when it is sound).
QStringList integrityCheck(const QString &sqlitePath);
// The number of rows of `table` in the catalog file as a new reader finds it (after a kill: what
// was committed); -1 when it cannot be read.
qint64 rowsIn(const QString &sqlitePath, const QString &table);

} // namespace cairn::test
