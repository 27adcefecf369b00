#pragma once
// The albums of the library with their covers, for a QListView in icon mode. The album list is
// read in one query on a worker thread (never on the GUI thread) and merged into the rows in
// place, so a refresh after a scan keeps the view's scroll position and any filter above it.
// Covers are fetched (and resized) on a small thread pool only when the view first asks for one,
// arrive back on the GUI thread and are kept in a bounded cache; until then an album shows a
// placeholder.

#include "catalog/ArtworkRepository.h"

#include <QAbstractListModel>
#include <QCache>
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
    static constexpr int kCachedCovers = 600;   // about 60 MB of 160×160 covers
    enum Role { AlbumIdRole = Qt::UserRole + 1, HasCoverRole, SearchKeyRole };

    // One album of the grid: its summary and its folded "title artist" for the search box.
    struct Row
    {
        AlbumSummary album;
        QString searchKey;
    };

    // Starts reading the album list; loaded() tells when the rows are there.
    AlbumGridModel(const Database &db, artwork::ArtworkService &artwork, QObject *parent = nullptr);
    ~AlbumGridModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // Reads the album list again (after a scan) off the GUI thread and merges it into the rows:
    // gone albums are removed, new ones inserted, renamed ones changed; covers are fetched anew
    // as they are shown (the old one stays until then).
    void refresh();
    bool isLoaded() const { return m_loaded; }

    // The merge itself (public for tests): brings the rows to `rows`, in their order.
    void applyRows(QList<Row> rows);

Q_SIGNALS:
    void coverArrived(qint64 albumId);
    void loaded();   // after each (re)read of the list was merged

private:
    void requestCover(qint64 albumId) const;
    void acceptCover(int generation, qint64 albumId, const QImage &image);
    void removeGone(const QSet<qint64> &keep);
    void reorderKept(const QList<Row> &rows);
    void insertNew(const QList<Row> &rows);
    void changeRenamed(const QHash<qint64, Row> &fresh);
    void reindex();

    const Database &m_db;
    artwork::ArtworkService &m_artwork;
    QList<Row> m_rows;
    QHash<qint64, int> m_rowOfAlbum;
    mutable QCache<qint64, QIcon> m_covers;
    mutable QSet<qint64> m_requested;   // asked for since the last refresh (arrived or not)
    mutable QSet<qint64> m_fresh;       // their covers that arrived (maybe evicted since)
    int m_generation = 0;                // of covers: a refresh asks for them anew
    int m_listGeneration = 0;            // of album lists: only the newest read is merged
    bool m_loaded = false;
    QIcon m_placeholder;
    QThreadPool m_lister;                // one thread: reads the album list
    mutable QThreadPool m_loaders;       // declared last: destroyed (and waited for) first
};

} // namespace cairn
