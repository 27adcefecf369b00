#pragma once
// Writes lists of catalog items into an answer with the caller's own state of each (favourite,
// rating, plays), read for the whole list at once rather than item by item.

#include "subsonic/SubsonicItems.h"

#include "catalog/ItemKind.h"

#include <QHash>
#include <QList>

namespace cairn {
class Database;
}

namespace cairn::subsonic {

class ItemWriter
{
public:
    ItemWriter(const Database &db, qint64 userId) : m_db(db), m_userId(userId) {}

    void songs(Node &parent, const QList<Track> &tracks, const QString &element = QStringLiteral("song")) const;
    void albums(Node &parent, const QList<AlbumSummary> &albums, const QString &element = QStringLiteral("album")) const;
    // Albums as directory entries (getAlbumList, search2, an artist's directory).
    void albumDirectories(Node &parent, const QList<AlbumSummary> &albums,
                          const QString &element = QStringLiteral("album")) const;
    void artists(Node &parent, const QList<ArtistSummary> &artists, const QString &element = QStringLiteral("artist")) const;

    Node song(const Track &track, const QString &element = QStringLiteral("song")) const;
    Node album(const AlbumSummary &album, const QString &element = QStringLiteral("album")) const;
    Node artist(const ArtistSummary &artist, const QString &element = QStringLiteral("artist")) const;

private:
    QHash<qint64, UserState> states(ItemKind kind, const QList<qint64> &ids) const;
    // Each item as `build` makes it, with the caller's state of all of them read at once.
    template<typename Item, typename Build>
    void write(Node &parent, ItemKind kind, const QList<Item> &items, const QString &element, Build build) const;

    const Database &m_db;
    qint64 m_userId;
};

} // namespace cairn::subsonic
