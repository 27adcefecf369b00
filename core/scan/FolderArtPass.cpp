#include "FolderArtPass.h"

#include "artwork/FolderImage.h"
#include "catalog/ArtworkRepository.h"
#include "catalog/WriteTransaction.h"

#include "ScanLog.h"

#include <QFileInfo>
#include <QHash>

namespace cairn {

int refreshFolderArt(const Database &db, const std::atomic_bool &cancel, const QHash<QString, QString> &listed,
                     const QStringList &under)
{
    ArtworkRepository repository(db);
    QList<TrackFolderArt> tracks;
    if (under.isEmpty())
        tracks = repository.folderArtOfAllTracks();
    for (const QString &dir : under)
        tracks += repository.folderArtOfTracksBelow(dir);
    QHash<QString, QString> imageOfFolder = listed;   // one directory listing per folder
    WriteTransaction tx(db);
    int changed = 0;
    for (const TrackFolderArt &track : tracks) {
        if (cancel.load())
            break;
        const QString folder = QFileInfo(track.path).absolutePath();
        auto it = imageOfFolder.constFind(folder);
        if (it == imageOfFolder.cend())
            it = imageOfFolder.insert(folder, artwork::folderImageIn(folder));
        if (*it != track.folderArt && repository.setFolderArt(track.trackId, *it))
            ++changed;
    }
    if (!tx.commit())
        qCWarning(lcScan) << "folder images were not recorded";
    return changed;
}

} // namespace cairn
