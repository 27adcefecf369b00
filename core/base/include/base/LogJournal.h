#pragma once
// The application's recent log lines, kept in memory for the desktop's Logs tab: a message
// handler records each line (the last `capacity` are shown, older ones dropped) and passes it
// on to the handler installed before it. Thread-safe; never blocks a logging thread beyond a
// short lock.

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>

namespace cairn {

struct LogEntry
{
    quint64 sequence = 0;   // 1 for the first line recorded, then counting up
    qint64 atMs = 0;        // ms since the epoch (UTC): the local time is worked out when shown
    QtMsgType type = QtInfoMsg;
    QString category;
    QString message;        // one line: controls escaped
};

class LogJournal : public QObject
{
    Q_OBJECT
public:
    // Installs the journal's message handler once and returns the journal, which lives until the
    // process ends (log lines arrive until then). Call after QCoreApplication exists: the
    // appended() signal is delivered on the thread that installed it.
    static LogJournal &install(int capacity = 5000);

    int capacity() const { return m_capacity; }
    // The lines recorded after `sequence` (0: all kept), oldest first; at most capacity().
    QList<LogEntry> entriesAfter(quint64 sequence) const;

Q_SIGNALS:
    // New lines were recorded; coalesced, so one signal may stand for many lines.
    void appended();

private:
    explicit LogJournal(int capacity);
    void record(QtMsgType type, const char *category, const QString &message);
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    const int m_capacity;
    mutable QMutex m_mutex;
    // Up to 1.25 × capacity: the oldest quarter goes in one move, not one line per new line.
    QList<LogEntry> m_entries;
    quint64 m_sequence = 0;
    std::atomic<bool> m_notifyPending{false};
};

} // namespace cairn
