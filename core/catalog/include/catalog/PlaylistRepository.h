#pragma once
// Users' playlists: ordered track lists with duplicates, private to their owner or public to all
// (OpenSubsonic getPlaylists, getPlaylist, createPlaylist, updatePlaylist, deletePlaylist).
// Readers only ever see the entries their Visibility allows; only the owner changes a playlist.
// Track ids a caller names must be tracks its Visibility allows, else NotFound ("no such track").

#include "base/Result.h"
#include "catalog/Playlist.h"
#include "catalog/Visibility.h"

#include <QList>
#include <QString>

namespace cairn {

class Database;

class PlaylistRepository
{
public:
    explicit PlaylistRepository(const Database &db) : m_db(db) {}

    // A new private playlist of the tracks in order; its id. InvalidInput for a blank name.
    Result<qint64> create(qint64 ownerId, const QString &name, const QList<qint64> &trackIds,
                          const Visibility &visibility);
    // The user's own playlists and the other users' public ones, by name; without trackIds.
    QList<Playlist> lists(qint64 userId, const Visibility &visibility) const;
    // One playlist with its visible entries. NotFound unless the user owns it or it is public.
    Result<Playlist> find(qint64 id, qint64 userId, const Visibility &visibility) const;

    // The owner's changes: NotFound for an unknown playlist or another user's private one,
    // Forbidden for another user's public one. InvalidInput for a blank name or a removal index
    // outside the entries; nothing changes then.
    Outcome update(qint64 id, qint64 userId, const PlaylistChanges &changes, const Visibility &visibility);
    // All entries become `trackIds` (createPlaylist with a playlistId), the hidden ones too.
    Outcome replaceEntries(qint64 id, qint64 userId, const QList<qint64> &trackIds, const Visibility &visibility);
    // Deletes the playlist with its entries; the same errors as update.
    Outcome remove(qint64 id, qint64 userId);

private:
    const Database &m_db;
};

} // namespace cairn
