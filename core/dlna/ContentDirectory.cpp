#include "dlna/ContentDirectory.h"

#include "DidlWriter.h"
#include "ObjectTree.h"
#include "SearchCriteria.h"
#include "SortCriteria.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

UpnpError noSuchObject()
{
    return {701, u"No such object"_s};
}

quint32 pageSize(quint32 requested)
{
    return requested == 0 ? ContentDirectory::kMaxReturned : qMin(requested, ContentDirectory::kMaxReturned);
}

// One answer's slice of several ranges read one after the other (containers first, then items).
QList<DidlObject> slice(const QList<ObjectRange> &ranges, qint64 offset, qint64 limit)
{
    QList<DidlObject> objects;
    for (const ObjectRange &range : ranges) {
        if (limit <= 0)
            break;
        if (offset >= range.total) {
            offset -= range.total;
            continue;
        }
        const QList<DidlObject> part = range.read(offset, qMin(limit, range.total - offset));
        objects << part;
        limit -= part.size();
        offset = 0;
    }
    return objects;
}

qint64 totalOf(const QList<ObjectRange> &ranges)
{
    qint64 total = 0;
    for (const ObjectRange &range : ranges)
        total += range.total;
    return total;
}

// The answer for `ranges` as the request pages and sorts them. Sorting reads them whole: the
// catalog's own orders are the only ones SQL can page.
BrowseAnswer answer(const QList<ObjectRange> &ranges, const SortCriteria &sort, quint32 start, quint32 requested,
                    const DidlLinks &links, const QString &filter, quint32 updateId)
{
    const qint64 total = totalOf(ranges);
    QList<DidlObject> page;
    if (sort.isEmpty()) {
        page = slice(ranges, start, pageSize(requested));
    } else {
        QList<DidlObject> all = slice(ranges, 0, total);
        sort.sort(all);
        page = all.mid(start, pageSize(requested));
    }
    DidlWriter writer(links, DidlFilter(filter));
    for (const DidlObject &object : page)
        writer.add(object);
    BrowseAnswer result;
    result.result = writer.finish();
    result.numberReturned = quint32(page.size());
    result.totalMatches = quint32(qMin<qint64>(total, std::numeric_limits<quint32>::max()));
    result.updateId = updateId;
    return result;
}

std::optional<SortCriteria> sortOf(const QString &text, UpnpError *error)
{
    auto parsed = SortCriteria::parse(text);
    if (const auto *message = std::get_if<QString>(&parsed)) {
        *error = {709, u"Unsupported or invalid sort criteria: "_s + *message};
        return std::nullopt;
    }
    return std::get<SortCriteria>(std::move(parsed));
}

// Which kinds of objects a search under a container may return.
struct Scope
{
    bool artists = false;
    bool albums = false;
    bool genres = false;
    bool tracks = false;
    bool videos = false;
};

std::optional<Scope> scopeOf(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Root: return Scope{true, true, true, true, true};
    case ObjectKind::Music: return Scope{true, true, true, true, false};
    case ObjectKind::Artists: return Scope{true, false, false, false, false};
    case ObjectKind::Albums: return Scope{false, true, false, false, false};
    case ObjectKind::Genres: return Scope{false, false, true, false, false};
    case ObjectKind::AllTracks: return Scope{false, false, false, true, false};
    case ObjectKind::Videos:
    case ObjectKind::AllVideos: return Scope{false, false, false, false, true};
    default: return std::nullopt;
    }
}

// What the criteria say of every object of a class, before reading any.
Truth byClass(const SearchCriteria &criteria, const QString &upnpClass)
{
    return criteria.evaluate([&upnpClass](DidlProperty p) -> std::optional<QStringList> {
        if (p == DidlProperty::Class)
            return QStringList{upnpClass};
        if (p == DidlProperty::RefId)
            return QStringList();
        return std::nullopt;
    });
}

QList<DidlObject> matching(const QList<DidlObject> &objects, const SearchCriteria &criteria)
{
    QList<DidlObject> matches;
    for (const DidlObject &object : objects) {
        if (criteria.matches(object))
            matches << object;
    }
    return matches;
}

// Large enough that walking a whole library takes few catalog queries (each sorts it anew).
constexpr qint64 kCandidateSlice = 10000;

// The objects of one class in scope: all of them as the catalog pages them when the class alone
// decides, else the catalog's candidates for the criteria (`narrowBy`), each checked exactly.
void addKind(QList<ObjectRange> &ranges, const SearchCriteria &criteria, const QString &upnpClass,
             const std::function<ObjectRange(const SearchCriteria *narrowBy)> &read)
{
    const Truth truth = byClass(criteria, upnpClass);
    if (truth == Truth::False)
        return;
    if (truth == Truth::True) {
        ranges << read(nullptr);
        return;
    }
    // Read in slices: a criterion the catalog cannot narrow walks every track, and only the
    // matches need to stay in memory.
    const ObjectRange candidates = read(&criteria);
    QList<DidlObject> matches;
    for (qint64 offset = 0; offset < candidates.total; offset += kCandidateSlice)
        matches << matching(candidates.read(offset, kCandidateSlice), criteria);
    ranges << ObjectRange::of(std::move(matches));
}

} // namespace

ContentDirectory::ContentDirectory(const Database &db, Visibility visibility, DidlLinks links, quint32 systemUpdateId)
    : m_db(db), m_visibility(std::move(visibility)), m_links(std::move(links)), m_updateId(systemUpdateId)
{
}

QString ContentDirectory::searchCapabilities()
{
    return u"dc:title,dc:creator,upnp:artist,upnp:album,upnp:genre,upnp:class"_s;
}

QString ContentDirectory::sortCapabilities()
{
    return u"dc:title,dc:creator,dc:date,upnp:artist,upnp:album,upnp:genre,upnp:originalTrackNumber,upnp:class"_s;
}

std::variant<BrowseAnswer, UpnpError> ContentDirectory::browse(const BrowseRequest &request) const
{
    UpnpError error{};
    const auto sort = sortOf(request.sortCriteria, &error);
    if (!sort)
        return error;
    const auto id = ObjectId::parse(request.objectId);
    if (!id)
        return noSuchObject();
    const ObjectTree tree(m_db, m_visibility);
    if (request.flag == BrowseFlag::Metadata) {
        const auto object = tree.object(*id);
        if (!object)
            return noSuchObject();
        return answer({ObjectRange::of({*object})}, {}, 0, 1, m_links, request.filter, m_updateId);
    }
    const auto children = tree.children(*id);
    if (!children)
        return noSuchObject();
    return answer({*children}, *sort, request.startingIndex, request.requestedCount, m_links, request.filter,
                  m_updateId);
}

std::variant<BrowseAnswer, UpnpError> ContentDirectory::search(const SearchRequest &request) const
{
    auto parsed = SearchCriteria::parse(request.criteria);
    if (const auto *message = std::get_if<QString>(&parsed))
        return UpnpError{708, u"Unsupported or invalid search criteria: "_s + *message};
    const SearchCriteria criteria = std::get<SearchCriteria>(std::move(parsed));
    UpnpError error{};
    const auto sort = sortOf(request.sortCriteria, &error);
    if (!sort)
        return error;
    const auto id = ObjectId::parse(request.containerId);
    if (!id)
        return noSuchObject();
    const ObjectTree tree(m_db, m_visibility);
    QList<ObjectRange> ranges;
    if (const auto scope = scopeOf(id->kind)) {
        const auto textOf = [](const SearchCriteria *c) { return c ? c->requiredText() : QString(); };
        if (scope->artists)
            addKind(ranges, criteria, u"object.container.person.musicArtist"_s,
                    [&tree](const SearchCriteria *) { return ObjectRange::of(tree.albumArtists()); });
        if (scope->albums)
            addKind(ranges, criteria, u"object.container.album.musicAlbum"_s,
                    [&tree, &textOf](const SearchCriteria *c) { return tree.albums(textOf(c)); });
        if (scope->genres)
            addKind(ranges, criteria, u"object.container.genre.musicGenre"_s,
                    [&tree](const SearchCriteria *) { return ObjectRange::of(tree.genres()); });
        if (scope->tracks)
            addKind(ranges, criteria, u"object.item.audioItem.musicTrack"_s, [&tree, &textOf](const SearchCriteria *c) {
                // A genre is a narrower start than a text the catalog matches anywhere.
                const QString genre = c ? c->requiredEqual(DidlProperty::Genre) : QString();
                if (!genre.isEmpty())
                    return ObjectRange::of(tree.audioTracksOfGenre(genre));
                return tree.audioTracks(textOf(c));
            });
        if (scope->videos)
            addKind(ranges, criteria, u"object.item.videoItem"_s,
                    [&tree, &textOf](const SearchCriteria *c) { return tree.videos(textOf(c)); });
    } else {
        // Below the top containers a search looks at the container's own children.
        const auto children = tree.children(*id);
        if (!children)
            return noSuchObject();
        if (children->total > 0) {
            // Items are found as filed (no refID), wherever the search started.
            QList<DidlObject> inside = children->read(0, children->total);
            for (DidlObject &object : inside) {
                if (auto *item = std::get_if<DidlItem>(&object))
                    *item = DidlItem(std::move(item->track));
            }
            ranges << ObjectRange::of(matching(inside, criteria));
        }
    }
    return answer(ranges, *sort, request.startingIndex, request.requestedCount, m_links, request.filter, m_updateId);
}

} // namespace cairn::dlna
