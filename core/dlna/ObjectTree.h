#pragma once
// The ContentDirectory's tree over the catalog: what each object id names and which objects lie
// directly inside it, within one Visibility (nothing outside it is listed, counted or found).
//
//   0 ─ music ─ artists ─ ar<id> ─ ar<id>.al<id> ─ tracks
//     │       ├ albums ─ al<id> ─ tracks
//     │       ├ genres ─ g<name> ─ tracks
//     │       ├ tracks (all)
//     │       └ mfolders ─ mf<id> ─ md<id>.<path>… ─ tracks
//     └ videos ─ vall ─ videos
//              └ vfolders ─ vf<id> ─ vd<id>.<path>… ─ videos
//
// A track is "t<id>" in its album (a video in vall); anywhere else it is "<container>/t<id>",
// parented there and referring to "t<id>" (ObjectId.h).

#include "DidlObject.h"
#include "ObjectId.h"

#include "catalog/Browse.h"
#include "catalog/Folder.h"
#include "catalog/Visibility.h"

#include <QList>

#include <functional>
#include <optional>

namespace cairn {
class Database;
}

namespace cairn::dlna {

// Objects too many to read whole every time (all tracks): how many, and how to read a slice.
struct ObjectRange
{
    qint64 total = 0;
    std::function<QList<DidlObject>(qint64 offset, qint64 limit)> read;

    static ObjectRange of(QList<DidlObject> objects);
};

class ObjectTree
{
public:
    ObjectTree(const Database &db, const Visibility &visibility) : m_db(db), m_visibility(visibility) {}

    // Nothing when `id` names nothing this visibility can see.
    std::optional<DidlObject> object(const ObjectId &id) const;
    std::optional<ObjectRange> children(const ObjectId &id) const;

    // What search reads: every object of one kind, or those matching `text` (as the catalog's
    // search: title, artist, album; a superset of what a `contains` term needs).
    QList<DidlObject> albumArtists() const;
    ObjectRange albums(const QString &text) const;
    QList<DidlObject> genres() const;
    ObjectRange audioTracks(const QString &text) const;
    // The tracks of the genres named `name`, compared case-insensitively.
    QList<DidlObject> audioTracksOfGenre(const QString &name) const;
    ObjectRange videos(const QString &text) const;

    static DidlContainer fixedContainer(ObjectKind kind, qint64 childCount);

private:
    std::optional<qint64> fixedChildCount(ObjectKind kind) const;
    QList<Folder> visibleFolders() const;
    DidlContainer albumContainer(const AlbumSummary &album, const ObjectId &id) const;
    std::optional<DidlContainer> folderContainer(const ObjectId &id) const;
    std::optional<ObjectRange> folderChildren(const ObjectId &id) const;
    std::optional<GenreSummary> genreNamed(const QString &name) const;
    // Whether `container` lists `track` (a visible one) among its children.
    bool lists(const ObjectId &container, const Track &track) const;

    const Database &m_db;
    const Visibility &m_visibility;
};

} // namespace cairn::dlna
