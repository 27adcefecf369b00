#pragma once
// What kind of catalog item a user's favourite or rating names. The catalog stores the kind as
// its number (Track 0, Album 1, Artist 2): never reorder.

namespace cairn {

enum class ItemKind { Track, Album, Artist };

} // namespace cairn
