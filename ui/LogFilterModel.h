#pragma once
// Which log lines the Logs tab shows: at least a level, one category or all, and a search text
// (case-insensitive, in the category or the message).

#include <QSortFilterProxyModel>

namespace cairn {

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Severity order: debug < info < warning < critical < fatal (QtMsgType's values are not).
    static int severity(QtMsgType type);

    void setMinimumLevel(QtMsgType type);
    void setCategory(const QString &category);   // empty: every category
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumSeverity = 0;
    QString m_category;
    QString m_search;
};

} // namespace cairn
