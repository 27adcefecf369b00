#include "artwork/FolderImage.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

QString folderImageIn(const QString &directory)
{
    // One listing of the folder; names compared case-insensitively on every platform.
    return folderImageAmong(QDir(directory).entryInfoList(QDir::Files, QDir::Name));
}

QString folderImageAmong(const QFileInfoList &entries)
{
    static const QStringList names{u"cover"_s, u"folder"_s, u"front"_s, u"album"_s};
    static const QStringList extensions{u"jpg"_s, u"jpeg"_s, u"png"_s, u"webp"_s};
    int bestRank = int(names.size() * extensions.size());
    QString best;
    for (const QFileInfo &file : entries) {
        const int name = int(names.indexOf(file.completeBaseName().toLower()));
        if (name < 0)
            continue;
        const int extension = int(extensions.indexOf(file.suffix().toLower()));
        // Readable is asked of the few candidates only: it is a system call per file.
        if (extension < 0 || !file.isFile() || file.size() == 0 || !file.isReadable())
            continue;
        const int rank = name * int(extensions.size()) + extension;
        if (rank < bestRank) {
            bestRank = rank;
            best = file.absoluteFilePath();
        }
    }
    return best;
}

} // namespace cairn::artwork
