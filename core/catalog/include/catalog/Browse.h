#pragma once
// What browsing the library shows: albums, artists and genres summarised over the tracks a
// caller may see (counts, durations and dates come from those tracks only).

#include <QDateTime>
#include <QList>
#include <QString>

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

enum class AlbumOrder { Name, Artist, Year, RecentlyAdded, MostPlayed, Random };

struct AlbumQuery
{
    qint64 offset = 0;
    int limit = 50;
    AlbumOrder order = AlbumOrder::Name;
    QString genre;            // exact genre name; empty = all
    qint64 artistId = 0;      // album artist; 0 = all
    QString search;           // matches title or album artist, case-insensitively
};

template<typename T>
struct Page
{
    QList<T> items;
    qint64 total = 0;         // matches of the query, all pages together
};

} // namespace cairn
