#pragma once
// Item ids as user state names them: each kind's table and number, and the checks that keep
// state from ever pointing at an item that does not exist. Internal to the catalog.

#include "base/Result.h"
#include "catalog/ItemKind.h"
#include "catalog/Visibility.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace cairn::items {

int number(ItemKind kind);         // as stored in favourites and ratings: 0, 1, 2
QString table(ItemKind kind);      // "tracks", "albums", "artists"
QString name(ItemKind kind);       // "track", "album", "artist", for messages

// `ids` without repeats (first occurrence kept), cut into lists short enough for the bound
// values of one query.
QList<QList<qint64>> chunks(const QList<qint64> &ids);

// Done when every id names a row of `kind`; else NotFound ("no such album: 12").
Outcome requireExisting(QSqlDatabase db, ItemKind kind, const QList<qint64> &ids);
// Done when every id names a track `visibility` allows; else NotFound ("no such track: 12"):
// a track the caller may not see does not exist for them.
Outcome requireVisibleTracks(QSqlDatabase db, const QList<qint64> &ids, const Visibility &visibility);

} // namespace cairn::items
