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
    // What of the catalog this folder still has: track ids (cheaper to hash than paths, a
    // rescan of a big library spends its time here) and the paths of known errors.
    QSet<qint64> presentTracks;
    presentTracks.reserve(tracks.size());
    QSet<QString> presentErrors;
    m_found.reserve(m_found.size() + found.size());
    for (const FoundFile &file : found) {
        const auto track = tracks.constFind(file.path);
        const auto error = errors.constFind(file.path);
        if (track != tracks.cend())
            presentTracks.insert(track->trackId);
        if (error != errors.cend())
            presentErrors.insert(file.path);
        const qsizetype before = m_found.size();
        m_found.insert(file.path);
        if (m_found.size() == before)
            continue;   // found through an earlier folder already
        ++files;
        if (track != tracks.cend() && sameFile(file, *track)) {
            ++unchanged;
            continue;
        }
        if (track == tracks.cend() && error != errors.cend() && sameFile(file, *error)) {
            ++knownErrors;
            continue;
        }
        const auto kind = media::kindOfExtension(QFileInfo(file.path).suffix().toLower());
        toRead << ReadJob{folderId, file, kind.value_or(MediaKind::Audio),
                          track != tracks.cend() ? track->trackId : 0, error != errors.cend()};
    }
    for (auto it = tracks.cbegin(); it != tracks.cend(); ++it) {
        if (!presentTracks.contains(it->trackId))
            m_missingTracks.insert(it.key(), it->trackId);
    }
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!presentErrors.contains(it.key()))
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
