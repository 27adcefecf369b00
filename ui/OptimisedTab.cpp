#include "OptimisedTab.h"

#include "hls/OptimiseQueue.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

enum Column { VideoColumn, VariantColumn, StateColumn, ProgressColumn, SizeColumn, ColumnCount };
constexpr int kIdRole = Qt::UserRole;
constexpr int kPendingRole = Qt::UserRole + 1;
constexpr int kRefreshMs = 250;

} // namespace

OptimisedTab::OptimisedTab(OptimiseQueue &queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_store(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_remove(new QPushButton(tr("Cancel"), this))
    , m_hint(new QLabel(this))
{
    m_store->setObjectName(u"optimisedStore"_s);
    m_list->setObjectName(u"optimisedList"_s);
    m_remove->setObjectName(u"optimisedRemove"_s);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Optimised versions are made ahead of time, one at a time at low priority, and pause while "
                       "someone watches a live transcode. Administrators ask for them in the web app, for a video "
                       "or a whole library folder."));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Video"), tr("Variant"), tr("State"), tr("Progress"), tr("Size")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(VideoColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_store);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kRefreshMs);
    connect(&m_coalesce, &QTimer::timeout, this, &OptimisedTab::refresh);
    // Emitted on the queue's thread: queued here, where the timer coalesces a burst.
    connect(&m_queue, &OptimiseQueue::changed, this, [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    }, Qt::QueuedConnection);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &OptimisedTab::updateButton);
    connect(m_remove, &QPushButton::clicked, this, &OptimisedTab::removeSelected);
    refresh();
}

QString OptimisedTab::stateText(const OptimisedVersion &v) const
{
    switch (v.state) {
    case OptimisedVersion::State::Queued: return tr("Queued");
    case OptimisedVersion::State::Running: return tr("Being made");
    case OptimisedVersion::State::Paused: return tr("Paused while someone watches");
    case OptimisedVersion::State::Done: return tr("Ready");
    case OptimisedVersion::State::Failed: return tr("Failed: %1").arg(v.error);
    case OptimisedVersion::State::Outdated: return tr("Outdated: the video file changed");
    }
    return {};
}

void OptimisedTab::refresh()
{
    const QList<OptimisedVersion> versions = m_queue.versions();
    const QLocale locale;
    m_store->setText(tr("%1 of %2 used by optimised versions")
                         .arg(locale.formattedDataSize(m_queue.store().usedBytes()),
                              locale.formattedDataSize(m_queue.store().maxBytes())));
    // Rows are updated in place: the selection and the progress bars stay.
    QHash<QString, QTreeWidgetItem *> rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        rows.insert(m_list->topLevelItem(i)->data(VideoColumn, kIdRole).toString(), m_list->topLevelItem(i));
    for (const OptimisedVersion &v : versions) {
        QTreeWidgetItem *row = rows.take(v.id);
        if (!row) {
            row = new QTreeWidgetItem(m_list);
            row->setData(VideoColumn, kIdRole, v.id);
            auto *bar = new QProgressBar(m_list);
            bar->setObjectName(u"optimisedProgress"_s);
            m_list->setItemWidget(row, ProgressColumn, bar);
        }
        row->setText(VideoColumn, v.source.title);
        row->setText(VariantColumn, v.variant().name);
        row->setText(StateColumn, stateText(v));
        row->setToolTip(StateColumn, stateText(v));
        row->setText(SizeColumn, locale.formattedDataSize(v.bytes));
        row->setData(VideoColumn, kPendingRole, v.isPending());
        if (auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(row, ProgressColumn))) {
            bar->setRange(0, qMax(1, v.segmentCount()));
            bar->setValue(v.segmentsDone);
            bar->setFormat(tr("%1 of %2 segments").arg(v.segmentsDone).arg(v.segmentCount()));
        }
    }
    qDeleteAll(rows);   // removed meanwhile
    updateButton();
}

void OptimisedTab::updateButton()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    m_remove->setEnabled(!selected.isEmpty());
    const bool pending = !selected.isEmpty() && selected.constFirst()->data(VideoColumn, kPendingRole).toBool();
    m_remove->setText(pending || selected.isEmpty() ? tr("Cancel") : tr("Delete"));
}

void OptimisedTab::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    m_queue.remove(selected.constFirst()->data(VideoColumn, kIdRole).toString());
    refresh();
}

} // namespace cairn
