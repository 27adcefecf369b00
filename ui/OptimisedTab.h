#pragma once
// The Optimised tab: the versions made ahead of time in the background, each with its state
// and progress, Cancel (while queued, running or paused) or Delete (once made, failed or
// outdated) on the selected one, and how much of the store they take. Follows the queue's
// changes; reads its snapshot, never waits on its thread.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace cairn {

class OptimiseQueue;
struct OptimisedVersion;

class OptimisedTab : public QWidget
{
    Q_OBJECT
public:
    explicit OptimisedTab(OptimiseQueue &queue, QWidget *parent = nullptr);

    // Reads the queue now (also done, at most a few times a second, when it changes).
    void refresh();

private:
    void removeSelected();
    void updateButton();
    QString stateText(const OptimisedVersion &version) const;

    OptimiseQueue &m_queue;
    QLabel *m_store;
    QTreeWidget *m_list;
    QPushButton *m_remove;
    QLabel *m_hint;
    QTimer m_coalesce;   // many progress signals, one refresh
};

} // namespace cairn
