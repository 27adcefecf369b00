#include "AlbumGridModel.h"

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

} // namespace

AlbumGridModel::AlbumGridModel(const Database &db, artwork::ArtworkService &artwork, QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_artwork(artwork), m_placeholder(placeholderIcon())
{
    m_loaders.setMaxThreadCount(2);
    refresh();
}

AlbumGridModel::~AlbumGridModel()
{
    m_loaders.clear();
    m_loaders.waitForDone();
}

int AlbumGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_albums.size());
}

QVariant AlbumGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_albums.size())
        return {};
    const AlbumSummary &album = m_albums.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return album.title;
    case Qt::ToolTipRole:
        return tr("%1 by %2").arg(album.title, album.artistName);
    case Qt::DecorationRole: {
        const auto it = m_covers.constFind(album.id);
        if (it != m_covers.cend())
            return *it;
        requestCover(album.id);
        return m_placeholder;
    }
    case AlbumIdRole:
        return album.id;
    case HasCoverRole:
        return m_covers.contains(album.id);
    default:
        return {};
    }
}

void AlbumGridModel::refresh()
{
    beginResetModel();
    ++m_generation;
    m_loaders.clear();
    m_albums = ArtworkRepository(m_db).albums(Visibility::everything());
    m_rowOfAlbum.clear();
    for (qsizetype row = 0; row < m_albums.size(); ++row)
        m_rowOfAlbum.insert(m_albums.at(row).id, int(row));
    m_covers.clear();
    m_requested.clear();
    endResetModel();
}

void AlbumGridModel::requestCover(qint64 albumId) const
{
    if (m_requested.contains(albumId))
        return;
    m_requested.insert(albumId);
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
    if (generation != m_generation || image.isNull())
        return;
    const auto row = m_rowOfAlbum.constFind(albumId);
    if (row == m_rowOfAlbum.cend())
        return;
    m_covers.insert(albumId, QIcon(QPixmap::fromImage(image)));
    const QModelIndex changed = index(*row);
    Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole, HasCoverRole});
    Q_EMIT coverArrived(albumId);
}

} // namespace cairn
