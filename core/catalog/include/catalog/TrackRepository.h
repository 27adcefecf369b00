#pragma once
// Reads and writes tracks (audio and video items) in the catalog. Safe to use from any thread:
// every call runs on the calling thread's own connection.

#include "catalog/Browse.h"
#include "catalog/LibraryCursor.h"
#include "catalog/Track.h"
#include "catalog/Visibility.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cairn {

class Database;

struct TrackPage
{
    QList<Track> items;
    qint64 total = 0;   // matches of the query, all pages together
    // Where the next page of the library order starts: set when this page is full and in that
    // order (no search text), so a client can page on with listAfter().
    std::optional<LibraryCursor> next;
};

// What the scanner needs to decide whether a file must be read again.
struct FileStamp
{
    qint64 trackId = 0;
    qint64 size = 0;
    QDateTime mtime;
};

enum class SongOrder {
    Library,          // album artist, album, disc, track number, title (as list())
    Id,               // by track id: the cheapest stable order, for paging through a whole library
    Random,
    RecentlyStarred,  // when SongQuery::userId starred the track, newest first, unstarred last
};

// Audio tracks for song lists (OpenSubsonic getRandomSongs, getSongsByGenre, getStarred2, search3).
struct SongQuery
{
    SongOrder order = SongOrder::Library;
    QString search;               // matches title, artist, album or album artist (as list()); empty = all
    QString genre;                // exact genre name; empty = all
    std::optional<int> fromYear;  // inclusive bounds on the track's year, either may be left out
    std::optional<int> toYear;    // (swapped when fromYear > toYear)
    qint64 userId = 0;            // whose favourites RecentlyStarred and `starredOnly` read
    bool starredOnly = false;     // only the tracks the user starred
    qint64 offset = 0;
    int limit = 50;               // callers cap what clients ask for (Subsonic: 500)
};

class TrackRepository
{
public:
    explicit TrackRepository(const Database &db) : m_db(db) {}

    // Tracks ordered by album artist, album, disc, track number, title. `query` matches
    // (case-insensitively, unicode-aware, diacritics left out, each word as the beginning of a
    // word) title, artist, album, album artist or file name.
    TrackPage list(qint64 offset, int limit, const QString &query = {}) const;
    std::optional<Track> find(qint64 id) const;
    // The same, limited to the tracks `visibility` allows (a track outside it is not found).
    TrackPage list(qint64 offset, int limit, const QString &query, const Visibility &visibility) const;
    // The same, only items of `kind` when given (the videos page). A `query` of words lists the
    // matches by relevance: the title equal to it first, then a performer or album artist equal
    // to it, then FTS5's bm25 (by id beyond 1,000 matches). TextMatch::Anywhere keeps the order
    // above and matches the text as one string anywhere.
    TrackPage list(qint64 offset, int limit, const QString &query, const Visibility &visibility,
                   std::optional<MediaKind> kind, TextMatch match = TextMatch::Words) const;
    std::optional<Track> find(qint64 id, const Visibility &visibility) const;
    // The library order (as list() without a query) from just after `after`: the same speed at
    // any depth, and no track skipped or repeated when others were added or removed in between.
    TrackPage listAfter(const LibraryCursor &after, int limit, const Visibility &visibility,
                        std::optional<MediaKind> kind = std::nullopt) const;
    // Audio tracks `visibility` allows, chosen and ordered by `query`.
    QList<Track> songs(const SongQuery &query, const Visibility &visibility) const;
    qint64 count() const;

    // Scanner side. `upsert` fills albumId/artistId from the tags (creating album and artist
    // rows as needed) and returns the track id, or 0 on a database error.
    qint64 upsert(const Track &track);
    QHash<QString, FileStamp> stampsUnder(qint64 folderId) const;   // keyed by path
    // The folder's files anywhere below `dir` (a scan of some directories).
    QHash<QString, FileStamp> stampsBelow(qint64 folderId, const QString &dir) const;
    bool remove(qint64 id);                                         // also drops orphan albums/artists

private:
    const Database &m_db;
};

} // namespace cairn
