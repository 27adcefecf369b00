#include "catalog/PlaylistRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "ItemIds.h"
#include "SqlFilter.h"
#include "SqlStatement.h"
#include "TrackEntries.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

const QString kColumns = u"SELECT pl.id, pl.owner_id, u.name, pl.name, pl.comment, pl.public, pl.created_at, "
                         "pl.changed_at"_s;
const QString kFrom = u" FROM playlists pl JOIN users u ON u.id = pl.owner_id "_s;

Playlist playlistFrom(const QSqlQuery &q)
{
    Playlist p;
    p.id = q.value(0).toLongLong();
    p.ownerId = q.value(1).toLongLong();
    p.ownerName = q.value(2).toString();
    p.name = q.value(3).toString();
    p.comment = q.value(4).toString();
    p.isPublic = q.value(5).toBool();
    p.createdAt = q.value(6).toLongLong();
    p.changedAt = q.value(7).toLongLong();
    return p;
}

DomainError notSaved(const QSqlQuery &q)
{
    qCWarning(lcCatalog) << "playlist:" << q.lastError().text();
    return DomainError::failed(u"the playlist could not be saved"_s);
}

DomainError notSaved()
{
    return DomainError::failed(u"the playlist could not be saved"_s);
}

DomainError noSuchPlaylist(qint64 id)
{
    return DomainError::notFound(u"no such playlist: %1"_s.arg(id));
}

TrackEntries entriesIn(const Database &db)
{
    return TrackEntries(db.connection(), u"playlist_entries"_s, u"playlist_id"_s);
}

// Only owners change playlists. Another user's private playlist does not exist for the caller;
// a public one does, so changing it is Forbidden.
Outcome requireOwner(const Database &db, qint64 id, qint64 userId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT owner_id, public FROM playlists WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return notSaved(q);
    if (!q.next())
        return noSuchPlaylist(id);
    if (q.value(0).toLongLong() == userId)
        return Done{};
    if (q.value(1).toBool())
        return DomainError::forbidden(u"only its owner may change a playlist"_s);
    return noSuchPlaylist(id);
}

Outcome requireName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return DomainError::invalid(u"a playlist needs a name"_s);
    return Done{};
}

// The entries' track ids once the removals are made. The indexes count the entries `visibility`
// allows, as find() listed them to the same reader; the others keep their place.
Result<QList<qint64>> withoutIndexes(const QList<TrackEntries::Entry> &entries, const QList<int> &indexes,
                                     const Visibility &visibility)
{
    const QSet<int> removed(indexes.cbegin(), indexes.cend());
    QList<qint64> kept;
    int visibleIndex = 0;
    for (const TrackEntries::Entry &entry : entries) {
        if (!visibility.allowsFolder(entry.folderId))
            kept << entry.trackId;
        else if (!removed.contains(visibleIndex++))
            kept << entry.trackId;
    }
    for (const int index : removed) {
        if (index < 0 || index >= visibleIndex)
            return DomainError::invalid(u"the playlist has no entry at index %1"_s.arg(index));
    }
    return kept;
}

Outcome writeFields(const Database &db, qint64 id, const PlaylistChanges &changes)
{
    QStringList sets{u"changed_at = ?"_s};
    QVariantList values{QDateTime::currentSecsSinceEpoch()};
    if (changes.name) {
        sets << u"name = ?"_s;
        values << *changes.name;
    }
    if (changes.comment) {
        sets << u"comment = ?"_s;
        values << (changes.comment->isNull() ? u""_s : *changes.comment);
    }
    if (changes.isPublic) {
        sets << u"public = ?"_s;
        values << (*changes.isPublic ? 1 : 0);
    }
    QSqlQuery q(db.connection());
    q.prepare(u"UPDATE playlists SET "_s + sets.join(u", "_s) + u" WHERE id = ?"_s);
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(id);
    return q.exec() ? Outcome(Done{}) : notSaved(q);
}

} // namespace

Result<qint64> PlaylistRepository::create(qint64 ownerId, const QString &name, const QList<qint64> &trackIds,
                                          const Visibility &visibility)
{
    if (Outcome named = requireName(name); !named)
        return named.error();
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return notSaved();
    if (Outcome known = items::requireVisibleTracks(m_db.connection(), trackIds, visibility); !known)
        return known.error();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO playlists (owner_id, name, comment, public, created_at, changed_at) "
              "VALUES (?, ?, '', 0, ?, ?)"_s);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    q.addBindValue(ownerId);
    q.addBindValue(name);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return notSaved(q);
    const qint64 id = q.lastInsertId().toLongLong();
    if (!entriesIn(m_db).write(id, trackIds) || !tx.commit())
        return notSaved();
    return id;
}

QList<Playlist> PlaylistRepository::lists(qint64 userId, const Visibility &visibility) const
{
    SqlFilter visible;
    visible.restrictTracks(visibility);
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(kColumns + u", COUNT(v.playlist_id), COALESCE(SUM(v.duration_ms), 0)"_s + kFrom
              + u"LEFT JOIN (SELECT e.playlist_id, t.duration_ms FROM playlist_entries e "
                "JOIN tracks t ON t.id = e.track_id "_s
              + visible.sql
              + u") v ON v.playlist_id = pl.id WHERE pl.owner_id = ? OR pl.public = 1 "
                "GROUP BY pl.id, u.name ORDER BY pl.name COLLATE NOCASE, pl.id"_s);
    visible.bindTo(q);
    q.addBindValue(userId);
    QList<Playlist> playlists;
    if (!q.exec())
        qCWarning(lcCatalog) << "playlists:" << q.lastError().text();
    while (q.next()) {
        Playlist p = playlistFrom(q);
        p.trackCount = q.value(8).toInt();
        p.durationMs = q.value(9).toLongLong();
        playlists << p;
    }
    return playlists;
}

Result<Playlist> PlaylistRepository::find(qint64 id, qint64 userId, const Visibility &visibility) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kColumns + kFrom + u"WHERE pl.id = ? AND (pl.owner_id = ? OR pl.public = 1)"_s);
    q.addBindValue(id);
    q.addBindValue(userId);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "playlist:" << q.lastError().text();
        return DomainError::failed(u"the playlist could not be read"_s);
    }
    if (!q.next())
        return noSuchPlaylist(id);
    Playlist playlist = playlistFrom(q);
    const auto entries = entriesIn(m_db).read(id);
    if (!entries)
        return DomainError::failed(u"the playlist could not be read"_s);
    for (const TrackEntries::Entry &entry : *entries) {
        if (!visibility.allowsFolder(entry.folderId))
            continue;
        playlist.trackIds << entry.trackId;
        playlist.durationMs += entry.durationMs;
    }
    playlist.trackCount = int(playlist.trackIds.size());
    return playlist;
}

Outcome PlaylistRepository::update(qint64 id, qint64 userId, const PlaylistChanges &changes,
                                   const Visibility &visibility)
{
    if (changes.name) {
        if (Outcome named = requireName(*changes.name); !named)
            return named;
    }
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return notSaved();
    if (Outcome owner = requireOwner(m_db, id, userId); !owner)
        return owner;
    if (Outcome known = items::requireVisibleTracks(m_db.connection(), changes.appendTrackIds, visibility); !known)
        return known;
    if (!changes.removeIndexes.isEmpty() || !changes.appendTrackIds.isEmpty()) {
        TrackEntries entries = entriesIn(m_db);
        const auto current = entries.read(id);
        if (!current)
            return notSaved();
        Result<QList<qint64>> kept = withoutIndexes(*current, changes.removeIndexes, visibility);
        if (!kept)
            return kept.error();
        if (!entries.write(id, *kept + changes.appendTrackIds))
            return notSaved();
    }
    if (Outcome written = writeFields(m_db, id, changes); !written)
        return written;
    return tx.commit() ? Outcome(Done{}) : notSaved();
}

Outcome PlaylistRepository::replaceEntries(qint64 id, qint64 userId, const QList<qint64> &trackIds,
                                           const Visibility &visibility)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return notSaved();
    if (Outcome owner = requireOwner(m_db, id, userId); !owner)
        return owner;
    if (Outcome known = items::requireVisibleTracks(m_db.connection(), trackIds, visibility); !known)
        return known;
    if (!entriesIn(m_db).write(id, trackIds))
        return notSaved();
    if (Outcome written = writeFields(m_db, id, PlaylistChanges()); !written)
        return written;
    return tx.commit() ? Outcome(Done{}) : notSaved();
}

Outcome PlaylistRepository::remove(qint64 id, qint64 userId)
{
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return notSaved();
    if (Outcome owner = requireOwner(m_db, id, userId); !owner)
        return owner;
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM playlists WHERE id = ?"_s);   // entries go by ON DELETE CASCADE
    q.addBindValue(id);
    if (!q.exec())
        return notSaved(q);
    return tx.commit() ? Outcome(Done{}) : notSaved();
}

} // namespace cairn
