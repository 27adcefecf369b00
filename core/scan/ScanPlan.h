#pragma once
// What a scan has to do, decided by comparing the files on disk with what the catalog
// remembers (size + mtime): read new/changed files, skip unchanged ones, drop vanished ones.

#include "catalog/TrackRepository.h"

#include "MediaWalker.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace cairn {

struct ReadJob
{
    qint64 folderId = 0;
    FoundFile file;
    MediaKind kind = MediaKind::Audio;
    qint64 existingTrackId = 0;   // 0 for a file new to the catalog
    bool mayHaveError = true;     // false: the catalog holds no scan error for the path to clear
};

class ScanPlan
{
public:
    QList<ReadJob> toRead;
    int files = 0;                    // all media files found
    int unchanged = 0;
    int knownErrors = 0;              // broken files that have not changed since

    // `tracks` and `errors` are the catalog's stamps for this folder, keyed by path.
    // A file already found through an earlier folder (nested library folders) is skipped.
    void addFolder(qint64 folderId, const QList<FoundFile> &found,
                   const QHash<QString, FileStamp> &tracks, const QHash<QString, FileStamp> &errors);

    // Once every folder is added: catalog entries whose file no folder has any more.
    QList<qint64> tracksToRemove() const;
    QStringList errorsToClear() const;

private:
    QSet<QString> m_found;
    QHash<QString, qint64> m_missingTracks;   // path -> track id
    QStringList m_missingErrors;
};

} // namespace cairn
