#include "catalog/PlayQueueRepository.h"

#include "catalog/Database.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "ItemIds.h"
#include "TrackEntries.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

DomainError notSaved(const QSqlQuery &q)
{
    qCWarning(lcCatalog) << "play queue:" << q.lastError().text();
    return DomainError::failed(u"the play queue could not be saved"_s);
}

TrackEntries entriesIn(const Database &db)
{
    return TrackEntries(db.connection(), u"play_queue_entries"_s, u"user_id"_s);
}

Outcome checked(const PlayQueue &queue)
{
    if (queue.currentTrackId != 0 && !queue.trackIds.contains(queue.currentTrackId))
        return DomainError::invalid(u"the current track %1 is not in the queue"_s.arg(queue.currentTrackId));
    if (queue.positionMs < 0)
        return DomainError::invalid(u"the position must not be negative"_s);
    return Done{};
}

} // namespace

Outcome PlayQueueRepository::save(qint64 userId, const PlayQueue &queue, const Visibility &visibility)
{
    if (!queue.trackIds.isEmpty()) {
        if (Outcome valid = checked(queue); !valid)
            return valid;
    }
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return DomainError::failed(u"the play queue could not be saved"_s);
    QSqlQuery q(m_db.connection());
    if (queue.trackIds.isEmpty()) {
        q.prepare(u"DELETE FROM play_queues WHERE user_id = ?"_s);   // entries go by ON DELETE CASCADE
        q.addBindValue(userId);
        if (!q.exec())
            return notSaved(q);
        return tx.commit() ? Outcome(Done{}) : notSaved(q);
    }
    if (Outcome known = items::requireVisibleTracks(m_db.connection(), queue.trackIds, visibility); !known)
        return known;
    q.prepare(u"INSERT INTO play_queues (user_id, current_track_id, position_ms, changed_at, changed_by) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET current_track_id = excluded.current_track_id, "
              "position_ms = excluded.position_ms, changed_at = excluded.changed_at, "
              "changed_by = excluded.changed_by"_s);
    q.addBindValue(userId);
    q.addBindValue(queue.currentTrackId > 0 ? QVariant(queue.currentTrackId) : QVariant());
    q.addBindValue(queue.positionMs);
    q.addBindValue(queue.changedAt);
    q.addBindValue(queue.changedBy.isNull() ? u""_s : queue.changedBy);
    if (!q.exec())
        return notSaved(q);
    if (!entriesIn(m_db).write(userId, queue.trackIds))
        return DomainError::failed(u"the play queue could not be saved"_s);
    return tx.commit() ? Outcome(Done{}) : notSaved(q);
}

std::optional<PlayQueue> PlayQueueRepository::load(qint64 userId, const Visibility &visibility) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT current_track_id, position_ms, changed_at, changed_by FROM play_queues WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (!q.exec()) {
        qCWarning(lcCatalog) << "play queue:" << q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    PlayQueue queue;
    queue.currentTrackId = q.value(0).toLongLong();   // NULL (none, or its track deleted) reads as 0
    queue.positionMs = q.value(1).toLongLong();
    queue.changedAt = q.value(2).toLongLong();
    queue.changedBy = q.value(3).toString();
    const auto entries = entriesIn(m_db).read(userId);
    if (!entries)
        return std::nullopt;
    for (const TrackEntries::Entry &entry : *entries) {
        if (visibility.allowsFolder(entry.folderId))
            queue.trackIds << entry.trackId;
    }
    if (!queue.trackIds.contains(queue.currentTrackId)) {
        queue.currentTrackId = 0;
        queue.positionMs = 0;
    }
    return queue;
}

} // namespace cairn
