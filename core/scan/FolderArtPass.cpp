#include "FolderArtPass.h"

#include "artwork/FolderImage.h"
#include "catalog/ArtworkRepository.h"
#include "catalog/WriteTransaction.h"

#include "ScanLog.h"

#include <QFileInfo>
#include <QHash>

namespace cairn {

namespace {

bool isBelowAny(const QString &path, const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        if (path.size() > dir.size() && path.startsWith(dir) && path.at(dir.size()) == u'/')
            return true;
    }
    return false;
}

} // namespace

int refreshFolderArt(const Database &db, const std::atomic_bool &cancel, const QStringList &under)
{
    ArtworkRepository repository(db);
    const QList<TrackFolderArt> tracks = repository.folderArtOfAllTracks();
    QHash<QString, QString> imageOfFolder;   // one directory listing per folder
    WriteTransaction tx(db);
    int changed = 0;
    for (const TrackFolderArt &track : tracks) {
        if (cancel.load())
            break;
        if (!under.isEmpty() && !isBelowAny(track.path, under))
            continue;
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
