#pragma once
// The Activity tab: live streams (sortable, refreshed twice a second without flicker), the
// totals, End stream / Throttle on the selected stream, the streaming limits, charts of the last
// hour, and the history of finished streams. Reads the registry's snapshot; never blocks on a worker.

#include "activity/StreamLimits.h"
#include "activity/StreamSnapshot.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cairn {

class ActivityChart;
class ActivityRegistry;
class ActivityTableModel;
class ActivityTimeline;
class Database;
class StreamHistoryPanel;
class StreamLimitsEditor;

class ActivityTab : public QWidget
{
    Q_OBJECT
public:
    // `history` may be null: then no history panel.
    ActivityTab(ActivityRegistry &activity, const Database *history, QWidget *parent = nullptr);

    // Asks the cap for a stream in kB/s (0 = none); nullopt = cancelled. Default: a dialog.
    using ThrottlePrompt = std::function<std::optional<int>(const StreamSnapshot &)>;
    void setThrottlePrompt(ThrottlePrompt prompt) { m_throttlePrompt = std::move(prompt); }
    // Where edited limits go (the app applies and stores them); default: the registry only.
    void setLimitsApply(std::function<void(const StreamLimits &)> apply);

    // Shows the last hour from `timeline` (must outlive this tab), redrawn at each of its samples.
    void setTimeline(const ActivityTimeline *timeline);

    QTableView *table() const { return m_table; }
    ActivityChart *chart() const { return m_chart; }
    ActivityTableModel *model() const { return m_model; }

    // Reads the registry now (also done by a timer).
    void refresh();

private:
    std::optional<StreamSnapshot> selectedStream() const;
    void endSelected();
    void throttleSelected();
    void updateButtons();
    std::optional<int> askThrottle(const StreamSnapshot &stream);

    ActivityRegistry &m_activity;
    ActivityTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    QLabel *m_totals;
    QPushButton *m_endButton;
    QPushButton *m_throttleButton;
    StreamLimitsEditor *m_limits;
    StreamHistoryPanel *m_history = nullptr;
    ActivityChart *m_chart;              // hidden until there is a timeline
    const ActivityTimeline *m_timeline = nullptr;
    ThrottlePrompt m_throttlePrompt;
    QTimer m_refreshTimer;
};

} // namespace cairn
