#include "base/LogJournal.h"

#include "base/LogText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMutexLocker>

namespace cairn {
namespace {

std::atomic<QtMessageHandler> previousHandler{nullptr};
std::atomic<LogJournal *> theJournal{nullptr};
// A message logged while a line is being recorded (by Qt's event posting, say) is passed on
// but not recorded, so the handler never recurses into itself.
thread_local bool recording = false;

} // namespace

LogJournal &LogJournal::install(int capacity)
{
    static LogJournal *journal = [capacity] {
        auto *created = new LogJournal(capacity);   // never deleted: lines arrive until exit
        theJournal.store(created);
        previousHandler.store(qInstallMessageHandler(&LogJournal::handle));
        return created;
    }();
    return *journal;
}

LogJournal::LogJournal(int capacity) : m_capacity(qMax(1, capacity)) {}

QList<LogEntry> LogJournal::entriesAfter(quint64 sequence) const
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.isEmpty() || m_entries.constLast().sequence <= sequence)
        return {};
    const quint64 first = m_entries.constFirst().sequence;
    const qsizetype from = sequence < first ? 0 : qsizetype(sequence - first + 1);
    return m_entries.mid(qMax(from, m_entries.size() - m_capacity));
}

void LogJournal::record(QtMsgType type, const char *category, const QString &message)
{
    {
        QMutexLocker lock(&m_mutex);
        m_entries.append({++m_sequence, QDateTime::currentMSecsSinceEpoch(), type, QString::fromLatin1(category),
                          oneLogLine(message)});
        if (m_entries.size() > m_capacity + m_capacity / 4)
            m_entries.remove(0, m_entries.size() - m_capacity);
    }
    if (!m_notifyPending.exchange(true)) {
        QMetaObject::invokeMethod(this, [this] {
            m_notifyPending.store(false);
            Q_EMIT appended();
        }, Qt::QueuedConnection);
    }
}

void LogJournal::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!recording) {
        recording = true;
        if (LogJournal *journal = theJournal.load())
            journal->record(type, context.category ? context.category : "default", message);
        recording = false;
    }
    if (const QtMessageHandler previous = previousHandler.load())
        previous(type, context, message);
}

} // namespace cairn
