#include "TrackCredits.h"

#include "SearchText.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// `dir`'s name if it lies strictly inside `root` (or root is unknown), else "".
QString nameInside(const QString &dir, const QString &root)
{
    const QString name = QFileInfo(dir).fileName();
    if (root.isEmpty())
        return name;
    QString prefix = QDir::cleanPath(root);
    if (!prefix.endsWith(u'/'))
        prefix += u'/';
    return QDir::cleanPath(dir).startsWith(prefix) ? name : QString();
}

QString firstNonEmpty(std::initializer_list<QString> candidates)
{
    for (const QString &c : candidates) {
        const QString trimmed = c.trimmed();
        if (!trimmed.isEmpty())
            return trimmed;
    }
    return {};
}

} // namespace

QString TrackCredits::unknownArtist()
{
    return u"Unknown Artist"_s;
}

QString TrackCredits::unknownAlbum()
{
    return u"Unknown Album"_s;
}

TrackCredits TrackCredits::derive(const Track &track, const QString &folderRoot)
{
    const QString parent = QFileInfo(track.path).path();
    const QString grandparent = QFileInfo(parent).path();
    const QString folderAlbum = nameInside(parent, folderRoot);
    const QString folderArtist = nameInside(grandparent, folderRoot);

    TrackCredits credits;
    credits.artist = firstNonEmpty({track.artist, track.albumArtist, folderArtist, unknownArtist()});
    credits.albumArtist = firstNonEmpty({track.albumArtist, track.artist, folderArtist, unknownArtist()});
    credits.album = firstNonEmpty({track.album, folderAlbum, unknownAlbum()});
    return credits;
}

QString searchDocument(const Track &track, const TrackCredits &credits)
{
    return search::document({track.title, track.artist, track.album, track.albumArtist,
                             credits.artist, credits.albumArtist, credits.album,
                             QFileInfo(track.path).completeBaseName()});
}

} // namespace cairn
