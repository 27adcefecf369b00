#pragma once
// The albums of the library with their covers, for a QListView in icon mode. Covers are
// fetched (and resized) on a small thread pool only when the view first asks for one, and
// arrive back on the GUI thread; until then an album shows a placeholder.

#include "catalog/ArtworkRepository.h"

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QSet>
#include <QThreadPool>

namespace cairn {

class Database;
namespace artwork {
class ArtworkService;
}

class AlbumGridModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int kCoverSize = 160;
    enum Role { AlbumIdRole = Qt::UserRole + 1, HasCoverRole };

    AlbumGridModel(const Database &db, artwork::ArtworkService &artwork, QObject *parent = nullptr);
    ~AlbumGridModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // Reads the album list again (after a scan); covers are fetched anew as they are shown.
    void refresh();

Q_SIGNALS:
    void coverArrived(qint64 albumId);

private:
    void requestCover(qint64 albumId) const;
    void acceptCover(int generation, qint64 albumId, const QImage &image);

    const Database &m_db;
    artwork::ArtworkService &m_artwork;
    QList<AlbumSummary> m_albums;
    QHash<qint64, int> m_rowOfAlbum;
    QHash<qint64, QIcon> m_covers;
    mutable QSet<qint64> m_requested;
    int m_generation = 0;
    QIcon m_placeholder;
    mutable QThreadPool m_loaders;   // declared last: destroyed (and waited for) first
};

} // namespace cairn
