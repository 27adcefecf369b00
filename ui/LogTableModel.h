#pragma once
// The log lines the Logs tab shows, one row each (time, level, category, message), fed from the
// journal as lines arrive and bounded like it: the oldest rows leave first.

#include "base/LogJournal.h"

#include <QAbstractTableModel>

namespace cairn {

class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Level, Category, Message, ColumnCount };
    static constexpr int LevelRole = Qt::UserRole;   // the QtMsgType, for filtering

    explicit LogTableModel(const LogJournal &journal, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A row as one line of text, as copied to the clipboard.
    QString lineOf(int row) const;
    // Every category seen so far, sorted.
    QStringList categories() const;
    static QString levelName(QtMsgType type);

    // Takes the lines recorded since the last call (also run on the journal's signal).
    void fetchNew();

Q_SIGNALS:
    void categoryAdded(const QString &category);

private:
    const LogJournal &m_journal;
    QList<LogEntry> m_rows;
    quint64 m_lastSequence = 0;
    QStringList m_categories;
};

} // namespace cairn
