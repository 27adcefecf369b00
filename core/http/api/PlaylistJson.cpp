#include "api/PlaylistJson.h"

#include "api/JsonBody.h"
#include "api/StateJson.h"


using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr int kMaxNameLength = 200;
constexpr int kMaxCommentLength = 2000;

// A name is trimmed and must keep something; its length is bounded like the API's search text.
Result<std::optional<QString>> nameOf(const QJsonObject &body)
{
    Result<std::optional<QString>> name = optionalString(body, u"name"_s);
    if (!name || !name->has_value())
        return name;
    const QString trimmed = (*name)->trimmed();
    if (trimmed.isEmpty())
        return DomainError::invalid(u"a playlist needs a name"_s);
    if (trimmed.size() > kMaxNameLength)
        return DomainError::invalid(u"'name' is longer than %1 characters"_s.arg(kMaxNameLength));
    return std::optional<QString>(trimmed);
}

// The fields creation and change share: name, comment, public.
Outcome readFields(const QJsonObject &body, PlaylistChanges &changes)
{
    const auto name = nameOf(body);
    if (!name)
        return name.error();
    const auto comment = optionalString(body, u"comment"_s);
    if (!comment)
        return comment.error();
    if (comment->has_value() && (*comment)->size() > kMaxCommentLength)
        return DomainError::invalid(u"'comment' is longer than %1 characters"_s.arg(kMaxCommentLength));
    const auto isPublic = optionalBool(body, u"public"_s);
    if (!isPublic)
        return isPublic.error();
    changes.name = *name;
    changes.comment = *comment;
    changes.isPublic = *isPublic;
    return Done{};
}

} // namespace

QJsonObject playlistToJson(const Playlist &p, qint64 callerId)
{
    return QJsonObject{
        {u"id"_s, p.id},
        {u"name"_s, p.name},
        {u"comment"_s, p.comment},
        {u"public"_s, p.isPublic},
        {u"owner"_s, p.ownerName},
        {u"ownerId"_s, p.ownerId},
        {u"own"_s, p.ownerId == callerId},
        {u"trackCount"_s, p.trackCount},
        {u"duration"_s, double(p.durationMs) / 1000.0},
        {u"createdAt"_s, timeJson(p.createdAt)},
        {u"changedAt"_s, timeJson(p.changedAt)},
    };
}

Result<NewPlaylist> newPlaylistFromJson(const QJsonObject &body)
{
    if (Outcome known = onlyKnownFields(body, {u"name"_s, u"trackIds"_s, u"public"_s, u"comment"_s}); !known)
        return known.error();
    if (!body.contains(u"name"_s))
        return DomainError::invalid(u"a playlist needs a name"_s);
    NewPlaylist playlist;
    if (Outcome fields = readFields(body, playlist.extra); !fields)
        return fields.error();
    playlist.name = *playlist.extra.name;
    playlist.extra.name.reset();
    if (body.contains(u"trackIds"_s)) {
        const Result<QList<qint64>> ids = idArray(body.value(u"trackIds"_s), u"trackIds"_s);
        if (!ids)
            return ids.error();
        playlist.trackIds = *ids;
    }
    return playlist;
}

Result<PlaylistChanges> playlistChangesFromJson(const QJsonObject &body)
{
    const QStringList known{u"name"_s, u"comment"_s, u"public"_s, u"append"_s, u"remove"_s};
    if (Outcome ok = onlyKnownFields(body, known); !ok)
        return ok.error();
    PlaylistChanges changes;
    if (Outcome fields = readFields(body, changes); !fields)
        return fields.error();
    if (body.contains(u"append"_s)) {
        const Result<QList<qint64>> ids = idArray(body.value(u"append"_s), u"append"_s);
        if (!ids)
            return ids.error();
        changes.appendTrackIds = *ids;
    }
    if (body.contains(u"remove"_s)) {
        const Result<QList<int>> indexes = indexArray(body.value(u"remove"_s), u"remove"_s);
        if (!indexes)
            return indexes.error();
        changes.removeIndexes = *indexes;
    }
    return changes;
}

} // namespace cairn
