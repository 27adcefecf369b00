#include "LogFilterModel.h"

#include "LogTableModel.h"

namespace cairn {

int LogFilterModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 4;
    }
    return 0;
}

void LogFilterModel::setMinimumLevel(QtMsgType type)
{
    m_minimumSeverity = severity(type);
    invalidateFilter();
}

void LogFilterModel::setCategory(const QString &category)
{
    m_category = category;
    invalidateFilter();
}

void LogFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const auto cell = [&](int column) { return model->index(sourceRow, column, sourceParent); };
    const auto type = QtMsgType(cell(LogTableModel::Level).data(LogTableModel::LevelRole).toInt());
    if (severity(type) < m_minimumSeverity)
        return false;
    const QString category = cell(LogTableModel::Category).data().toString();
    if (!m_category.isEmpty() && category != m_category)
        return false;
    if (m_search.isEmpty())
        return true;
    return category.contains(m_search, Qt::CaseInsensitive)
           || cell(LogTableModel::Message).data().toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace cairn
