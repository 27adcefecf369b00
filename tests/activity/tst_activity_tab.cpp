// The Activity tab offscreen against a real server: live rows with the right users and
// kinds, sorting, End stream from the GUI (the client sees the close, the row goes, history
// records it), Throttle from the GUI, the limits editor, the charts of the last hour.

#include "ActivityChart.h"
#include "ActivityServer.h"
#include "ActivityTab.h"
#include "ActivityTableModel.h"
#include "StreamReader.h"
#include "TrayIcon.h"
#include "activity/ActivityTimeline.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

QString cell(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

// Pixels of `color` inside `area` of `image`.
int pixelsOf(const QImage &image, const QRect &area, const QColor &color)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (QColor(image.pixel(x, y)).rgb() == color.rgb())
                ++n;
    return n;
}

int rowOf(const QTableView *table, const QString &user)
{
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (cell(table, row, ActivityTableModel::User) == user)
            return row;
    return -1;
}

} // namespace

class TestActivityTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveRowsEndAndThrottle();
    void limitsEditorApplies();
    void activityTabEditsDefaultCaps();
    void trayCountsActiveStreams();
    void chartDrawsTheStreams();
    void chartWithoutTimelineOrSamples();

private:
    ActivityServer m_server;
};

void TestActivityTab::initTestCase()
{
    const QString error = m_server.start({u"a.wav"_s, u"b.wav"_s}, 60);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestActivityTab::liveRowsEndAndThrottle()
{
    ActivityTab tab(m_server.activity(), &m_server.database());
    tab.resize(1000, 700);
    tab.show();
    QTableView *table = tab.table();
    auto *end = tab.findChild<QPushButton *>(u"endStreamButton"_s);
    auto *throttle = tab.findChild<QPushButton *>(u"throttleButton"_s);
    auto *totals = tab.findChild<QLabel *>(u"activityTotalsLabel"_s);
    auto *history = tab.findChild<QTableWidget *>(u"historyTable"_s);
    QVERIFY(end && throttle && totals && history);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!end->isEnabled());

    const quint16 port = m_server.port();
    std::vector<std::unique_ptr<StreamReader>> readers;
    readers.push_back(std::make_unique<StreamReader>(port, m_server.streamPath(u"a.wav"_s),
                                                     QList<QByteArray>{"X-Test-User: zoe"}, StreamReader::Mode::Slow,
                                                     200 * 1024));
    readers.push_back(std::make_unique<StreamReader>(port, m_server.downloadPath(u"b.wav"_s),
                                                     QList<QByteArray>{"X-Test-User: adam"}, StreamReader::Mode::Stalled));
    readers.push_back(std::make_unique<StreamReader>(port, m_server.streamPath(u"b.wav"_s), QList<QByteArray>{},
                                                     StreamReader::Mode::Slow, 50 * 1024));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, 10000);
    QVERIFY(totals->text().contains(u"3"_s));
    QCOMPARE(cell(table, rowOf(table, u"zoe"_s), ActivityTableModel::Kind), u"Direct"_s);
    QCOMPARE(cell(table, rowOf(table, u"zoe"_s), ActivityTableModel::Track), u"a.wav"_s);
    QCOMPARE(cell(table, rowOf(table, u"adam"_s), ActivityTableModel::Kind), u"Download"_s);
    QCOMPARE(cell(table, rowOf(table, u"local"_s), ActivityTableModel::Kind), u"Direct"_s);

    // Sortable: by user, both ways.
    table->sortByColumn(ActivityTableModel::User, Qt::AscendingOrder);
    QCOMPARE(cell(table, 0, ActivityTableModel::User), u"adam"_s);
    QCOMPARE(cell(table, 2, ActivityTableModel::User), u"zoe"_s);
    table->sortByColumn(ActivityTableModel::User, Qt::DescendingOrder);
    QCOMPARE(cell(table, 0, ActivityTableModel::User), u"zoe"_s);

    // Refreshes keep the selection (rows are updated in place, not rebuilt).
    table->selectRow(rowOf(table, u"local"_s));
    QVERIFY(throttle->isEnabled());
    const qint64 sentBefore = table->model()->index(rowOf(table, u"local"_s), ActivityTableModel::Sent)
                                  .data(ActivityTableModel::SortRole).toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->index(rowOf(table, u"local"_s), ActivityTableModel::Sent)
                                 .data(ActivityTableModel::SortRole).toLongLong() > sentBefore, 10000);
    QCOMPARE(cell(table, table->selectionModel()->selectedRows().first().row(), ActivityTableModel::User), u"local"_s);

    // Throttle through the GUI action.
    tab.setThrottlePrompt([](const StreamSnapshot &) { return std::optional<int>(80); });
    throttle->click();
    const int localRow = rowOf(table, u"local"_s);
    QCOMPARE(table->model()->index(localRow, ActivityTableModel::Cap).data(ActivityTableModel::SortRole).toLongLong(),
             80000);
    // A cancelled prompt changes nothing.
    tab.setThrottlePrompt([](const StreamSnapshot &) { return std::optional<int>(); });
    throttle->click();
    QCOMPARE(table->model()->index(localRow, ActivityTableModel::Cap).data(ActivityTableModel::SortRole).toLongLong(),
             80000);

    // End zoe's stream from the GUI.
    table->selectRow(rowOf(table, u"zoe"_s));
    end->click();
    QTRY_VERIFY_WITH_TIMEOUT(readers.front()->isClosed(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 10000);
    QCOMPARE(rowOf(table, u"zoe"_s), -1);
    QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 1, 10000);
    QCOMPARE(history->item(0, 0)->text(), u"zoe"_s);
    QCOMPARE(history->item(0, 5)->text(), u"ended"_s);
    QVERIFY(!readers.at(1)->isClosed());

    readers.clear();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 3, 10000);
    auto *mostPlayed = tab.findChild<QListWidget *>(u"mostPlayedList"_s);
    QVERIFY(mostPlayed->count() >= 1);   // downloads are not plays; the streams are
    QVERIFY(!end->isEnabled());
}

void TestActivityTab::limitsEditorApplies()
{
    ActivityTab tab(m_server.activity(), nullptr);
    StreamLimits applied;
    int calls = 0;
    tab.setLimitsApply([&](const StreamLimits &l) {
        applied = l;
        ++calls;
    });
    tab.findChild<QSpinBox *>(u"maxStreamsSpin"_s)->setValue(4);
    tab.findChild<QSpinBox *>(u"maxPerUserSpin"_s)->setValue(2);
    tab.findChild<QSpinBox *>(u"totalCapSpin"_s)->setValue(5000);
    tab.findChild<QSpinBox *>(u"streamCapSpin"_s)->setValue(0);
    tab.findChild<QPushButton *>(u"applyLimitsButton"_s)->click();
    QCOMPARE(calls, 1);
    QCOMPARE(applied.maxStreams, 4);
    QCOMPARE(applied.maxStreamsPerUser, 2);
    QCOMPARE(applied.totalBytesPerSecond, 5'000'000);
    QCOMPARE(applied.streamBytesPerSecond, 0);
}

// Issue 15 finding 5: the caps are on by default, shown in the Limits box and edited there.
void TestActivityTab::activityTabEditsDefaultCaps()
{
    const StreamLimits before = m_server.activity().limits();
    m_server.activity().setLimits(StreamLimits{});
    ActivityTab tab(m_server.activity(), nullptr);   // Apply goes to the registry itself
    auto *perUser = tab.findChild<QSpinBox *>(u"maxPerUserSpin"_s);
    auto *videos = tab.findChild<QSpinBox *>(u"hlsPerUserSpin"_s);
    auto *rate = tab.findChild<QSpinBox *>(u"requestRateSpin"_s);
    auto *burst = tab.findChild<QSpinBox *>(u"requestBurstSpin"_s);
    QVERIFY(perUser && videos && rate && burst);
    QCOMPARE(perUser->value(), 8);
    QCOMPARE(videos->value(), 4);
    QCOMPARE(rate->value(), 50);
    QCOMPARE(burst->value(), 200);
    QCOMPARE(burst->minimum(), 1);   // an empty bucket would refuse every request

    videos->clear();
    QTest::keyClicks(videos, u"2"_s);
    rate->clear();
    QTest::keyClicks(rate, u"0"_s);   // unlimited
    burst->clear();
    QTest::keyClicks(burst, u"30"_s);
    QTest::mouseClick(tab.findChild<QPushButton *>(u"applyLimitsButton"_s), Qt::LeftButton);
    const StreamLimits applied = m_server.activity().limits();
    QCOMPARE(applied.maxHlsSessionsPerUser, 2);
    QCOMPARE(applied.requestsPerSecond, 0);
    QCOMPARE(applied.requestBurst, 30);
    QCOMPARE(applied.maxStreamsPerUser, 8);   // untouched
    QCOMPARE(rate->value(), 0);
    m_server.activity().setLimits(before);
}

void TestActivityTab::trayCountsActiveStreams()
{
    QWidget window;
    TrayIcon tray(m_server.server(), window);
    QVERIFY(!tray.toolTip().contains(u"stream"_s));
    tray.setActivity(&m_server.activity());
    QVERIFY2(tray.toolTip().contains(u"0 active stream"_s), qPrintable(tray.toolTip()));
    StreamReader reader(m_server.port(), m_server.streamPath(u"a.wav"_s), {}, StreamReader::Mode::Stalled);
    QTRY_VERIFY2_WITH_TIMEOUT(tray.toolTip().contains(u"1 active stream"_s), qPrintable(tray.toolTip()), 10000);
    reader.close();
    QTRY_VERIFY2_WITH_TIMEOUT(tray.toolTip().contains(u"0 active stream"_s), qPrintable(tray.toolTip()), 10000);
}

// The charts against the real server's registry, sampled every 100 ms over a 3-s "hour" so the
// streams fill the plots: the samples arrive, both plots hold their colours, hovering reads out a
// sample, and after the streams end the newest samples count none.
void TestActivityTab::chartDrawsTheStreams()
{
    ActivityTimeline timeline(m_server.activity(), 100, 30);
    ActivityTab tab(m_server.activity(), &m_server.database());
    tab.resize(1000, 900);
    tab.setTimeline(&timeline);
    tab.show();
    ActivityChart *chart = tab.chart();
    QVERIFY(chart && chart->isVisible());
    QCOMPARE(chart->sampleCount(), 0);

    const quint16 port = m_server.port();
    std::vector<std::unique_ptr<StreamReader>> readers;
    readers.push_back(std::make_unique<StreamReader>(port, m_server.streamPath(u"a.wav"_s), QList<QByteArray>{},
                                                     StreamReader::Mode::Slow, 200 * 1024));
    readers.push_back(std::make_unique<StreamReader>(port, m_server.downloadPath(u"b.wav"_s), QList<QByteArray>{},
                                                     StreamReader::Mode::Stalled));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity().activeCount(), 2, 10000);
    timeline.start();
    // A whole span of samples with both streams, the reader's rate measured meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(chart->sampleCount() == 30 && chart->maxBytesPerSecond() > 0, 15000);
    QCOMPARE(chart->maxStreams(), 2);

    const QImage image = chart->grab().toImage();
    const QRect streams = chart->streamsPlotRect();
    const QRect bandwidth = chart->bandwidthPlotRect();
    QVERIFY(streams.height() > 40 && bandwidth.height() > 40);
    // Direct and download share the plot: half of it each, nothing of the other kinds.
    const int direct = pixelsOf(image, streams, ActivityChart::kindColor(int(StreamKind::Direct)));
    const int download = pixelsOf(image, streams, ActivityChart::kindColor(int(StreamKind::Download)));
    QVERIFY2(direct > streams.width() * streams.height() / 5, qPrintable(QString::number(direct)));
    QVERIFY2(download > streams.width() * streams.height() / 5, qPrintable(QString::number(download)));
    QCOMPARE(pixelsOf(image, streams, ActivityChart::kindColor(int(StreamKind::Transcode))), 0);
    QVERIFY(pixelsOf(image, bandwidth, chart->bandwidthFill()) > 100);

    QTest::mouseMove(chart, streams.center());
    QTRY_VERIFY(chart->hoveredSample() >= 0);
    const QString readout = chart->readout(chart->hoveredSample());
    QVERIFY2(readout.contains(u"Direct: 1"_s) && readout.contains(u"Download: 1"_s), qPrintable(readout));

    readers.clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activity().activeCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(chart->maxStreams(), 0, 15000);   // the streams left the span
    QCOMPARE(pixelsOf(chart->grab().toImage(), streams, ActivityChart::kindColor(int(StreamKind::Direct))), 0);
}

// No timeline: no chart. A timeline with no sample yet: an empty chart, nothing plotted.
void TestActivityTab::chartWithoutTimelineOrSamples()
{
    ActivityTab bare(m_server.activity(), nullptr);
    bare.resize(800, 700);
    bare.show();
    QVERIFY(!bare.chart()->isVisible());

    ActivityTimeline timeline(m_server.activity());
    ActivityTab tab(m_server.activity(), nullptr);
    tab.resize(800, 700);
    tab.setTimeline(&timeline);
    tab.show();
    ActivityChart *chart = tab.chart();
    QVERIFY(chart->isVisible());
    QCOMPARE(chart->sampleCount(), 0);
    QCOMPARE(chart->hoveredSample(), -1);
    QVERIFY(chart->readout(0).isEmpty());
    const QImage image = chart->grab().toImage();
    QCOMPARE(pixelsOf(image, chart->bandwidthPlotRect(), chart->bandwidthFill()), 0);
    for (int kind = 0; kind < kStreamKindCount; ++kind)
        QCOMPARE(pixelsOf(image, chart->streamsPlotRect(), ActivityChart::kindColor(kind)), 0);
    tab.setTimeline(nullptr);
    QVERIFY(!chart->isVisible());
}

QTEST_MAIN(TestActivityTab)
#include "tst_activity_tab.moc"
