#pragma once
// The ordered track lists of user state — playlist entries, play-queue entries: rows of an owner
// key, a position and a track id. Read in order, rewritten whole. Internal to the catalog.

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace cairn {

class TrackEntries
{
public:
    // `table` and `keyColumn` are the catalog's own names, never a caller's text.
    TrackEntries(QSqlDatabase db, QString table, QString keyColumn)
        : m_db(std::move(db)), m_table(std::move(table)), m_keyColumn(std::move(keyColumn))
    {
    }

    struct Entry
    {
        qint64 trackId = 0;
        qint64 folderId = 0;     // for Visibility::allowsFolder
        qint64 durationMs = 0;
    };

    std::optional<QList<Entry>> read(qint64 key) const;   // nullopt on a database error
    bool write(qint64 key, const QList<qint64> &trackIds);

private:
    QSqlDatabase m_db;
    QString m_table;
    QString m_keyColumn;
};

} // namespace cairn
