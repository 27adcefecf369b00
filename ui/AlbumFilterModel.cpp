#include "AlbumFilterModel.h"

#include "AlbumGridModel.h"

namespace cairn {

AlbumFilterModel::AlbumFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);   // albums a rescan adds are filtered as they arrive
}

QString AlbumFilterModel::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    }
    return folded.toCaseFolded();
}

void AlbumFilterModel::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const QStringList words = fold(text).simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool AlbumFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString key = sourceModel()->index(sourceRow, 0, sourceParent).data(AlbumGridModel::SearchKeyRole).toString();
    for (const QString &word : m_words) {
        if (!key.contains(word))
            return false;
    }
    return true;
}

} // namespace cairn
