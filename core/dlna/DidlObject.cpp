#include "DidlObject.h"

#include "ObjectId.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

std::optional<DidlProperty> didlPropertyNamed(QStringView name)
{
    static const QList<std::pair<QString, DidlProperty>> names{
        {u"dc:title"_s, DidlProperty::Title},       {u"dc:creator"_s, DidlProperty::Creator},
        {u"upnp:artist"_s, DidlProperty::Artist},   {u"upnp:album"_s, DidlProperty::Album},
        {u"upnp:genre"_s, DidlProperty::Genre},     {u"upnp:class"_s, DidlProperty::Class},
        {u"dc:date"_s, DidlProperty::Date},         {u"upnp:originalTrackNumber"_s, DidlProperty::TrackNumber},
    };
    for (const auto &[text, property] : names) {
        if (name == text)
            return property;
    }
    return std::nullopt;
}

QString itemClass(const Track &track)
{
    return track.kind == MediaKind::Video ? u"object.item.videoItem"_s : u"object.item.audioItem.musicTrack"_s;
}

DidlItem::DidlItem(Track t)
    : track(std::move(t)), id(ObjectId::of(ObjectKind::Item, track.id).toString()), parentId(itemParentId(track))
{
}

QString itemParentId(const Track &track)
{
    if (track.kind == MediaKind::Video)
        return ObjectId::of(ObjectKind::AllVideos).toString();
    // The videos would not list a song: every song is in all tracks.
    if (track.albumId == 0)
        return ObjectId::of(ObjectKind::AllTracks).toString();
    return ObjectId::of(ObjectKind::Album, track.albumId).toString();
}

QString artistOf(const Track &track)
{
    return track.artistName.isEmpty() ? track.artist : track.artistName;
}

QString albumOf(const Track &track)
{
    return track.albumTitle.isEmpty() ? track.album : track.albumTitle;
}

QString titleOf(const Track &track)
{
    if (!track.title.isEmpty())
        return track.title;
    const QString base = QFileInfo(track.path).completeBaseName();
    return base.isEmpty() ? u"Untitled"_s : base;
}

namespace {

QStringList nonEmpty(const QString &value)
{
    return value.isEmpty() ? QStringList() : QStringList{value};
}

QStringList containerValues(const DidlContainer &c, DidlProperty property)
{
    switch (property) {
    case DidlProperty::Title: return nonEmpty(c.title);
    case DidlProperty::Creator:
    case DidlProperty::Artist: return nonEmpty(c.artist);
    case DidlProperty::Album: return {};
    case DidlProperty::Genre: return nonEmpty(c.genre);
    case DidlProperty::Class: return nonEmpty(c.upnpClass);
    case DidlProperty::Date: return c.year > 0 ? QStringList{u"%1-01-01"_s.arg(c.year, 4, 10, QChar(u'0'))} : QStringList();
    case DidlProperty::TrackNumber:
    case DidlProperty::RefId: return {};
    }
    return {};
}

QStringList itemValues(const DidlItem &item, DidlProperty property)
{
    const Track &t = item.track;
    const bool audio = t.kind == MediaKind::Audio;
    switch (property) {
    case DidlProperty::Title: return {titleOf(t)};
    case DidlProperty::Creator:
    case DidlProperty::Artist: return audio ? nonEmpty(artistOf(t)) : QStringList();
    case DidlProperty::Album: return audio ? nonEmpty(albumOf(t)) : QStringList();
    case DidlProperty::Genre: return nonEmpty(t.genre);
    case DidlProperty::Class: return {itemClass(t)};
    case DidlProperty::Date: return t.year > 0 ? QStringList{u"%1-01-01"_s.arg(t.year, 4, 10, QChar(u'0'))} : QStringList();
    case DidlProperty::TrackNumber: return audio && t.trackNumber > 0 ? QStringList{QString::number(t.trackNumber)} : QStringList();
    case DidlProperty::RefId: return nonEmpty(item.refId);
    }
    return {};
}

} // namespace

QStringList valuesOf(const DidlObject &object, DidlProperty property)
{
    if (const auto *c = std::get_if<DidlContainer>(&object))
        return containerValues(*c, property);
    return itemValues(std::get<DidlItem>(object), property);
}

} // namespace cairn::dlna
