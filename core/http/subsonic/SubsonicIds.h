#pragma once
// Subsonic ids are strings; Cairn's say what they name ("tr-12", "al-3", "ar-7", "pl-2"), so
// endpoints that take any kind (getCoverArt, getMusicDirectory, star) know which it is.

#include "base/Result.h"

#include <QString>

namespace cairn::subsonic {

enum class IdKind { Track, Album, Artist, Playlist };

struct ItemId
{
    IdKind kind = IdKind::Track;
    qint64 value = 0;
};

QString itemId(IdKind kind, qint64 value);

// "tr-12" → {Track, 12}. A bare positive number is taken as `bare` (older clients strip nothing,
// but some tools hand-write ids). Digits beyond 64 bits → NotFound (no item has such an id);
// anything else → InvalidInput naming `parameter`.
Result<ItemId> parseItemId(const QString &text, const QString &parameter, IdKind bare);
// The same, refusing other kinds: InvalidInput when `text` names something else.
Result<qint64> parseIdOf(IdKind kind, const QString &text, const QString &parameter);

} // namespace cairn::subsonic
