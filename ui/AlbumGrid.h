#pragma once
// The album covers of the library as a grid (a QListView in icon mode), refreshed after every
// scan, with a search box above it: albums whose title or album artist hold what is typed
// (case and accents ignored), "n of m albums", and a message when none does.

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace cairn {

class AlbumFilterModel;
class AlbumGridModel;
class Database;
class LibraryScanner;
namespace artwork {
class ArtworkService;
}

class AlbumGrid : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kFilterDelayMs = 150;   // typing pauses this long before the grid filters

    AlbumGrid(const Database &db, artwork::ArtworkService &artwork, LibraryScanner &scanner,
              QWidget *parent = nullptr);

    AlbumGridModel *model() const { return m_model; }
    AlbumFilterModel *filter() const { return m_filter; }
    QListView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }

private:
    void applyFilter();
    void updateCount();

    AlbumGridModel *m_model;
    AlbumFilterModel *m_filter;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_noMatch;
    QListView *m_view;
    QTimer *m_filterDelay;
};

} // namespace cairn
