#include "AlbumGrid.h"

#include "scan/LibraryScanner.h"
#include "AlbumFilterModel.h"
#include "AlbumGridModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

AlbumGrid::AlbumGrid(const Database &db, artwork::ArtworkService &artwork, LibraryScanner &scanner,
                     QWidget *parent)
    : QWidget(parent)
    , m_model(new AlbumGridModel(db, artwork, this))
    , m_filter(new AlbumFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_noMatch(new QLabel(this))
    , m_view(new QListView(this))
    , m_filterDelay(new QTimer(this))
{
    m_search->setObjectName(u"albumSearch"_s);
    m_count->setObjectName(u"albumCountLabel"_s);
    m_noMatch->setObjectName(u"albumNoMatchLabel"_s);
    m_view->setObjectName(u"albumView"_s);

    m_search->setPlaceholderText(tr("Search albums by title or artist"));
    m_search->setAccessibleName(m_search->placeholderText());
    m_search->setClearButtonEnabled(true);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();

    // 10,000 albums: every item the same size, laid out in batches, covers only for what shows.
    const int cover = AlbumGridModel::kCoverSize;
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(500);
    m_view->setWordWrap(true);
    m_view->setIconSize({cover, cover});
    m_view->setGridSize({cover + 24, cover + 48});
    m_view->setSpacing(4);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Albums"));
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(searchRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_noMatch, 1);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &AlbumGrid::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyFilter();   // the clear button shows everything at once
        else
            m_filterDelay->start();
    });
    for (const auto changed : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, changed, this, &AlbumGrid::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AlbumGrid::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &AlbumGrid::updateCount);
    connect(m_model, &AlbumGridModel::loaded, this, &AlbumGrid::updateCount);

    // The scanner lives on its own thread: the signal arrives queued.
    connect(&scanner, &LibraryScanner::scanFinished, m_model, &AlbumGridModel::refresh);
}

void AlbumGrid::applyFilter()
{
    m_filterDelay->stop();
    m_filter->setSearchText(m_search->text());
    updateCount();
}

void AlbumGrid::updateCount()
{
    if (!m_model->isLoaded()) {
        m_count->clear();
        return;
    }
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    const bool filtering = m_filter->isFiltering();
    m_count->setText(filtering ? tr("%L1 of %Ln albums", nullptr, total).arg(shown)
                               : tr("%Ln albums", nullptr, total));
    const bool noMatch = filtering && shown == 0;
    if (noMatch)
        m_noMatch->setText(tr("No album title or artist matches “%1”.").arg(m_filter->searchText().trimmed()));
    m_noMatch->setVisible(noMatch);
    m_view->setVisible(!noMatch);
}

} // namespace cairn
