#pragma once
// What browsing the library shows: albums, artists and genres summarised over the tracks a
// caller may see (counts, durations and dates come from those tracks only).

#include "catalog/NameCursor.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cairn {

struct AlbumSummary
{
    qint64 id = 0;
    QString title;
    qint64 artistId = 0;
    QString artistName;
    int year = 0;             // the latest year among its tracks; 0 = unknown
    QString genre;            // one of its tracks' genres; empty = none
    int trackCount = 0;
    qint64 durationMs = 0;
    QDateTime addedAt;        // when its newest track entered the catalog
    qint64 plays = 0;         // finished streams of its tracks (the history's retention applies)
};

struct ArtistSummary
{
    qint64 id = 0;
    QString name;
    int albumCount = 0;       // albums credited to the artist (as album artist)
    int trackCount = 0;       // tracks performed by the artist
};

struct GenreSummary
{
    QString name;
    int albumCount = 0;
    int trackCount = 0;
};

// How a search text matches: as words, each the beginning of a word, through the full-text
// indexes (what people type in a search box), or as one string anywhere in the text (what UPnP's
// "contains" means; reads every row).
enum class TextMatch {
    Words,
    Anywhere,
};

enum class AlbumOrder {
    Name,
    Artist,
    Year,                 // newest first
    RecentlyAdded,
    MostPlayed,           // everyone's finished streams (AlbumSummary::plays)
    Random,
    // Per user (AlbumQuery::userId), for OpenSubsonic's getAlbumList2:
    HighestRated,         // the user's rating of the album, highest first, unrated last; then by name
    FrequentlyPlayed,     // the user's plays of its tracks, most first; albums the user never played are left out
    RecentlyPlayed,       // the user's latest play of one of its tracks, newest first; never played: left out
    RecentlyStarred,      // when the user starred it, newest first, unstarred last
};

struct AlbumQuery
{
    qint64 offset = 0;
    int limit = 50;
    AlbumOrder order = AlbumOrder::Name;
    QString genre;            // exact genre name; empty = all
    qint64 artistId = 0;      // album artist; 0 = all
    QString search;           // matches title or album artist, case-insensitively
    TextMatch searchMatch = TextMatch::Words;

    // Whose ratings, plays and favourites the per-user orders and `starredOnly` read; 0 = nobody's
    // (nothing rated, played or starred).
    qint64 userId = 0;
    bool starredOnly = false; // only the albums the user starred
    // Only albums whose year (AlbumSummary::year) lies within the bounds, inclusive; either may be
    // left out. A bound replaces `order`: by year from fromYear towards toYear — descending when
    // fromYear > toYear, as Subsonic's byYear lists — then by name.
    std::optional<int> fromYear;
    std::optional<int> toYear;

    // false: Page::total is not counted (-1), for callers that page on without showing it.
    bool withTotal = true;
    // By name (AlbumOrder::Name, no year bounds) only: the page starts after this album and
    // `offset` is not read; other orders ignore it.
    std::optional<NameCursor> after;
};

enum class ArtistOrder {
    Name,
    RecentlyStarred,      // when ArtistQuery::userId starred the artist, newest first, unstarred last
};

struct ArtistQuery
{
    qint64 offset = 0;
    int limit = 50;
    ArtistOrder order = ArtistOrder::Name;
    QString search;           // matches the name, case-insensitively
    qint64 userId = 0;        // whose favourites RecentlyStarred and `starredOnly` read
    bool starredOnly = false; // only the artists the user starred
    bool withTotal = true;    // false: Page::total is not counted (-1)
    std::optional<NameCursor> after;   // as AlbumQuery::after (ArtistOrder::Name only)
};

template<typename T>
struct Page
{
    QList<T> items;
    qint64 total = 0;         // matches of the query, all pages together; -1 when not asked for
    // Lists by name: where the next page starts (set when this page is full), for `after`.
    std::optional<NameCursor> next;
};

} // namespace cairn
