#include "ObjectId.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

const QHash<QString, ObjectKind> &fixedIds()
{
    static const QHash<QString, ObjectKind> ids{
        {u"0"_s, ObjectKind::Root}, {u"music"_s, ObjectKind::Music}, {u"videos"_s, ObjectKind::Videos},
        {u"artists"_s, ObjectKind::Artists}, {u"albums"_s, ObjectKind::Albums}, {u"genres"_s, ObjectKind::Genres},
        {u"tracks"_s, ObjectKind::AllTracks}, {u"mfolders"_s, ObjectKind::MusicFolders},
        {u"vall"_s, ObjectKind::AllVideos}, {u"vfolders"_s, ObjectKind::VideoFolders},
    };
    return ids;
}

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString encodeName(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toBase64(kBase64));
}

// Rejects what toBase64 would never have written, so one name has exactly one id.
std::optional<QString> decodeName(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString name = QString::fromUtf8(*decoded);
    if (name.isEmpty() || encodeName(name) != text)
        return std::nullopt;
    return name;
}

// A positive decimal id without sign, leading zeros or trailing text.
std::optional<qint64> parseNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 18 || text.front() == u'0')
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return text.toLongLong();
}

// A directory path relative to its library folder: no empty, "." or ".." segments.
bool isRelativePath(const QString &path)
{
    const QStringList segments = path.split(u'/');
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == u"."_s || segment == u".."_s)
            return false;
    }
    return true;
}

std::optional<ObjectId> parseDirectory(QStringView rest, bool video)
{
    const qsizetype dot = rest.indexOf(u'.');
    if (dot < 0)
        return std::nullopt;
    const auto folderId = parseNumber(rest.left(dot));
    const auto path = decodeName(rest.mid(dot + 1).toString());
    if (!folderId || !path || !isRelativePath(*path))
        return std::nullopt;
    return ObjectId::directory(*folderId, *path, video);
}

std::optional<ObjectId> parseItem(QStringView text)
{
    if (!text.startsWith(u"t"))
        return std::nullopt;
    if (const auto id = parseNumber(text.mid(1)))
        return ObjectId::of(ObjectKind::Item, *id);
    return std::nullopt;
}

} // namespace

bool ObjectId::holdsItems(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::AllTracks:
    case ObjectKind::AllVideos:
    case ObjectKind::ArtistAlbum:
    case ObjectKind::Album:
    case ObjectKind::Genre:
    case ObjectKind::Folder:
    case ObjectKind::Directory: return true;
    default: return false;
    }
}

std::optional<ObjectId> ObjectId::parse(const QString &text)
{
    if (text.size() > 16 * 1024)   // a deep directory's base64 path, and no more
        return std::nullopt;
    // Container ids never hold a '/', so the first one ends the container; the container part is
    // parsed as strictly as any id, and must list items.
    if (const qsizetype slash = text.indexOf(u'/'); slash >= 0) {
        const auto container = ObjectId::parse(text.left(slash));
        auto item = parseItem(QStringView(text).mid(slash + 1));
        if (!container || !item || !holdsItems(container->kind))
            return std::nullopt;
        item->in = container->toString();
        if (item->in != QStringView(text).left(slash))
            return std::nullopt;
        return item;
    }
    if (const auto fixed = fixedIds().constFind(text); fixed != fixedIds().constEnd())
        return ObjectId::of(*fixed);
    const QStringView view(text);
    if (view.startsWith(u"ar")) {
        const qsizetype dot = view.indexOf(u".al");
        if (dot < 0) {
            if (const auto id = parseNumber(view.mid(2)))
                return ObjectId::of(ObjectKind::Artist, *id);
            return std::nullopt;
        }
        const auto artist = parseNumber(view.mid(2, dot - 2));
        const auto album = parseNumber(view.mid(dot + 3));
        if (artist && album)
            return ObjectId::artistAlbum(*artist, *album);
        return std::nullopt;
    }
    if (view.startsWith(u"al")) {
        if (const auto id = parseNumber(view.mid(2)))
            return ObjectId::of(ObjectKind::Album, *id);
        return std::nullopt;
    }
    if (view.startsWith(u"mf") || view.startsWith(u"vf")) {
        if (const auto id = parseNumber(view.mid(2)))
            return ObjectId::folder(*id, view.front() == u'v');
        return std::nullopt;
    }
    if (view.startsWith(u"md") || view.startsWith(u"vd"))
        return parseDirectory(view.mid(2), view.front() == u'v');
    if (view.startsWith(u"g")) {
        if (const auto name = decodeName(view.mid(1).toString()))
            return ObjectId::genre(*name);
        return std::nullopt;
    }
    return parseItem(view);
}

QString ObjectId::toString() const
{
    switch (kind) {
    case ObjectKind::Root: return u"0"_s;
    case ObjectKind::Music: return u"music"_s;
    case ObjectKind::Videos: return u"videos"_s;
    case ObjectKind::Artists: return u"artists"_s;
    case ObjectKind::Albums: return u"albums"_s;
    case ObjectKind::Genres: return u"genres"_s;
    case ObjectKind::AllTracks: return u"tracks"_s;
    case ObjectKind::MusicFolders: return u"mfolders"_s;
    case ObjectKind::AllVideos: return u"vall"_s;
    case ObjectKind::VideoFolders: return u"vfolders"_s;
    case ObjectKind::Artist: return u"ar"_s + QString::number(id);
    case ObjectKind::ArtistAlbum: return u"ar%1.al%2"_s.arg(id).arg(albumId);
    case ObjectKind::Album: return u"al"_s + QString::number(id);
    case ObjectKind::Genre: return u"g"_s + encodeName(name);
    case ObjectKind::Folder: return (video ? u"vf"_s : u"mf"_s) + QString::number(id);
    case ObjectKind::Directory:
        return (video ? u"vd"_s : u"md"_s) + QString::number(id) + u'.' + encodeName(name);
    case ObjectKind::Item: return (in.isEmpty() ? QString() : in + u'/') + u't' + QString::number(id);
    }
    return {};
}

QString ObjectId::parentString() const
{
    switch (kind) {
    case ObjectKind::Root: return u"-1"_s;
    case ObjectKind::Music:
    case ObjectKind::Videos: return u"0"_s;
    case ObjectKind::Artists:
    case ObjectKind::Albums:
    case ObjectKind::Genres:
    case ObjectKind::AllTracks:
    case ObjectKind::MusicFolders: return u"music"_s;
    case ObjectKind::AllVideos:
    case ObjectKind::VideoFolders: return u"videos"_s;
    case ObjectKind::Artist: return u"artists"_s;
    case ObjectKind::ArtistAlbum: return ObjectId::of(ObjectKind::Artist, id).toString();
    case ObjectKind::Album: return u"albums"_s;
    case ObjectKind::Genre: return u"genres"_s;
    case ObjectKind::Folder: return video ? u"vfolders"_s : u"mfolders"_s;
    case ObjectKind::Directory: {
        const qsizetype slash = name.lastIndexOf(u'/');
        return slash < 0 ? ObjectId::folder(id, video).toString()
                         : ObjectId::directory(id, name.left(slash), video).toString();
    }
    case ObjectKind::Item: return in;   // as filed, depends on the item: its album, or the videos
    }
    return {};
}

} // namespace cairn::dlna
