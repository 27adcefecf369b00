#pragma once
// The albums whose title or album artist hold every word the user typed, case- and
// diacritics-insensitively ("sigur ros" finds "Sigur Rós"), over AlbumGridModel's search keys.

#include <QSortFilterProxyModel>
#include <QStringList>

namespace cairn {

class AlbumFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlbumFilterModel(QObject *parent = nullptr);

    // What the user typed; an empty (or blank) text shows every album.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    bool isFiltering() const { return !m_words.isEmpty(); }

    // NFKD without combining marks, case-folded: how the keys and the words are compared.
    static QString fold(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;   // folded
};

} // namespace cairn
