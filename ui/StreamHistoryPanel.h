#pragma once
// Finished streams from the catalog: the last 100 (user, track, kind, duration, bytes, how
// it ended) and the most played tracks. Reloaded when a stream ends.

#include <QWidget>

class QListWidget;
class QTableWidget;

namespace cairn {

class Database;

class StreamHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StreamHistoryPanel(const Database &db, QWidget *parent = nullptr);

    void reload();

private:
    const Database &m_db;
    QTableWidget *m_recent;
    QListWidget *m_mostPlayed;
};

} // namespace cairn
