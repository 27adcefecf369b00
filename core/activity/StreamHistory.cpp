#include "activity/StreamHistory.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"

#include "ActivityLog.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;

// A null QString binds as SQL NULL; the columns are NOT NULL text.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

// When the deferred rows were last pruned. Deferred writes run on their Database's own writer
// thread, so one state per thread is one per Database.
struct PruneState
{
    int rowsSincePrune = 0;
    qint64 prunedAtMs = 0;   // never yet: the first stream to end prunes
};

PruneState &writerPruneState()
{
    thread_local PruneState state;
    return state;
}
} // namespace

bool StreamHistory::record(FinishedStream &stream)
{
    return insert(stream, &stream.id);
}

bool StreamHistory::insert(const FinishedStream &stream, qint64 *id)
{
    PreparedQuery q(m_db, u"INSERT INTO stream_history (user_name, client, track_id, title, kind, preset, "
                          "started_at, ended_at, bytes, ending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const bool ok = q.exec({text(stream.user), text(stream.client), stream.info.trackId, text(stream.info.title),
                            streamKindName(stream.info.kind), text(stream.info.preset),
                            stream.startedAt.toMSecsSinceEpoch(), stream.endedAt.toMSecsSinceEpoch(),
                            stream.bytesSent, streamEndingName(stream.ending)},
                           "cannot record stream history:");
    if (ok && id)
        *id = q->lastInsertId().toLongLong();
    return ok;
}

bool StreamHistory::Deferred::record(const FinishedStream &stream)
{
    const Database &db = m_db;
    if (db.defer([&db, stream] {
            StreamHistory(db).insert(stream, nullptr);
            ++writerPruneState().rowsSincePrune;
        }))
        return true;
    qCWarning(lcActivity) << "stream history falls behind: a finished stream is not recorded";
    return false;
}

void StreamHistory::Deferred::prune(int maxRows, int maxDays)
{
    const Database &db = m_db;
    db.defer([&db, maxRows, maxDays] {
        PruneState &state = writerPruneState();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (state.rowsSincePrune < kPruneEvery && now - state.prunedAtMs < kPruneIntervalMs)
            return;
        StreamHistory(db).prune(maxRows, maxDays);
        state = {0, now};
    });
}

void StreamHistory::prune(int maxRows, int maxDays)
{
    QSqlQuery q(m_db.connection());
    if (maxRows > 0) {
        q.prepare(u"DELETE FROM stream_history WHERE id <= (SELECT MAX(id) FROM stream_history) - ?"_s);
        q.addBindValue(maxRows);
        if (!q.exec())
            qCWarning(lcActivity) << "cannot prune stream history:" << q.lastError().text();
    }
    if (maxDays > 0) {
        q.prepare(u"DELETE FROM stream_history WHERE ended_at < ?"_s);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch() - qint64(maxDays) * kMsPerDay);
        if (!q.exec())
            qCWarning(lcActivity) << "cannot prune stream history:" << q.lastError().text();
    }
}

QList<FinishedStream> StreamHistory::recent(int limit) const
{
    m_db.waitForDeferred();
    QList<FinishedStream> list;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, user_name, client, track_id, title, kind, preset, started_at, ended_at, bytes, ending "
              "FROM stream_history ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next()) {
        FinishedStream s;
        s.id = q.value(0).toLongLong();
        s.user = q.value(1).toString();
        s.client = q.value(2).toString();
        s.info.trackId = q.value(3).toLongLong();
        s.info.title = q.value(4).toString();
        s.info.kind = streamKindFromName(q.value(5).toString());
        s.info.preset = q.value(6).toString();
        s.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        s.endedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
        s.bytesSent = q.value(9).toLongLong();
        const QString ending = q.value(10).toString();
        for (StreamEnding e : {StreamEnding::Completed, StreamEnding::ClientLeft, StreamEnding::EndedByAdmin,
                               StreamEnding::Failed})
            if (streamEndingName(e) == ending)
                s.ending = e;
        list.append(s);
    }
    return list;
}

QList<PlayCount> StreamHistory::mostPlayed(int limit) const
{
    m_db.waitForDeferred();
    QList<PlayCount> list;
    QSqlQuery q(m_db.connection());
    // The newest title wins: a retagged track shows its current name.
    q.prepare(u"SELECT track_id, (SELECT h2.title FROM stream_history h2 WHERE h2.track_id = h.track_id "
              "ORDER BY h2.id DESC LIMIT 1), COUNT(*) AS plays FROM stream_history h "
              "WHERE track_id > 0 AND kind <> 'download' GROUP BY track_id ORDER BY plays DESC, track_id LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
    return list;
}

qint64 StreamHistory::count() const
{
    m_db.waitForDeferred();
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT COUNT(*) FROM stream_history"_s) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace cairn
