#pragma once
// The live streams as a table model. update() merges a new snapshot row by row (insert,
// remove, change only what differs), so views keep selection and scroll and never flicker.

#include "activity/StreamSnapshot.h"

#include <QAbstractTableModel>

namespace cairn {

class ActivityTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { User, Client, Track, Kind, Started, Sent, Rate, Cap, ColumnCount };
    // Raw values for sorting (numbers, dates) under this role; the stream id under IdRole.
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ActivityTableModel(QObject *parent = nullptr);

    void update(const QList<StreamSnapshot> &streams);
    const StreamSnapshot &streamAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StreamSnapshot> m_rows;
};

// "1.5 MB/s", "—" for 0; used by the tab's totals too.
QString formatRate(double bytesPerSecond);

} // namespace cairn
