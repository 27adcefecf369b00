#pragma once
// The library as directories on disk: what lies directly inside one directory of a library
// folder, built from the catalogued tracks' paths (a directory exists only through the tracks
// under it), limited to what a Visibility allows. For views that browse by folder (DLNA).

#include "catalog/Track.h"
#include "catalog/Visibility.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace cairn {

class Database;

struct Subdirectory
{
    QString name;
    qint64 entries = 0;           // its own subdirectories and tracks (of the kind asked for)
};

struct DirectoryListing
{
    QList<Subdirectory> subdirectories;   // each holding at least one such track; case-insensitive order
    QList<Track> tracks;                  // directly inside, by path
};

struct DirectoryCounts
{
    qint64 subdirectories = 0;
    qint64 tracks = 0;            // directly inside
    qint64 tracksBelow = 0;       // at any depth
};

class DirectoryRepository
{
public:
    explicit DirectoryRepository(const Database &db) : m_db(db) {}

    // Inside library folder `folderId` at `relativePath` ("" = the folder itself, else "a/b"),
    // only tracks of `kind` when given. Nothing when the folder is not visible or unknown, or
    // when a subdirectory holds no such track.
    std::optional<DirectoryListing> list(qint64 folderId, const QString &relativePath, const Visibility &visibility,
                                         std::optional<MediaKind> kind) const;
    // What list() would hold, counted without reading the tracks (the same nothing).
    std::optional<DirectoryCounts> counts(qint64 folderId, const QString &relativePath, const Visibility &visibility,
                                          std::optional<MediaKind> kind) const;

private:
    const Database &m_db;
};

} // namespace cairn
