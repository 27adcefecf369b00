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

using DidlObject = std::variant<DidlContainer, Track>;

// The properties search and sort understand. RefId (@refID) only for search's `exists`: no
// object here is a reference, and Windows Media Player and the Xbox ask for `@refID exists false`.
enum class DidlProperty { Title, Creator, Artist, Album, Genre, Class, Date, TrackNumber, RefId };

std::optional<DidlProperty> didlPropertyNamed(QStringView name);

QString itemClass(const Track &track);
QString itemParentId(const Track &track);   // its album, or the videos
// The names a track is filed under, falling back to its tags.
QString artistOf(const Track &track);
QString albumOf(const Track &track);
QString titleOf(const Track &track);        // never empty: the file's name when untagged

// What `object` holds of `property` (empty: nothing).
QStringList valuesOf(const DidlObject &object, DidlProperty property);

} // namespace cairn::dlna
