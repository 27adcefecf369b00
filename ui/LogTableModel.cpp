#include "LogTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

LogTableModel::LogTableModel(const LogJournal &journal, QObject *parent)
    : QAbstractTableModel(parent), m_journal(journal)
{
    connect(&journal, &LogJournal::appended, this, &LogTableModel::fetchNew);
    fetchNew();
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogTableModel::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return tr("debug");
    case QtInfoMsg: return tr("info");
    case QtWarningMsg: return tr("warning");
    case QtCriticalMsg: return tr("critical");
    case QtFatalMsg: return tr("fatal");
    }
    return {};
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LogEntry &entry = m_rows.at(index.row());
    if (role == LevelRole)
        return int(entry.type);
    if (role == Qt::ForegroundRole && index.column() == Level) {
        if (entry.type == QtCriticalMsg || entry.type == QtFatalMsg)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (entry.type == QtWarningMsg)
            return QBrush(QColor(0xb3, 0x6b, 0x00));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time: return QDateTime::fromMSecsSinceEpoch(entry.atMs).toString(u"HH:mm:ss.zzz"_s);
    case Level: return levelName(entry.type);
    case Category: return entry.category;
    case Message: return entry.message;
    default: return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Category: return tr("Category");
    case Message: return tr("Message");
    default: return {};
    }
}

QString LogTableModel::lineOf(int row) const
{
    const LogEntry &e = m_rows.at(row);
    return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(Qt::ISODateWithMs) + u' ' + levelName(e.type) + u' ' + e.category + u": "_s + e.message;
}

QStringList LogTableModel::categories() const
{
    return m_categories;
}

void LogTableModel::fetchNew()
{
    const QList<LogEntry> fresh = m_journal.entriesAfter(m_lastSequence);
    if (fresh.isEmpty())
        return;
    m_lastSequence = fresh.constLast().sequence;
    // Bounded like the journal: make room first, then append.
    const qsizetype capacity = m_journal.capacity();
    const qsizetype incoming = qMin(fresh.size(), capacity);
    const qsizetype drop = qMax<qsizetype>(0, m_rows.size() + incoming - capacity);
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        m_rows.remove(0, drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + incoming - 1));
    for (qsizetype i = fresh.size() - incoming; i < fresh.size(); ++i)
        m_rows.append(fresh.at(i));
    endInsertRows();
    for (qsizetype i = fresh.size() - incoming; i < fresh.size(); ++i) {
        const QString &category = fresh.at(i).category;
        const auto at = std::lower_bound(m_categories.begin(), m_categories.end(), category);
        if (at == m_categories.end() || *at != category) {
            m_categories.insert(at, category);
            Q_EMIT categoryAdded(category);
        }
    }
}

} // namespace cairn
