#pragma once
// Whose state the library-state routes read and write, and the item a favourite or rating route
// names: "/{kind}/{id}" with kind tracks, albums or artists. Only items the caller may see
// exist: anything else is NotFound, like an unknown id.

#include "base/Result.h"
#include "catalog/ItemKind.h"
#include "catalog/Visibility.h"

#include <QString>

namespace cairn {

class Database;
struct Identity;

// The caller's user id. Unavailable without a signed-in user (a server without accounts, where
// every caller is the local administrator): state belongs to accounts.
Result<qint64> stateOwner(const Identity &identity);

struct StateItem
{
    ItemKind kind = ItemKind::Track;
    qint64 id = 0;
};

// InvalidInput for an unknown kind (with the allowed ones) or a malformed id; NotFound for an
// item that does not exist or lies outside `visibility`.
Result<StateItem> visibleStateItem(const Database &db, const QString &kindText, const QString &idText,
                                   const Visibility &visibility);

} // namespace cairn
