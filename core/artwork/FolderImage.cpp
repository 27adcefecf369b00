#include "artwork/FolderImage.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::artwork {

QString folderImageIn(const QString &directory)
{
    static const QStringList names{u"cover"_s, u"folder"_s, u"front"_s, u"album"_s};
    static const QStringList extensions{u"jpg"_s, u"jpeg"_s, u"png"_s, u"webp"_s};
    // One listing of the folder; names compared case-insensitively on every platform.
    const QFileInfoList files = QDir(directory).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    int bestRank = int(names.size() * extensions.size());
    QString best;
    for (const QFileInfo &file : files) {
        const int name = int(names.indexOf(file.completeBaseName().toLower()));
        const int extension = int(extensions.indexOf(file.suffix().toLower()));
        if (name < 0 || extension < 0 || file.size() == 0)
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
