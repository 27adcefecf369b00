#include "StreamHistoryPanel.h"

#include "activity/StreamHistory.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {
constexpr int kRecent = 100;
constexpr int kMostPlayed = 20;
} // namespace

StreamHistoryPanel::StreamHistoryPanel(const Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_recent(new QTableWidget(this)), m_mostPlayed(new QListWidget(this))
{
    m_recent->setObjectName(u"historyTable"_s);
    m_mostPlayed->setObjectName(u"mostPlayedList"_s);
    m_recent->setColumnCount(6);
    m_recent->setHorizontalHeaderLabels({tr("User"), tr("Track"), tr("Kind"), tr("Duration"), tr("Sent"), tr("Ended")});
    m_recent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recent->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recent->verticalHeader()->hide();
    m_recent->horizontalHeader()->setStretchLastSection(true);

    auto *recentBox = new QVBoxLayout;
    recentBox->addWidget(new QLabel(tr("Recent streams"), this));
    recentBox->addWidget(m_recent);
    auto *topBox = new QVBoxLayout;
    topBox->addWidget(new QLabel(tr("Most played"), this));
    topBox->addWidget(m_mostPlayed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(recentBox, 3);
    layout->addLayout(topBox, 1);
    reload();
}

void StreamHistoryPanel::reload()
{
    const StreamHistory history(m_db);
    const QList<FinishedStream> recent = history.recent(kRecent);
    const QLocale locale;
    m_recent->setRowCount(int(recent.size()));
    for (int row = 0; row < recent.size(); ++row) {
        const FinishedStream &s = recent.at(row);
        const qint64 seconds = s.startedAt.secsTo(s.endedAt);
        const QStringList cells{
            s.user,
            s.info.title.isEmpty() ? QString::number(s.info.trackId) : s.info.title,
            streamKindName(s.info.kind),
            u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0')),
            locale.formattedDataSize(s.bytesSent, 1, QLocale::DataSizeSIFormat),
            streamEndingName(s.ending),
        };
        for (int col = 0; col < cells.size(); ++col) {
            QTableWidgetItem *item = m_recent->item(row, col);
            if (!item) {
                item = new QTableWidgetItem;
                m_recent->setItem(row, col, item);
            }
            item->setText(cells.at(col));
        }
    }
    m_mostPlayed->clear();
    const QList<PlayCount> top = history.mostPlayed(kMostPlayed);
    for (const PlayCount &c : top)
        m_mostPlayed->addItem(tr("%1 — %n play(s)", nullptr, c.plays).arg(c.title));
}

} // namespace cairn
