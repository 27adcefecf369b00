#include "catalog/LyricsRepository.h"

#include "catalog/Database.h"
#include "catalog/PreparedQuery.h"
#include "catalog/WriteTransaction.h"

#include "CatalogLog.h"
#include "SqlFilter.h"
#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

namespace {

// The `lines` column: a JSON array of [startMs, text] pairs, one row per text instead of one
// per line keeps a scan's writes (and a read) to a single statement per text.
QByteArray encodeLines(const QList<LyricLine> &lines)
{
    QJsonArray array;
    for (const LyricLine &line : lines)
        array.append(QJsonArray{line.startMs, line.text});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<QList<LyricLine>> decodeLines(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isArray())
        return std::nullopt;
    QList<LyricLine> lines;
    const QJsonArray array = document.array();
    lines.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return std::nullopt;
        lines.append({qint64(pair.at(0).toDouble()), pair.at(1).toString()});
    }
    return lines;
}

// QSQLITE binds a null QString as NULL; the text columns are NOT NULL.
QString orEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

QList<Lyrics> LyricsRepository::forTrack(qint64 trackId, const Visibility &visibility) const
{
    SqlFilter filter;
    filter.add(u"l.track_id = ?"_s, {trackId});
    filter.restrictTracks(visibility);
    QSqlQuery q(m_db.connection());
    readForwardOnly(q);
    q.prepare(u"SELECT l.language, l.description, l.synced, l.offset_ms, l.lines FROM lyrics l "
              "JOIN tracks t ON t.id = l.track_id "_s
              + filter.sql + u"ORDER BY l.position"_s);
    filter.bindTo(q);
    QList<Lyrics> result;
    if (!q.exec()) {
        qCWarning(lcCatalog) << "lyrics of track" << trackId << ":" << q.lastError().text();
        return result;
    }
    while (q.next()) {
        const auto lines = decodeLines(q.value(4).toByteArray());
        if (!lines) {
            qCWarning(lcCatalog) << "unreadable lyrics row of track" << trackId << "skipped";
            continue;
        }
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toBool(), *lines,
                       q.value(3).toLongLong()});
    }
    return result;
}

Outcome LyricsRepository::write(qint64 trackId, const QList<Lyrics> &lyrics)
{
    // Most tracks have none: then one statement does it, atomic without a savepoint.
    if (lyrics.isEmpty())
        return clear(trackId);
    WriteTransaction tx(m_db);
    if (!tx.isActive())
        return DomainError::failed(u"cannot start writing the lyrics of track %1"_s.arg(trackId));
    if (Outcome cleared = clear(trackId); !cleared)
        return cleared;
    {
        PreparedQuery q(m_db, u"INSERT INTO lyrics (track_id, position, language, description, synced, offset_ms, "
                              "lines) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        for (qsizetype i = 0; i < lyrics.size(); ++i) {
            const Lyrics &entry = lyrics.at(i);
            if (!q.exec({trackId, i, orEmpty(entry.language), orEmpty(entry.description), entry.synced ? 1 : 0,
                         entry.offsetMs, QString::fromUtf8(encodeLines(entry.lines))},
                        "lyrics:"))
                return DomainError::failed(
                    u"cannot store the lyrics of track %1: %2"_s.arg(trackId).arg(q->lastError().text()));
        }
    }
    if (!tx.commit())
        return DomainError::failed(u"cannot commit the lyrics of track %1"_s.arg(trackId));
    return Done{};
}

Outcome LyricsRepository::clear(qint64 trackId)
{
    // Kept prepared: a scan clears every file's lyrics it writes.
    PreparedQuery q(m_db, u"DELETE FROM lyrics WHERE track_id = ?"_s);
    if (!q.exec({trackId}, "lyrics:"))
        return DomainError::failed(u"cannot clear the lyrics of track %1: %2"_s.arg(trackId).arg(q->lastError().text()));
    return Done{};
}

} // namespace cairn
