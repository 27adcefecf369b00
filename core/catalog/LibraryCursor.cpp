#include "catalog/LibraryCursor.h"

#include "CursorText.h"

#include <limits>

namespace cairn {

QString LibraryCursor::encoded() const
{
    return cursortext::encoded({albumId, albumArtistKey, albumTitleKey, discNumber, trackNumber, title, trackId});
}

std::optional<LibraryCursor> LibraryCursor::decoded(const QString &text)
{
    const auto fields = cursortext::decoded(text, 7);
    if (!fields)
        return std::nullopt;
    using cursortext::wholeNumber;
    constexpr qint64 kLeast = std::numeric_limits<int>::min();
    constexpr qint64 kMost = std::numeric_limits<int>::max();
    const auto albumId = wholeNumber(fields->at(0), 0, cursortext::kMostId);
    const auto disc = wholeNumber(fields->at(3), kLeast, kMost);
    const auto track = wholeNumber(fields->at(4), kLeast, kMost);
    const auto trackId = wholeNumber(fields->at(6), 1, cursortext::kMostId);
    if (!albumId || !disc || !track || !trackId || !fields->at(1).isString() || !fields->at(2).isString()
        || !fields->at(5).isString())
        return std::nullopt;
    LibraryCursor cursor;
    cursor.albumId = *albumId;
    cursor.albumArtistKey = fields->at(1).toString();
    cursor.albumTitleKey = fields->at(2).toString();
    cursor.discNumber = int(*disc);
    cursor.trackNumber = int(*track);
    cursor.title = fields->at(5).toString();
    cursor.trackId = *trackId;
    return cursor;
}

} // namespace cairn
