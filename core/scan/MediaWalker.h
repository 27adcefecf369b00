#pragma once
// Lists the media files below a library folder: skips hidden entries and non-media
// extensions, follows symlinks but visits each real directory once (loops terminate).

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>

namespace cairn {

struct FoundFile
{
    QString path;          // as reached from the root (not canonicalised)
    qint64 size = 0;
    QDateTime mtime;       // UTC, second precision
};

class MediaWalker
{
public:
    explicit MediaWalker(const std::atomic_bool &cancel) : m_cancel(cancel) {}

    // Files under `root`, sorted per directory; stops early when cancelled. With `folderImages`,
    // also notes the cover image (artwork::folderImageAmong, "" for none) of each directory
    // holding media files, keyed by its absolute path as QFileInfo(file).absolutePath() says.
    QList<FoundFile> walk(const QString &root, QHash<QString, QString> *folderImages = nullptr) const;

private:
    const std::atomic_bool &m_cancel;
};

} // namespace cairn
