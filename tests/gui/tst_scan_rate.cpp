// The Library tab's scan rate: files per second over the last seconds, the time left at that
// rate, and the text the status panel shows, with a fake clock; bad input too.

#include "ScanRate.h"
#include "ScanStatusPanel.h"
#include "scan/LibraryScanner.h"

#include <QLabel>
#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

class TestScanRate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void rateOverTheWindow();
    void unknownUntilTwoSamplesApart();
    void walkAndUnchangedFilesAreNoRate();
    void badInput();
    void text_data();
    void text();
    void panelShowsRateWhileScanning();
};

void TestScanRate::rateOverTheWindow()
{
    ScanRate rate(5000);
    rate.add(0, 0, 10000);
    rate.add(1000, 1000, 10000);
    QCOMPARE(*rate.filesPerSecond(), 1000.0);
    QCOMPARE(*rate.msLeft(), 9000);
    // Faster later: the samples older than 5 s stop counting.
    for (qint64 t = 2000; t <= 10000; t += 1000)
        rate.add(t, int(1000 + (t - 1000) * 2), 100000);   // a new total is fine too
    QCOMPARE(*rate.filesPerSecond(), 2000.0);
    QCOMPARE(rate.done(), 19000);
    QCOMPARE(*rate.msLeft(), 40500);
}

void TestScanRate::unknownUntilTwoSamplesApart()
{
    ScanRate rate;
    QVERIFY(!rate.filesPerSecond());
    QVERIFY(!rate.msLeft());
    rate.add(100, 10, 50);
    QVERIFY(!rate.filesPerSecond());
    rate.add(100, 20, 50);   // zero elapsed
    QVERIFY(!rate.filesPerSecond());
    QVERIFY(!rate.msLeft());
    rate.add(600, 20, 50);   // no file in half a second: a rate of 0, no estimate
    QCOMPARE(*rate.filesPerSecond(), 20.0);   // (20 - 10) files over 0.5 s
    rate.reset();
    rate.add(0, 5, 50);
    rate.add(1000, 5, 50);
    QCOMPARE(*rate.filesPerSecond(), 0.0);
    QVERIFY(!rate.msLeft());
}

void TestScanRate::walkAndUnchangedFilesAreNoRate()
{
    ScanRate rate;
    rate.add(0, 0, 0);          // the walk: total not known
    rate.add(500, 4000, 0);     // files found so far, not read
    QVERIFY(!rate.filesPerSecond());
    QVERIFY(!rate.msLeft());
    rate.add(600, 9000, 10000);   // 9,000 unchanged: skipped at once, the baseline
    QVERIFY(!rate.filesPerSecond());
    rate.add(1600, 9100, 10000);
    QCOMPARE(*rate.filesPerSecond(), 100.0);
    QCOMPARE(*rate.msLeft(), 9000);
}

void TestScanRate::badInput()
{
    ScanRate rate;
    rate.add(0, 0, 100);
    rate.add(1000, 150, 100);   // more done than the total: nothing left to estimate
    QCOMPARE(*rate.filesPerSecond(), 150.0);
    QVERIFY(!rate.msLeft());
    rate.add(500, 10, 100);     // the clock went back: starts over
    QVERIFY(!rate.filesPerSecond());
    rate.add(1500, 5, 100);     // fewer files than before (a new scan): starts over
    QVERIFY(!rate.filesPerSecond());
    rate.add(2500, 55, 100);
    QCOMPARE(*rate.filesPerSecond(), 50.0);
    QCOMPARE(*rate.msLeft(), 900);
    rate.add(3500, -3, -1);     // nonsense: no total, no rate
    QVERIFY(!rate.filesPerSecond());
    QVERIFY(!rate.msLeft());
    QCOMPARE(rate.done(), 0);
    ScanRate zeroWindow(0);
    zeroWindow.add(0, 0, 10);
    zeroWindow.add(10, 5, 10);
    QCOMPARE(*zeroWindow.filesPerSecond(), 500.0);
}

void TestScanRate::text_data()
{
    QTest::addColumn<int>("done");
    QTest::addColumn<int>("total");
    QTest::addColumn<double>("rate");   // < 0: unknown
    QTest::addColumn<qint64>("msLeft");   // < 0: unknown
    QTest::addColumn<QString>("text");
    QTest::newRow("example") << 1234 << 10000 << 2150.4 << qint64(4000) << u"1,234 of 10,000 files · 2,150 files/s · about 4 s left"_s;
    QTest::newRow("no rate yet") << 0 << 10000 << -1.0 << qint64(-1) << u"0 of 10,000 files"_s;
    QTest::newRow("no estimate") << 5 << 10 << 0.0 << qint64(-1) << u"5 of 10 files · 0 files/s"_s;
    QTest::newRow("total unknown") << 40 << 0 << 10.0 << qint64(1000) << QString();
    QTest::newRow("done past total") << 12 << 10 << 3.0 << qint64(500) << u"10 of 10 files · 3 files/s"_s;
    QTest::newRow("under a second") << 9 << 10 << 3.0 << qint64(1) << u"9 of 10 files · 3 files/s · about 1 s left"_s;
    QTest::newRow("minutes") << 100 << 20000 << 40.0 << qint64(125000) << u"100 of 20,000 files · 40 files/s · about 2 min left"_s;
    QTest::newRow("hours") << 1 << 90000 << 5.0 << qint64(5 * 3600 * 1000) << u"1 of 90,000 files · 5 files/s · about 5 h left"_s;
    QTest::newRow("not a number") << 1 << 10 << qQNaN() << qint64(-1) << u"1 of 10 files"_s;
}

void TestScanRate::text()
{
    QFETCH(int, done);
    QFETCH(int, total);
    QFETCH(double, rate);
    QFETCH(qint64, msLeft);
    QFETCH(QString, text);
    const std::optional<double> r = rate < 0 ? std::nullopt : std::optional<double>(rate);
    const std::optional<qint64> left = msLeft < 0 ? std::nullopt : std::optional<qint64>(msLeft);
    QCOMPARE(ScanStatusPanel::progressText(done, total, r, left), text);
}

void TestScanRate::panelShowsRateWhileScanning()
{
    ScanStatusPanel panel;
    panel.show();
    qint64 now = 0;
    panel.setClock([&now] { return now; });
    auto *label = panel.findChild<QLabel *>(u"scanRateLabel"_s);
    QVERIFY(label);
    QVERIFY(label->isHidden());

    panel.showScanStarted();
    panel.showProgress({300, 0, u"/music"_s});   // still walking
    QVERIFY(label->isHidden());
    now = 100;
    panel.showProgress({0, 3000, {}});
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"0 of 3,000 files"_s);
    now = 1100;
    panel.showProgress({1000, 3000, u"/music/a.mp3"_s});
    QCOMPARE(label->text(), u"1,000 of 3,000 files · 1,000 files/s · about 2 s left"_s);

    ScanSummary summary;
    summary.filesSeen = 3000;
    panel.showScanFinished(summary);
    QVERIFY(label->isHidden());
    // The next scan starts from nothing.
    panel.showScanStarted();
    now = 5000;
    panel.showProgress({10, 3000, {}});
    QCOMPARE(label->text(), u"10 of 3,000 files"_s);
}

QTEST_MAIN(TestScanRate)
#include "tst_scan_rate.moc"
