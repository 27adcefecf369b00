#include "ObjectTree.h"

#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/DirectoryListing.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

// "Everything" for repositories that take a page size: more than any library holds.
constexpr int kAll = 100'000'000;

const QString kStorageFolder = u"object.container.storageFolder"_s;

QList<DidlObject> asObjects(const QList<Track> &tracks)
{
    QList<DidlObject> objects;
    objects.reserve(tracks.size());
    for (const Track &t : tracks)
        objects << t;
    return objects;
}

// The items as `container` lists them: as filed where they are filed, else each by an id naming
// the container, so that every child's parentID is the container it was listed in.
QList<DidlObject> listedIn(QList<DidlObject> objects, const ObjectId &container)
{
    const QString in = container.toString();
    for (DidlObject &object : objects) {
        auto *item = std::get_if<DidlItem>(&object);
        if (!item || item->parentId == in)
            continue;
        item->refId = item->id;
        item->id = ObjectId::item(item->track.id, container).toString();
        item->parentId = in;
    }
    return objects;
}

ObjectRange listedIn(ObjectRange range, const ObjectId &container)
{
    range.read = [read = std::move(range.read), container](qint64 offset, qint64 limit) {
        return listedIn(read(offset, limit), container);
    };
    return range;
}

DidlContainer artistContainer(const ArtistSummary &artist)
{
    DidlContainer c;
    c.id = ObjectId::of(ObjectKind::Artist, artist.id).toString();
    c.parentId = ObjectId::of(ObjectKind::Artists).toString();
    c.title = artist.name;
    c.upnpClass = u"object.container.person.musicArtist"_s;
    c.childCount = artist.albumCount;
    return c;
}

DidlContainer genreContainer(const GenreSummary &genre)
{
    DidlContainer c;
    c.id = ObjectId::genre(genre.name).toString();
    c.parentId = ObjectId::of(ObjectKind::Genres).toString();
    c.title = genre.name;
    c.upnpClass = u"object.container.genre.musicGenre"_s;
    c.childCount = genre.trackCount;
    return c;
}

// A library folder's own name only: its absolute path never leaves the server.
QString folderTitle(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? u"Library"_s : name;
}

} // namespace

ObjectRange ObjectRange::of(QList<DidlObject> objects)
{
    ObjectRange range;
    range.total = objects.size();
    range.read = [objects = std::move(objects)](qint64 offset, qint64 limit) {
        return objects.mid(offset, limit);
    };
    return range;
}

DidlContainer ObjectTree::fixedContainer(ObjectKind kind, qint64 childCount)
{
    DidlContainer c;
    const ObjectId id = ObjectId::of(kind);
    c.id = id.toString();
    c.parentId = id.parentString();
    c.upnpClass = kStorageFolder;
    c.childCount = childCount;
    c.searchable = kind != ObjectKind::MusicFolders && kind != ObjectKind::VideoFolders;
    switch (kind) {
    case ObjectKind::Root: c.title = u"Cairn"_s; break;
    case ObjectKind::Music: c.title = u"Music"_s; break;
    case ObjectKind::Videos: c.title = u"Videos"_s; break;
    case ObjectKind::Artists: c.title = u"Artists"_s; break;
    case ObjectKind::Albums: c.title = u"Albums"_s; break;
    case ObjectKind::Genres: c.title = u"Genres"_s; break;
    case ObjectKind::AllTracks: c.title = u"All tracks"_s; break;
    case ObjectKind::MusicFolders:
    case ObjectKind::VideoFolders: c.title = u"Folders"_s; break;
    case ObjectKind::AllVideos: c.title = u"All videos"_s; break;
    default: break;
    }
    return c;
}

std::optional<qint64> ObjectTree::fixedChildCount(ObjectKind kind) const
{
    switch (kind) {
    case ObjectKind::Root: return 2;
    case ObjectKind::Music: return 5;
    case ObjectKind::Videos: return 2;
    case ObjectKind::Artists: return albumArtists().size();
    case ObjectKind::Albums: return albums({}).total;
    case ObjectKind::Genres: return AlbumRepository(m_db).genres(m_visibility).size();
    case ObjectKind::AllTracks: return audioTracks({}).total;
    case ObjectKind::MusicFolders:
    case ObjectKind::VideoFolders: return visibleFolders().size();
    case ObjectKind::AllVideos: return videos({}).total;
    default: return std::nullopt;
    }
}

QList<Folder> ObjectTree::visibleFolders() const
{
    QList<Folder> folders = FolderRepository(m_db).list();
    folders.removeIf([this](const Folder &f) { return !m_visibility.allowsFolder(f.id); });
    return folders;
}

QList<DidlObject> ObjectTree::albumArtists() const
{
    const Page<ArtistSummary> page = ArtistRepository(m_db).list(0, kAll, m_visibility);
    QList<DidlObject> artists;
    for (const ArtistSummary &a : page.items) {
        // Performers only credited on others' albums have no albums to list here.
        if (a.albumCount > 0)
            artists << artistContainer(a);
    }
    return artists;
}

ObjectRange ObjectTree::albums(const QString &text) const
{
    AlbumQuery count;
    count.limit = 0;
    count.search = text;
    count.searchMatch = TextMatch::Anywhere;   // UPnP's "contains"
    ObjectRange range;
    range.total = AlbumRepository(m_db).list(count, m_visibility).total;
    range.read = [this, text](qint64 offset, qint64 limit) {
        AlbumQuery query;
        query.offset = offset;
        query.limit = int(qMin<qint64>(limit, kAll));
        query.search = text;
        query.searchMatch = TextMatch::Anywhere;
        query.withTotal = false;
        QList<DidlObject> objects;
        const Page<AlbumSummary> page = AlbumRepository(m_db).list(query, m_visibility);
        for (const AlbumSummary &a : page.items)
            objects << albumContainer(a, ObjectId::of(ObjectKind::Album, a.id));
        return objects;
    };
    return range;
}

QList<DidlObject> ObjectTree::genres() const
{
    QList<DidlObject> objects;
    const QList<GenreSummary> genres = AlbumRepository(m_db).genres(m_visibility);
    for (const GenreSummary &g : genres)
        objects << genreContainer(g);
    return objects;
}

ObjectRange ObjectTree::audioTracks(const QString &text) const
{
    ObjectRange range;
    range.total = TrackRepository(m_db).list(0, 0, text, m_visibility, MediaKind::Audio, TextMatch::Anywhere).total;
    range.read = [this, text](qint64 offset, qint64 limit) {
        return asObjects(TrackRepository(m_db).list(offset, int(qMin<qint64>(limit, kAll)), text, m_visibility,
                                                     MediaKind::Audio, TextMatch::Anywhere).items);
    };
    return range;
}

QList<DidlObject> ObjectTree::audioTracksOfGenre(const QString &name) const
{
    QList<DidlObject> objects;
    const QList<GenreSummary> genres = AlbumRepository(m_db).genres(m_visibility);
    for (const GenreSummary &g : genres) {
        if (g.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        SongQuery query;
        query.genre = g.name;
        query.limit = kAll;
        objects << asObjects(TrackRepository(m_db).songs(query, m_visibility));
    }
    return objects;
}

ObjectRange ObjectTree::videos(const QString &text) const
{
    ObjectRange range;
    range.total = TrackRepository(m_db).list(0, 0, text, m_visibility, MediaKind::Video, TextMatch::Anywhere).total;
    range.read = [this, text](qint64 offset, qint64 limit) {
        return asObjects(TrackRepository(m_db).list(offset, int(qMin<qint64>(limit, kAll)), text, m_visibility,
                                                     MediaKind::Video, TextMatch::Anywhere).items);
    };
    return range;
}

DidlContainer ObjectTree::albumContainer(const AlbumSummary &album, const ObjectId &id) const
{
    DidlContainer c;
    c.id = id.toString();
    c.parentId = id.parentString();
    c.title = album.title;
    c.upnpClass = u"object.container.album.musicAlbum"_s;
    c.childCount = album.trackCount;
    c.artist = album.artistName;
    c.genre = album.genre;
    c.year = album.year;
    c.albumId = album.id;
    return c;
}

std::optional<GenreSummary> ObjectTree::genreNamed(const QString &name) const
{
    const QList<GenreSummary> genres = AlbumRepository(m_db).genres(m_visibility);
    for (const GenreSummary &g : genres) {
        if (g.name == name)
            return g;
    }
    return std::nullopt;
}

std::optional<DidlContainer> ObjectTree::folderContainer(const ObjectId &id) const
{
    const std::optional<MediaKind> kind = id.video ? MediaKind::Video : MediaKind::Audio;
    const auto counts = DirectoryRepository(m_db).counts(id.id, id.kind == ObjectKind::Directory ? id.name : QString(),
                                                         m_visibility, kind);
    if (!counts)
        return std::nullopt;
    DidlContainer c;
    c.id = id.toString();
    c.parentId = id.parentString();
    c.upnpClass = kStorageFolder;
    c.childCount = counts->subdirectories + counts->tracks;
    if (id.kind == ObjectKind::Directory) {
        c.title = id.name.section(u'/', -1);
    } else {
        const QList<Folder> folders = visibleFolders();
        const auto folder = std::find_if(folders.cbegin(), folders.cend(), [&id](const Folder &f) { return f.id == id.id; });
        if (folder == folders.cend())
            return std::nullopt;
        c.title = folderTitle(folder->path);
    }
    return c;
}

std::optional<ObjectRange> ObjectTree::folderChildren(const ObjectId &id) const
{
    const QString path = id.kind == ObjectKind::Directory ? id.name : QString();
    const auto listing = DirectoryRepository(m_db).list(id.id, path, m_visibility,
                                                        id.video ? MediaKind::Video : MediaKind::Audio);
    if (!listing)
        return std::nullopt;
    QList<DidlObject> objects;
    for (const Subdirectory &sub : listing->subdirectories) {
        const ObjectId child = ObjectId::directory(id.id, path.isEmpty() ? sub.name : path + u'/' + sub.name, id.video);
        DidlContainer c;
        c.id = child.toString();
        c.parentId = id.toString();
        c.title = sub.name;
        c.upnpClass = kStorageFolder;
        c.childCount = sub.entries;
        objects << c;
    }
    objects << listedIn(asObjects(listing->tracks), id);
    return ObjectRange::of(std::move(objects));
}

std::optional<DidlObject> ObjectTree::object(const ObjectId &id) const
{
    if (const auto count = fixedChildCount(id.kind))
        return fixedContainer(id.kind, *count);
    switch (id.kind) {
    case ObjectKind::Artist: {
        const auto artist = ArtistRepository(m_db).find(id.id, m_visibility);
        if (!artist || artist->albumCount == 0)
            return std::nullopt;
        return artistContainer(*artist);
    }
    case ObjectKind::ArtistAlbum:
    case ObjectKind::Album: {
        const qint64 albumId = id.kind == ObjectKind::Album ? id.id : id.albumId;
        const auto album = AlbumRepository(m_db).find(albumId, m_visibility);
        if (!album || (id.kind == ObjectKind::ArtistAlbum && album->artistId != id.id))
            return std::nullopt;
        return albumContainer(*album, id);
    }
    case ObjectKind::Genre: {
        const auto genre = genreNamed(id.name);
        if (!genre)
            return std::nullopt;
        return genreContainer(*genre);
    }
    case ObjectKind::Folder:
    case ObjectKind::Directory: {
        if (const auto container = folderContainer(id))
            return *container;
        return std::nullopt;
    }
    case ObjectKind::Item: {
        const auto track = TrackRepository(m_db).find(id.id, m_visibility);
        if (!track)
            return std::nullopt;
        DidlItem filed(*track);
        if (id.in.isEmpty())
            return filed;
        // Where it is filed the item has one id only: its own.
        if (id.in == filed.parentId)
            return std::nullopt;
        const auto container = ObjectId::parse(id.in);
        if (!container || !lists(*container, *track))
            return std::nullopt;
        return DidlItem(*track, id.toString(), id.in, filed.id);
    }
    default: return std::nullopt;
    }
}

bool ObjectTree::lists(const ObjectId &container, const Track &track) const
{
    const bool audio = track.kind == MediaKind::Audio;
    switch (container.kind) {
    case ObjectKind::AllTracks: return audio;
    case ObjectKind::AllVideos: return !audio;
    case ObjectKind::Album: return audio && track.albumId == container.id;
    case ObjectKind::ArtistAlbum: return audio && track.albumId == container.albumId && object(container);
    case ObjectKind::Genre:
        return audio && !track.genre.isEmpty() && track.genre == container.name && genreNamed(container.name);
    case ObjectKind::Folder:
    case ObjectKind::Directory: {
        if (track.folderId != container.id || audio == container.video)
            return false;
        const QList<Folder> folders = visibleFolders();
        const auto folder = std::find_if(folders.cbegin(), folders.cend(),
                                         [&container](const Folder &f) { return f.id == container.id; });
        if (folder == folders.cend())
            return false;
        // As DirectoryRepository lists it: directly inside, compared exactly (case included).
        QString prefix = folder->path;
        if (!prefix.endsWith(u'/'))
            prefix += u'/';
        if (container.kind == ObjectKind::Directory)
            prefix += container.name + u'/';
        return track.path.startsWith(prefix) && track.path.indexOf(u'/', prefix.size()) < 0;
    }
    default: return false;
    }
}

std::optional<ObjectRange> ObjectTree::children(const ObjectId &id) const
{
    const auto fixed = [this](std::initializer_list<ObjectKind> kinds) {
        QList<DidlObject> objects;
        for (const ObjectKind kind : kinds)
            objects << fixedContainer(kind, fixedChildCount(kind).value_or(0));
        return ObjectRange::of(std::move(objects));
    };
    switch (id.kind) {
    case ObjectKind::Root: return fixed({ObjectKind::Music, ObjectKind::Videos});
    case ObjectKind::Music:
        return fixed({ObjectKind::Artists, ObjectKind::Albums, ObjectKind::Genres, ObjectKind::AllTracks,
                      ObjectKind::MusicFolders});
    case ObjectKind::Videos: return fixed({ObjectKind::AllVideos, ObjectKind::VideoFolders});
    case ObjectKind::Artists: return ObjectRange::of(albumArtists());
    case ObjectKind::Albums: return albums({});
    case ObjectKind::Genres: return ObjectRange::of(genres());
    case ObjectKind::AllTracks: return listedIn(audioTracks({}), id);
    case ObjectKind::AllVideos: return listedIn(videos({}), id);
    case ObjectKind::MusicFolders:
    case ObjectKind::VideoFolders: {
        QList<DidlObject> objects;
        const bool video = id.kind == ObjectKind::VideoFolders;
        const QList<Folder> folders = visibleFolders();
        for (const Folder &f : folders) {
            if (const auto container = folderContainer(ObjectId::folder(f.id, video)))
                objects << *container;
        }
        return ObjectRange::of(std::move(objects));
    }
    case ObjectKind::Artist: {
        if (!object(id))
            return std::nullopt;
        AlbumQuery query;
        query.artistId = id.id;
        query.limit = kAll;
        query.withTotal = false;
        QList<DidlObject> objects;
        const Page<AlbumSummary> page = AlbumRepository(m_db).list(query, m_visibility);
        for (const AlbumSummary &a : page.items)
            objects << albumContainer(a, ObjectId::artistAlbum(id.id, a.id));
        return ObjectRange::of(std::move(objects));
    }
    case ObjectKind::ArtistAlbum:
    case ObjectKind::Album: {
        if (!object(id))
            return std::nullopt;
        const qint64 albumId = id.kind == ObjectKind::Album ? id.id : id.albumId;
        return ObjectRange::of(listedIn(asObjects(AlbumRepository(m_db).tracks(albumId, m_visibility)), id));
    }
    case ObjectKind::Genre: {
        if (!genreNamed(id.name))
            return std::nullopt;
        SongQuery query;
        query.genre = id.name;
        query.limit = kAll;
        return ObjectRange::of(listedIn(asObjects(TrackRepository(m_db).songs(query, m_visibility)), id));
    }
    case ObjectKind::Folder:
    case ObjectKind::Directory: return folderChildren(id);
    case ObjectKind::Item: {
        if (!object(id))
            return std::nullopt;
        return ObjectRange::of({});
    }
    }
    return std::nullopt;
}

} // namespace cairn::dlna
