#include "AlbumGrid.h"

#include "scan/LibraryScanner.h"
#include "AlbumGridModel.h"

#include <QListView>
#include <QVBoxLayout>

namespace cairn {

AlbumGrid::AlbumGrid(const Database &db, artwork::ArtworkService &artwork, LibraryScanner &scanner,
                     QWidget *parent)
    : QWidget(parent), m_model(new AlbumGridModel(db, artwork, this)), m_view(new QListView(this))
{
    const int cover = AlbumGridModel::kCoverSize;
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(true);
    m_view->setIconSize({cover, cover});
    m_view->setGridSize({cover + 24, cover + 48});
    m_view->setSpacing(4);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Albums"));
    m_view->setModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // The scanner lives on its own thread: the signal arrives queued.
    connect(&scanner, &LibraryScanner::scanFinished, m_model, &AlbumGridModel::refresh);
}

} // namespace cairn
