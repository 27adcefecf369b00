// The pure parts of video previews: which part a preview clip takes, how a sprite is laid out,
// the FFmpeg arguments, and the query parameters (good values next to bad ones).

#include "http/api/VideoPreviewQuery.h"
#include "preview/PreviewClip.h"
#include "preview/ThumbnailGrabber.h"
#include "preview/ThumbnailSprite.h"
#include "preview/VideoPreviews.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

class TestPreviewRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clipPlan_data();
    void clipPlan();
    void clipArguments();
    void thumbnailArguments();
    void layout_data();
    void layout();
    void spriteTimesAreEven();
    void timeParam_data();
    void timeParam();
    void widthParam_data();
    void widthParam();
    void clipKeyFollowsTheFile();
};

void TestPreviewRules::clipPlan_data()
{
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("lengthMs");
    QTest::newRow("an hour: from 10%") << 3600000LL << 360000LL << 30000LL;
    QTest::newRow("a minute") << 60000LL << 6000LL << 30000LL;
    QTest::newRow("32 s: 10% would leave too little") << 32000LL << 2000LL << 30000LL;
    QTest::newRow("30 s: whole") << 30000LL << 0LL << 30000LL;
    QTest::newRow("12 s: whole") << 12000LL << 0LL << 12000LL;
    QTest::newRow("unknown: the first 30 s") << 0LL << 0LL << 30000LL;
}

void TestPreviewRules::clipPlan()
{
    QFETCH(qint64, durationMs);
    QFETCH(qint64, startMs);
    QFETCH(qint64, lengthMs);
    const PreviewClipPlan plan = planPreviewClip(durationMs);
    QCOMPARE(plan.startMs, startMs);
    QCOMPARE(plan.lengthMs, lengthMs);
}

void TestPreviewRules::clipArguments()
{
    const QStringList args = previewClipArguments(u"/m/a b.mkv"_s, {6000, 30000}, u"/c/out.part"_s);
    QVERIFY(args.indexOf(u"-ss"_s) >= 0 && args.indexOf(u"-ss"_s) < args.indexOf(u"-i"_s));
    QCOMPARE(args.at(args.indexOf(u"-ss"_s) + 1), u"6.000"_s);
    QCOMPARE(args.at(args.indexOf(u"-i"_s) + 1), u"/m/a b.mkv"_s);   // one argument, never a shell
    QCOMPARE(args.at(args.indexOf(u"-t"_s) + 1), u"30.000"_s);
    QCOMPARE(args.at(args.indexOf(u"-c:v"_s) + 1), u"libx264"_s);
    QCOMPARE(args.at(args.indexOf(u"-c:a"_s) + 1), u"aac"_s);
    QCOMPARE(args.at(args.indexOf(u"-movflags"_s) + 1), u"+faststart"_s);
    QCOMPARE(args.last(), u"/c/out.part"_s);
    QVERIFY(!previewClipArguments(u"x"_s, {0, 12000}, u"o"_s).contains(u"-ss"_s));
}

void TestPreviewRules::thumbnailArguments()
{
    const QStringList args = ThumbnailGrabber::arguments(u"/m/v.mp4"_s, 12500, 200);
    QVERIFY(args.indexOf(u"-ss"_s) < args.indexOf(u"-i"_s));
    QCOMPARE(args.at(args.indexOf(u"-ss"_s) + 1), u"12.500"_s);
    QCOMPARE(args.at(args.indexOf(u"-skip_frame"_s) + 1), u"nokey"_s);
    QVERIFY(args.indexOf(u"-skip_frame"_s) < args.indexOf(u"-i"_s));
    QCOMPARE(args.at(args.indexOf(u"-frames:v"_s) + 1), u"1"_s);
    QCOMPARE(args.at(args.indexOf(u"-vf"_s) + 1), u"scale=200:-2"_s);
    QVERIFY(!ThumbnailGrabber::arguments(u"/m/v.mp4"_s, 0, 200, false).contains(u"-skip_frame"_s));
}

void TestPreviewRules::layout_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addColumn<QSize>("source");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QSize>("tile");
    QTest::newRow("1") << 1 << 320 << QSize(1920, 1080) << 1 << 1 << QSize(320, 180);
    QTest::newRow("2") << 2 << 320 << QSize(1920, 1080) << 2 << 1 << QSize(320, 180);
    QTest::newRow("10") << 10 << 160 << QSize(320, 240) << 4 << 3 << QSize(160, 120);
    QTest::newRow("16") << 16 << 100 << QSize(320, 240) << 4 << 4 << QSize(100, 76);
    QTest::newRow("100") << 100 << 64 << QSize(1280, 720) << 10 << 10 << QSize(64, 36);
    QTest::newRow("portrait") << 4 << 90 << QSize(1080, 1920) << 2 << 2 << QSize(90, 160);
    QTest::newRow("unknown size: 16:9") << 4 << 320 << QSize(0, 0) << 2 << 2 << QSize(320, 180);
    // 100 tiles of 1920 would be 200 Mpx: the tiles shrink to keep the grid within budget.
    QTest::newRow("capped") << 100 << 1920 << QSize(1920, 1080) << 10 << 10 << QSize(544, 306);
}

void TestPreviewRules::layout()
{
    QFETCH(int, count);
    QFETCH(int, width);
    QFETCH(QSize, source);
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(QSize, tile);
    const SpriteLayout l = spriteLayout(count, width, source.width(), source.height());
    QCOMPARE(l.columns, columns);
    QCOMPARE(l.rows, rows);
    QCOMPARE(QSize(l.tileWidth, l.tileHeight), tile);
    QVERIFY(l.width() * l.height() <= kMaxSpritePixels);
}

void TestPreviewRules::spriteTimesAreEven()
{
    QCOMPARE(spriteTimes(60000, 4), (QList<qint64>{0, 15000, 30000, 45000}));
    QCOMPARE(spriteTimes(1000, 3), (QList<qint64>{0, 333, 666}));
    QCOMPARE(spriteTimes(0, 2), (QList<qint64>{0, 0}));
}

void TestPreviewRules::timeParam_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("ms");   // -1 = 400
    QTest::newRow("zero") << u"t=0"_s << 0LL;
    QTest::newRow("integer") << u"t=12"_s << 12000LL;
    QTest::newRow("fraction") << u"t=12.5"_s << 12500LL;
    QTest::newRow("leading dot") << u"t=.25"_s << 250LL;
    QTest::newRow("trailing dot") << u"t=3."_s << 3000LL;
    QTest::newRow("sub-millisecond rounds") << u"t=1.0006"_s << 1001LL;
    QTest::newRow("the end") << u"t=60"_s << 60000LL;
    QTest::newRow("past the end") << u"t=60.001"_s << -1LL;
    QTest::newRow("negative") << u"t=-1"_s << -1LL;
    QTest::newRow("plus") << u"t=%2B1"_s << -1LL;
    QTest::newRow("exponent") << u"t=1e1"_s << -1LL;
    QTest::newRow("inf") << u"t=inf"_s << -1LL;
    QTest::newRow("comma") << u"t=1,5"_s << -1LL;
    QTest::newRow("empty") << u"t="_s << -1LL;
    QTest::newRow("dot") << u"t=."_s << -1LL;
    QTest::newRow("absent") << u"x=1"_s << -1LL;
    QTest::newRow("huge") << u"t=12345678901234567890"_s << -1LL;
}

void TestPreviewRules::timeParam()
{
    QFETCH(QString, query);
    QFETCH(qint64, ms);
    const auto parsed = previewTimeParam(QUrlQuery(query), 60000);
    if (ms < 0) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, DomainError::Kind::InvalidInput);
        QVERIFY(parsed.error().message.contains(u"60.000"_s));
    } else {
        QCOMPARE(*parsed, ms);
    }
}

void TestPreviewRules::widthParam_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("width");   // -1 = 400
    QTest::newRow("absent") << QString() << 320;
    QTest::newRow("plain") << u"width=200"_s << 200;
    QTest::newRow("zero") << u"width=0"_s << 64;
    QTest::newRow("small") << u"width=10"_s << 64;
    QTest::newRow("large") << u"width=4000"_s << 1920;
    QTest::newRow("very long") << u"width=99999999999999999999"_s << 1920;
    QTest::newRow("garbage") << u"width=abc"_s << -1;
    QTest::newRow("negative") << u"width=-5"_s << -1;
    QTest::newRow("decimal") << u"width=1.5"_s << -1;
    QTest::newRow("empty") << u"width="_s << -1;
}

void TestPreviewRules::widthParam()
{
    QFETCH(QString, query);
    QFETCH(int, width);
    const auto parsed = previewWidthParam(QUrlQuery(query));
    if (width < 0) {
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"64–1920"_s));
    } else {
        QCOMPARE(*parsed, width);
    }
}

void TestPreviewRules::clipKeyFollowsTheFile()
{
    const QDateTime mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const QString key = previewClipCacheKey(7, {1000, mtime});
    QVERIFY(key.startsWith(u"preview-"_s));
    QCOMPARE(previewClipCacheKey(7, {1000, mtime}), key);
    QVERIFY(previewClipCacheKey(7, {1001, mtime}) != key);
    QVERIFY(previewClipCacheKey(7, {1000, mtime.addSecs(1)}) != key);
    QVERIFY(previewClipCacheKey(8, {1000, mtime}) != key);
}

QTEST_GUILESS_MAIN(TestPreviewRules)
#include "tst_preview_rules.moc"
