#pragma once
// The ContentDirectory's object ids: short, stable, ASCII, and parsed strictly, since clients
// send back whatever they like. Names (genres, directories) travel as base64url so any text
// survives and no id needs escaping in XML or URLs.
//
//   "0"                      root
//   "music", "videos"        the two halves
//   "artists" "albums" "genres" "tracks" "mfolders"   under Music
//   "vall" "vfolders"        under Videos
//   "ar<artistId>"           an album artist       "ar<artistId>.al<albumId>"  their album
//   "al<albumId>"            an album              "g<base64url(name)>"        a genre
//   "mf<folderId>"           a library folder (music); "vf<folderId>" the same for videos
//   "md<folderId>.<base64url(relative path)>"  a directory inside it; "vd…" for videos
//   "t<trackId>"             an item (audio or video), as filed: under its album, or "vall"
//   "<container>/t<trackId>" the same item as listed inside another container (its parentID),
//                            a reference to "t<trackId>"; no container id holds a '/'

#include <QString>

#include <optional>

namespace cairn::dlna {

enum class ObjectKind {
    Root, Music, Videos,
    Artists, Albums, Genres, AllTracks, MusicFolders,
    AllVideos, VideoFolders,
    Artist, ArtistAlbum, Album, Genre,
    Folder, Directory,     // `video` tells the music and video views apart
    Item,
};

struct ObjectId
{
    ObjectKind kind = ObjectKind::Root;
    qint64 id = 0;          // artist, album, folder or track id
    qint64 albumId = 0;     // ArtistAlbum
    QString name;           // genre name, or the directory's path relative to its folder
    bool video = false;     // Folder, Directory
    QString in;             // Item: the id of the container it is listed in; empty = as filed

    static std::optional<ObjectId> parse(const QString &text);
    QString toString() const;
    // The container this object is listed under ("-1" for the root; empty for an item as filed,
    // whose parent depends on the track).
    QString parentString() const;

    static ObjectId of(ObjectKind kind, qint64 id = 0) { ObjectId o; o.kind = kind; o.id = id; return o; }
    static ObjectId genre(const QString &name) { ObjectId o; o.kind = ObjectKind::Genre; o.name = name; return o; }
    static ObjectId artistAlbum(qint64 artistId, qint64 albumId)
    {
        ObjectId o; o.kind = ObjectKind::ArtistAlbum; o.id = artistId; o.albumId = albumId; return o;
    }
    static ObjectId folder(qint64 folderId, bool video) { ObjectId o; o.kind = ObjectKind::Folder; o.id = folderId; o.video = video; return o; }
    static ObjectId directory(qint64 folderId, const QString &relativePath, bool video)
    {
        ObjectId o; o.kind = ObjectKind::Directory; o.id = folderId; o.name = relativePath; o.video = video; return o;
    }
    static ObjectId item(qint64 trackId, const ObjectId &container)
    {
        ObjectId o; o.kind = ObjectKind::Item; o.id = trackId; o.in = container.toString(); return o;
    }
    // Whether items are listed inside objects of `kind`.
    static bool holdsItems(ObjectKind kind);
};

} // namespace cairn::dlna
