#include "ScanPlan.h"

#include "scan/MediaTypes.h"

#include <QFileInfo>
#include <QSet>

namespace cairn {

namespace {

bool sameFile(const FoundFile &file, const FileStamp &stamp)
{
    return file.size == stamp.size && file.mtime.toSecsSinceEpoch() == stamp.mtime.toSecsSinceEpoch();
}

} // namespace

void ScanPlan::addFolder(qint64 folderId, const QList<FoundFile> &found,
                         const QHash<QString, FileStamp> &tracks,
                         const QHash<QString, FileStamp> &errors)
{
    QSet<QString> inFolder;
    inFolder.reserve(found.size());
    for (const FoundFile &file : found) {
        if (m_found.contains(file.path)) {
            inFolder.insert(file.path);
            continue;
        }
        m_found.insert(file.path);
        inFolder.insert(file.path);
        ++files;
        const auto track = tracks.constFind(file.path);
        if (track != tracks.cend() && sameFile(file, *track)) {
            ++unchanged;
            continue;
        }
        const auto error = errors.constFind(file.path);
        if (track == tracks.cend() && error != errors.cend() && sameFile(file, *error)) {
            ++knownErrors;
            continue;
        }
        const auto kind = media::kindOfExtension(QFileInfo(file.path).suffix().toLower());
        toRead << ReadJob{folderId, file, kind.value_or(MediaKind::Audio),
                          track != tracks.cend() ? track->trackId : 0};
    }
    for (auto it = tracks.cbegin(); it != tracks.cend(); ++it) {
        if (!inFolder.contains(it.key()))
            m_missingTracks.insert(it.key(), it->trackId);
    }
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!inFolder.contains(it.key()))
            m_missingErrors << it.key();
    }
}

QList<qint64> ScanPlan::tracksToRemove() const
{
    QList<qint64> ids;
    for (auto it = m_missingTracks.cbegin(); it != m_missingTracks.cend(); ++it) {
        if (!m_found.contains(it.key()))
            ids << it.value();
    }
    return ids;
}

QStringList ScanPlan::errorsToClear() const
{
    QStringList paths;
    for (const QString &path : m_missingErrors) {
        if (!m_found.contains(path))
            paths << path;
    }
    return paths;
}

} // namespace cairn
