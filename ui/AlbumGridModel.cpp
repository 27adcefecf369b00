#include "AlbumGridModel.h"

#include "AlbumFilterModel.h"
#include "artwork/ArtworkService.h"
#include "catalog/Database.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

QIcon placeholderIcon()
{
    QPixmap pixmap(AlbumGridModel::kCoverSize, AlbumGridModel::kCoverSize);
    pixmap.fill(QColor(0xd0, 0xd0, 0xd0));
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x90, 0x90, 0x90));
    QFont font = painter.font();
    font.setPixelSize(AlbumGridModel::kCoverSize / 3);
    painter.setFont(font);
    painter.drawText(pixmap.rect(), Qt::AlignCenter, u"♪"_s);
    return QIcon(pixmap);
}

// On the lister thread: the one query, and the search keys folded there too.
QList<AlbumGridModel::Row> readRows(const Database &db)
{
    const QList<AlbumSummary> albums = ArtworkRepository(db).albums(Visibility::everything());
    QList<AlbumGridModel::Row> rows;
    rows.reserve(albums.size());
    for (const AlbumSummary &album : albums)
        rows.append({album, AlbumFilterModel::fold(album.title + u'\n' + album.artistName)});
    return rows;
}

bool sameText(const AlbumGridModel::Row &a, const AlbumGridModel::Row &b)
{
    return a.album.title == b.album.title && a.album.artistName == b.album.artistName
        && a.album.artistId == b.album.artistId;
}

} // namespace

AlbumGridModel::AlbumGridModel(const Database &db, artwork::ArtworkService &artwork, QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_artwork(artwork), m_placeholder(placeholderIcon())
{
    m_covers.setMaxCost(kCachedCovers);
    m_lister.setMaxThreadCount(1);
    m_loaders.setMaxThreadCount(2);
    refresh();
}

AlbumGridModel::~AlbumGridModel()
{
    m_loaders.clear();
    m_lister.clear();
    m_loaders.waitForDone();
    m_lister.waitForDone();
}

int AlbumGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AlbumGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AlbumSummary &album = m_rows.at(index.row()).album;
    switch (role) {
    case Qt::DisplayRole:
        return album.title;
    case Qt::ToolTipRole:
        return tr("%1 by %2").arg(album.title, album.artistName);
    case Qt::DecorationRole: {
        // A cover from before the last refresh (or evicted) is asked for again; the old one
        // shows until the new one is there.
        const QIcon *cover = m_covers.object(album.id);
        if (!m_requested.contains(album.id) || (!cover && m_fresh.contains(album.id)))
            requestCover(album.id);
        return cover ? *cover : m_placeholder;
    }
    case AlbumIdRole:
        return album.id;
    case HasCoverRole:
        return m_covers.contains(album.id);
    case SearchKeyRole:
        return m_rows.at(index.row()).searchKey;
    default:
        return {};
    }
}

void AlbumGridModel::refresh()
{
    const int listGeneration = ++m_listGeneration;
    m_lister.start([this, listGeneration, &db = m_db] {
        QList<Row> rows = readRows(db);
        // The model waits for its lister before it goes, so `this` is alive here.
        QMetaObject::invokeMethod(this, [this, listGeneration, rows = std::move(rows)]() mutable {
            if (listGeneration != m_listGeneration)
                return;   // a newer read is on its way
            ++m_generation;
            m_requested.clear();
            m_fresh.clear();
            applyRows(std::move(rows));
            m_loaded = true;
            Q_EMIT loaded();
        }, Qt::QueuedConnection);
    });
}

void AlbumGridModel::applyRows(QList<Row> rows)
{
    QHash<qint64, Row> fresh;
    fresh.reserve(rows.size());
    for (const Row &row : std::as_const(rows))
        fresh.insert(row.album.id, row);
    QSet<qint64> keep;
    for (const Row &row : std::as_const(m_rows)) {
        if (fresh.contains(row.album.id))
            keep.insert(row.album.id);
    }
    removeGone(keep);
    reorderKept(rows);
    insertNew(rows);
    changeRenamed(fresh);
    reindex();
}

// Runs of rows whose album is gone, removed from the end so the row numbers stay right.
void AlbumGridModel::removeGone(const QSet<qint64> &keep)
{
    int last = int(m_rows.size()) - 1;
    while (last >= 0) {
        if (keep.contains(m_rows.at(last).album.id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep.contains(m_rows.at(first - 1).album.id))
            --first;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_covers.remove(m_rows.at(row).album.id);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
}

// The remaining rows in the order of the new list (a renamed album may move); a layout change,
// so selections and the view's place follow their albums.
void AlbumGridModel::reorderKept(const QList<Row> &rows)
{
    reindex();   // after removeGone()
    QList<Row> ordered;
    ordered.reserve(m_rows.size());
    QHash<qint64, int> newRow;
    for (const Row &row : rows) {
        const auto old = m_rowOfAlbum.constFind(row.album.id);
        if (old == m_rowOfAlbum.cend())
            continue;
        newRow.insert(row.album.id, int(ordered.size()));
        ordered.append(m_rows.at(*old));
    }
    bool same = true;
    for (qsizetype i = 0; same && i < ordered.size(); ++i)
        same = ordered.at(i).album.id == m_rows.at(i).album.id;
    if (same)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(this->index(newRow.value(m_rows.at(index.row()).album.id)));
    m_rows = std::move(ordered);
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// Runs of new albums, inserted at their place in the new list (the rows before them are final).
void AlbumGridModel::insertNew(const QList<Row> &rows)
{
    QSet<qint64> present;
    present.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        present.insert(row.album.id);
    qsizetype first = 0;
    while (first < rows.size()) {
        if (present.contains(rows.at(first).album.id)) {
            ++first;
            continue;
        }
        qsizetype last = first;
        while (last + 1 < rows.size() && !present.contains(rows.at(last + 1).album.id))
            ++last;
        beginInsertRows({}, int(first), int(last));
        m_rows.insert(first, last - first + 1, Row{});
        for (qsizetype i = first; i <= last; ++i)
            m_rows[i] = rows.at(i);
        endInsertRows();
        first = last + 1;
    }
}

void AlbumGridModel::changeRenamed(const QHash<qint64, Row> &fresh)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &now = fresh.value(m_rows.at(i).album.id);
        if (sameText(now, m_rows.at(i)))
            continue;
        m_rows[i] = now;
        const QModelIndex changed = index(int(i));
        Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::ToolTipRole, SearchKeyRole});
    }
}

void AlbumGridModel::reindex()
{
    m_rowOfAlbum.clear();
    m_rowOfAlbum.reserve(m_rows.size());
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        m_rowOfAlbum.insert(m_rows.at(row).album.id, int(row));
}

void AlbumGridModel::requestCover(qint64 albumId) const
{
    m_requested.insert(albumId);
    m_fresh.remove(albumId);
    auto *self = const_cast<AlbumGridModel *>(this);
    const int generation = m_generation;
    m_loaders.start([self, generation, albumId, &db = m_db, &artwork = m_artwork] {
        QImage image;
        if (const auto source = ArtworkRepository(db).forAlbum(albumId, Visibility::everything());
            source && !source->isNone()) {
            const artwork::Artwork art = artwork.fetch(*source, kCoverSize);
            if (art.status == artwork::Artwork::Status::Ok)
                image = QImage::fromData(art.data);
        }
        // The model waits for its loaders before it goes, so `self` is alive here.
        QMetaObject::invokeMethod(self, [self, generation, albumId, image] {
            self->acceptCover(generation, albumId, image);
        }, Qt::QueuedConnection);
    });
}

void AlbumGridModel::acceptCover(int generation, qint64 albumId, const QImage &image)
{
    if (generation != m_generation)
        return;   // asked before a refresh: asked again since
    const auto row = m_rowOfAlbum.constFind(albumId);
    if (row == m_rowOfAlbum.cend())
        return;
    if (image.isNull()) {
        // No cover (any more): stays asked for until the next refresh.
        if (!m_covers.remove(albumId))
            return;
    } else {
        m_fresh.insert(albumId);   // evicted later, it is asked for again when shown
        m_covers.insert(albumId, new QIcon(QPixmap::fromImage(image)));
    }
    const QModelIndex changed = index(*row);
    Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole, HasCoverRole});
    if (!image.isNull())
        Q_EMIT coverArrived(albumId);
}

} // namespace cairn
