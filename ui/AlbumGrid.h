#pragma once
// The album covers of the library as a grid (a QListView in icon mode), refreshed after
// every scan.

#include <QWidget>

class QListView;

namespace cairn {

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
    AlbumGrid(const Database &db, artwork::ArtworkService &artwork, LibraryScanner &scanner,
              QWidget *parent = nullptr);

    AlbumGridModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

private:
    AlbumGridModel *m_model;
    QListView *m_view;
};

} // namespace cairn
