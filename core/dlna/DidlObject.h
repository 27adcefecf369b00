#pragma once
// One object of the tree as the DIDL writer, the search and the sort see it: a container the
// tree describes, or a catalog item (audio track or video).

#include "catalog/Track.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace cairn::dlna {

struct DidlContainer
{
    QString id;
    QString parentId;
    QString title;
    QString upnpClass;
    qint64 childCount = 0;
    bool searchable = false;
    // Albums (and artists, genres) only; empty / 0 = left out.
    QString artist;
    QString genre;
    int year = 0;
    qint64 albumId = 0;   // for the album's artwork
};

// A track as one container lists it. As filed (its album, or the videos) it is "t<id>"; inside
// any other container it has an id of its own whose parent is that container, and refers to the
// filed one, so a control point going up by parentID lands where it came from.
struct DidlItem
{
    Track track;
    QString id;
    QString parentId;
    QString refId;   // empty: the item as filed

    DidlItem(Track t);   // as filed; implicit, so a Track is a DidlObject
    DidlItem(Track t, QString listedId, QString listedIn, QString filedId)
        : track(std::move(t)), id(std::move(listedId)), parentId(std::move(listedIn)), refId(std::move(filedId))
    {
    }
};

using DidlObject = std::variant<DidlContainer, DidlItem>;

// The properties search and sort understand. RefId (@refID) for search's `exists`: Windows Media
// Player and the Xbox ask for `@refID exists false` (search answers items as filed).
enum class DidlProperty { Title, Creator, Artist, Album, Genre, Class, Date, TrackNumber, RefId };

std::optional<DidlProperty> didlPropertyNamed(QStringView name);

QString itemClass(const Track &track);
QString itemParentId(const Track &track);   // as filed: its album, the videos, or all tracks
// The names a track is filed under, falling back to its tags.
QString artistOf(const Track &track);
QString albumOf(const Track &track);
QString titleOf(const Track &track);        // never empty: the file's name when untagged

// What `object` holds of `property` (empty: nothing).
QStringList valuesOf(const DidlObject &object, DidlProperty property);

} // namespace cairn::dlna
