#include "ActivityTab.h"

#include "ActivityChart.h"
#include "ActivityTableModel.h"
#include "StreamHistoryPanel.h"
#include "StreamLimitsEditor.h"
#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr int kRefreshMs = 500;
} // namespace

ActivityTab::ActivityTab(ActivityRegistry &activity, const Database *history, QWidget *parent)
    : QWidget(parent)
    , m_activity(activity)
    , m_model(new ActivityTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_totals(new QLabel(this))
    , m_endButton(new QPushButton(tr("End stream"), this))
    , m_throttleButton(new QPushButton(tr("Throttle…"), this))
    , m_limits(new StreamLimitsEditor(activity.limits(), this))
    , m_chart(new ActivityChart(this))
{
    m_table->setObjectName(u"activityTable"_s);
    m_totals->setObjectName(u"activityTotalsLabel"_s);
    m_endButton->setObjectName(u"endStreamButton"_s);
    m_throttleButton->setObjectName(u"throttleButton"_s);
    m_limits->setApply([this](const StreamLimits &limits) { m_activity.setLimits(limits); });

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ActivityTableModel::SortRole);
    m_sorted->setDynamicSortFilter(true);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ActivityTableModel::Started, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_totals, 1);
    buttons->addWidget(m_throttleButton);
    buttons->addWidget(m_endButton);
    auto *live = new QWidget(this);
    auto *liveLayout = new QVBoxLayout(live);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->addLayout(buttons);
    liveLayout->addWidget(m_table);
    auto *limitsBox = new QGroupBox(tr("Limits"), live);
    auto *limitsLayout = new QVBoxLayout(limitsBox);
    limitsLayout->addWidget(m_limits);
    liveLayout->addWidget(limitsBox);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(live);
    m_chart->hide();
    splitter->addWidget(m_chart);
    if (history) {
        m_history = new StreamHistoryPanel(*history, this);
        splitter->addWidget(m_history);
        // Queued: streams end on worker threads, after their history row was written.
        connect(&m_activity, &ActivityRegistry::streamFinished, this, [this] { m_history->reload(); },
                Qt::QueuedConnection);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_endButton, &QPushButton::clicked, this, &ActivityTab::endSelected);
    connect(m_throttleButton, &QPushButton::clicked, this, &ActivityTab::throttleSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ActivityTab::updateButtons);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ActivityTab::refresh);
    m_refreshTimer.start(kRefreshMs);
    refresh();
}

void ActivityTab::setLimitsApply(std::function<void(const StreamLimits &)> apply)
{
    m_limits->setApply(std::move(apply));
}

void ActivityTab::setTimeline(const ActivityTimeline *timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    m_chart->setVisible(timeline != nullptr);
    if (!timeline)
        return;
    // Queued: samples are taken on the timeline's thread; the chart reads the copy it is given.
    const auto show = [this] {
        m_chart->setSamples(m_timeline->samples(), qint64(m_timeline->intervalMs()) * m_timeline->capacity());
    };
    connect(timeline, &ActivityTimeline::sampled, this, show, Qt::QueuedConnection);
    show();
}

void ActivityTab::refresh()
{
    const QList<StreamSnapshot> streams = m_activity.snapshot();
    m_model->update(streams);
    int transcodes = 0;
    double rate = 0;
    for (const StreamSnapshot &s : streams) {
        if (s.info.kind == StreamKind::Transcode)
            ++transcodes;
        rate += s.bytesPerSecond;
    }
    m_totals->setText(tr("%n active stream(s)", nullptr, int(streams.size())) + u" · "_s
                      + tr("%n transcode(s)", nullptr, transcodes) + u" · "_s + tr("out: %1").arg(formatRate(rate)));
    updateButtons();
}

std::optional<StreamSnapshot> ActivityTab::selectedStream() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_sorted->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->streamAt(source.row());
}

void ActivityTab::updateButtons()
{
    const bool selected = m_table->selectionModel()->hasSelection();
    m_endButton->setEnabled(selected);
    m_throttleButton->setEnabled(selected);
}

void ActivityTab::endSelected()
{
    if (const auto stream = selectedStream())
        m_activity.end(stream->id);
}

void ActivityTab::throttleSelected()
{
    const auto stream = selectedStream();
    if (!stream)
        return;
    const auto kBps = m_throttlePrompt ? m_throttlePrompt(*stream) : askThrottle(*stream);
    if (kBps)
        m_activity.throttle(stream->id, qint64(*kBps) * 1000);
    refresh();
}

std::optional<int> ActivityTab::askThrottle(const StreamSnapshot &stream)
{
    bool ok = false;
    const int current = int(stream.capBytesPerSecond / 1000);
    const int kBps = QInputDialog::getInt(this, tr("Throttle stream"),
                                          tr("Cap for %1's stream in kB/s (0 = no cap):").arg(stream.user),
                                          current, 0, 10'000'000, 50, &ok);
    return ok ? std::optional<int>(kBps) : std::nullopt;
}

} // namespace cairn
