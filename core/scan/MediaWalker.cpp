#include "MediaWalker.h"

#include "artwork/FolderImage.h"
#include "scan/MediaTypes.h"
#include "ScanLog.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

QList<FoundFile> MediaWalker::walk(const QString &root, QHash<QString, QString> *folderImages) const
{
    QList<FoundFile> files;
    QSet<QString> visited;   // canonical paths: a symlink loop is entered once
    QStringList pending{root};
    while (!pending.isEmpty() && !m_cancel.load()) {
        const QString dirPath = pending.takeLast();
        const QString canonical = QFileInfo(dirPath).canonicalFilePath();
        if (canonical.isEmpty() || visited.contains(canonical))
            continue;
        visited.insert(canonical);

        const QFileInfoList entries = QDir(dirPath).entryInfoList(
            QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        QStringList subdirs;
        const qsizetype filesBefore = files.size();
        for (const QFileInfo &entry : entries) {
            if (entry.fileName().startsWith(u'.'))
                continue;   // QDir already hides them on Unix; this covers dot names elsewhere
            if (entry.isDir()) {
                subdirs << entry.filePath();
            } else if (entry.isFile() && media::kindOfExtension(entry.suffix().toLower())) {
                // Straight to seconds: a local time turned into UTC costs a time zone lookup
                // (mktime) per file, most of a rescan's time spent on the clock.
                const qint64 mtime = entry.lastModified().toSecsSinceEpoch();
                files << FoundFile{entry.filePath(), entry.size(), QDateTime::fromSecsSinceEpoch(mtime, Qt::UTC)};
            }
        }
        if (folderImages && files.size() > filesBefore)
            folderImages->insert(QFileInfo(files.at(filesBefore).path).absolutePath(),
                                 artwork::folderImageAmong(entries));
        // Reverse so the stack pops them in name order.
        for (auto it = subdirs.crbegin(); it != subdirs.crend(); ++it)
            pending << *it;
    }
    return files;
}

} // namespace cairn
