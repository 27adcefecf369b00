#include "api/StateItem.h"

#include "base/TextValues.h"
#include "catalog/AlbumRepository.h"
#include "catalog/ArtistRepository.h"
#include "catalog/TrackRepository.h"
#include "http/Identity.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

struct KindName
{
    QString plural;     // in the path
    QString singular;   // in messages
    ItemKind kind;
};

const QList<KindName> &kindNames()
{
    static const QList<KindName> names{{u"tracks"_s, u"track"_s, ItemKind::Track},
                                       {u"albums"_s, u"album"_s, ItemKind::Album},
                                       {u"artists"_s, u"artist"_s, ItemKind::Artist}};
    return names;
}

bool isVisible(const Database &db, ItemKind kind, qint64 id, const Visibility &visibility)
{
    switch (kind) {
    case ItemKind::Track: return TrackRepository(db).find(id, visibility).has_value();
    case ItemKind::Album: return AlbumRepository(db).find(id, visibility).has_value();
    case ItemKind::Artist: return ArtistRepository(db).find(id, visibility).has_value();
    }
    return false;
}

} // namespace

Result<qint64> stateOwner(const Identity &identity)
{
    if (identity.userId <= 0)
        return DomainError::unavailable(u"favourites, ratings, plays, playlists and the queue need a user account"_s);
    return identity.userId;
}

Result<StateItem> visibleStateItem(const Database &db, const QString &kindText, const QString &idText,
                                   const Visibility &visibility)
{
    const auto name = std::find_if(kindNames().cbegin(), kindNames().cend(),
                                   [&](const KindName &n) { return n.plural == kindText; });
    if (name == kindNames().cend()) {
        QStringList allowed;
        for (const KindName &n : kindNames())
            allowed << n.plural;
        return DomainError::invalid(u"the kind must be one of: %1"_s.arg(allowed.join(u", "_s)), allowed);
    }
    const Result<qint64> id = requireId(idText, name->singular);
    if (!id)
        return id.error();
    if (!isVisible(db, name->kind, *id, visibility))
        return DomainError::notFound(u"no such %1"_s.arg(name->singular));
    return StateItem{name->kind, *id};
}

} // namespace cairn
