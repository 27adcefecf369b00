// The activity core without HTTP: admission limits, End/Throttle routing, token buckets,
// the history table with its retention, and the metrics exposition.

#include "PrometheusText.h"
#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"
#include "activity/BandwidthBudget.h"
#include "activity/MetricsRegistry.h"
#include "activity/RateWindow.h"
#include "activity/StreamHistory.h"
#include "catalog/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

// Records what the registry asked of a stream (the pump's role in the real server).
class RecordingControl : public StreamControl
{
public:
    void requestEnd() override { ++ends; }
    void capChanged() override { ++capChanges; }
    int ends = 0;
    int capChanges = 0;
};

StreamRequest requestOf(const QString &user, StreamKind kind = StreamKind::Direct)
{
    StreamRequest r;
    r.user = user;
    r.client = u"127.0.0.1"_s;
    r.info.kind = kind;
    r.info.trackId = 7;
    r.info.title = u"Song"_s;
    return r;
}

std::unique_ptr<StreamTicket> admitted(ActivityRegistry &registry, const QString &user, StreamControl *control)
{
    auto result = registry.open(requestOf(user), control);
    if (result)
        return std::move(*result);
    return nullptr;
}

} // namespace

class TestActivityUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limits_data();
    void limits();
    void endAndThrottleReachTheControl();
    void timelineCountsByKindInARing();
    void ticketEndsIntoHistory();
    void historyRetention();
    void deferredHistoryPrunesNowAndThen();
    void tokenBucketPaces();
    void rateFollowsTheLastWindow();
    void bytesSentNeverGoBack();
    void metricsParseAsPrometheusText();
    void labelValuesAreEscaped();
    void malformedExpositionIsRejected_data();
    void malformedExpositionIsRejected();
};

void TestActivityUnits::limits_data()
{
    QTest::addColumn<int>("maxTotal");
    QTest::addColumn<int>("maxPerUser");
    QTest::addColumn<QStringList>("users");          // opened in order, all kept open
    QTest::addColumn<QList<bool>>("admittedExpected");

    QTest::newRow("unlimited") << 0 << 0 << QStringList{u"a"_s, u"a"_s, u"b"_s} << QList<bool>{true, true, true};
    QTest::newRow("total 2") << 2 << 0 << QStringList{u"a"_s, u"b"_s, u"c"_s} << QList<bool>{true, true, false};
    QTest::newRow("per user 1") << 0 << 1 << QStringList{u"a"_s, u"a"_s, u"b"_s, u"b"_s}
                                << QList<bool>{true, false, true, false};
    QTest::newRow("both") << 3 << 2 << QStringList{u"a"_s, u"a"_s, u"a"_s, u"b"_s, u"b"_s}
                          << QList<bool>{true, true, false, true, false};
}

void TestActivityUnits::limits()
{
    QFETCH(int, maxTotal);
    QFETCH(int, maxPerUser);
    QFETCH(QStringList, users);
    QFETCH(QList<bool>, admittedExpected);

    ActivityRegistry registry;
    StreamLimits limits;
    limits.maxStreams = maxTotal;
    limits.maxStreamsPerUser = maxPerUser;
    limits.retryAfterSeconds = 12;
    registry.setLimits(limits);
    RecordingControl control;
    std::vector<std::unique_ptr<StreamTicket>> open;
    for (qsizetype i = 0; i < users.size(); ++i) {
        const bool predicted = !registry.refusalFor(users.at(i)).has_value();
        auto result = registry.open(requestOf(users.at(i)), &control);
        const bool ok = result.ok();
        QCOMPARE(predicted, ok);
        QCOMPARE(ok, admittedExpected.at(i));
        if (ok)
            open.push_back(std::move(*result));
        else
            QCOMPARE(result.error().retryAfterSeconds, 12);
    }
    QCOMPARE(registry.activeCount(), int(open.size()));
    // A closed stream frees its place.
    if (!open.empty()) {
        const QString user = registry.snapshot().first().user;
        open.erase(open.begin());
        QVERIFY(admitted(registry, user, &control));
    }
}

void TestActivityUnits::endAndThrottleReachTheControl()
{
    ActivityRegistry registry;
    RecordingControl control;
    auto ticket = admitted(registry, u"a"_s, &control);
    QVERIFY(ticket);
    QVERIFY(registry.throttle(ticket->id(), 50000));
    QCOMPARE(control.capChanges, 1);
    QCOMPARE(ticket->capBytesPerSecond(), 50000);
    QCOMPARE(registry.snapshot().first().capBytesPerSecond, 50000);
    QVERIFY(registry.end(ticket->id()));
    QCOMPARE(control.ends, 1);
    // Unknown ids are refused, and nothing reaches a control.
    QVERIFY(!registry.end(ticket->id() + 1));
    QVERIFY(!registry.throttle(ticket->id() + 1, 1));
    QCOMPARE(control.ends, 1);
    ticket.reset();
    QVERIFY(!registry.end(1));
    QCOMPARE(registry.activeCount(), 0);
}

// The chart's ring: one sample per call with the live streams by kind, the oldest dropped once
// it holds `capacity`, always read oldest first.
void TestActivityUnits::timelineCountsByKindInARing()
{
    ActivityRegistry registry;
    ActivityTimeline timeline(registry, 60'000, 3);
    QSignalSpy sampled(&timeline, &ActivityTimeline::sampled);
    QVERIFY(timeline.samples().isEmpty());
    RecordingControl control;
    auto direct = admitted(registry, u"a"_s, &control);
    auto hls = registry.open(requestOf(u"b"_s, StreamKind::Hls), &control);
    auto transcode = registry.open(requestOf(u"c"_s, StreamKind::Transcode), &control);
    QVERIFY(direct && hls && transcode);
    std::unique_ptr<StreamTicket> hlsTicket = std::move(*hls);
    timeline.sampleNow();
    QCOMPARE(sampled.size(), 1);
    const ActivitySample first = timeline.samples().constFirst();
    QCOMPARE(first.streams[size_t(StreamKind::Direct)], 1);
    QCOMPARE(first.streams[size_t(StreamKind::Download)], 0);
    QCOMPARE(first.streams[size_t(StreamKind::Transcode)], 1);
    QCOMPARE(first.streams[size_t(StreamKind::Hls)], 1);
    QCOMPARE(first.totalStreams(), 3);
    QCOMPARE(first.at.timeSpec(), Qt::UTC);

    hlsTicket.reset();
    for (int i = 0; i < 4; ++i) {
        QTest::qWait(2);   // distinct times
        timeline.sampleNow();
    }
    const QList<ActivitySample> ring = timeline.samples();
    QCOMPARE(ring.size(), 3);
    for (qsizetype i = 1; i < ring.size(); ++i)
        QVERIFY(ring.at(i - 1).at < ring.at(i).at);
    QVERIFY(ring.constFirst().at > first.at);   // the first two samples are gone
    QCOMPARE(ring.constLast().streams[size_t(StreamKind::Hls)], 0);
    QCOMPARE(ring.constLast().totalStreams(), 2);
}

void TestActivityUnits::ticketEndsIntoHistory()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"c.sqlite"_s));
    QVERIFY(!db.open());
    ActivityRegistry registry(&db);
    QSignalSpy finished(&registry, &ActivityRegistry::streamFinished);
    RecordingControl control;
    auto ticket = admitted(registry, u"alice"_s, &control);
    QVERIFY(ticket);
    ticket->addBytesSent(1000);
    ticket->addBytesSent(234);
    QCOMPARE(registry.snapshot().first().bytesSent, 1234);
    ticket->setEnding(StreamEnding::ClientLeft);
    ticket.reset();
    QCOMPARE(finished.count(), 1);

    const QList<FinishedStream> recent = StreamHistory(db).recent();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first().user, u"alice"_s);
    QCOMPARE(recent.first().bytesSent, 1234);
    QCOMPARE(recent.first().ending, StreamEnding::ClientLeft);
    QCOMPARE(recent.first().info.kind, StreamKind::Direct);
    QCOMPARE(recent.first().info.trackId, 7);
    QVERIFY(recent.first().endedAt >= recent.first().startedAt);
}

void TestActivityUnits::historyRetention()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"c.sqlite"_s));
    QVERIFY(!db.open());
    StreamHistory history(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 12; ++i) {
        FinishedStream s;
        s.user = u"u"_s;
        s.info.trackId = i < 5 ? 1 : (i < 9 ? 2 : 3);
        s.info.title = u"T%1"_s.arg(s.info.trackId);
        s.info.kind = i == 11 ? StreamKind::Download : StreamKind::Direct;
        // Two rows ended 40 days ago.
        s.startedAt = i < 2 ? now.addDays(-40) : now;
        s.endedAt = s.startedAt.addSecs(3);
        QVERIFY(history.record(s));
        QVERIFY(s.id > 0);
    }
    const QList<PlayCount> top = history.mostPlayed(10);
    QCOMPARE(top.size(), 3);
    QCOMPARE(top.at(0).trackId, 1);
    QCOMPARE(top.at(0).plays, 5);
    QCOMPARE(top.at(1).plays, 4);
    QCOMPARE(top.at(2).plays, 2);   // the download does not count

    history.prune(0, 30);
    QCOMPARE(history.count(), 10);
    history.prune(4, 0);
    QCOMPARE(history.count(), 4);
    QCOMPARE(history.recent(100).first().info.kind, StreamKind::Download);   // newest kept, newest first
    history.prune(0, 0);
    QCOMPARE(history.count(), 4);
}

void TestActivityUnits::deferredHistoryPrunesNowAndThen()
{
    QTemporaryDir dir;
    auto db = std::make_unique<Database>(dir.filePath(u"c.sqlite"_s));
    QVERIFY(!db->open());
    const auto end = [&db](int i) {
        FinishedStream s;
        s.user = u"u"_s;
        s.info.trackId = i;
        s.startedAt = QDateTime::currentDateTimeUtc();
        s.endedAt = s.startedAt;
        StreamHistory::Deferred history(*db);   // as ActivityRegistry ends a stream
        QVERIFY(history.record(s));
        history.prune(4, 0);
    };
    // The first stream prunes (nothing to drop); the next ones only add rows, which readers see.
    for (int i = 1; i <= 10; ++i)
        end(i);
    QCOMPARE(StreamHistory(*db).count(), 10);
    QCOMPARE(StreamHistory(*db).recent(1).first().info.trackId, 10);
    // Once kPruneEvery rows came since, the retention applies again: the newest 4 stay.
    for (int i = 11; i <= StreamHistory::kPruneEvery + 1; ++i)
        end(i);
    QCOMPARE(StreamHistory(*db).count(), 4);
    QCOMPARE(StreamHistory(*db).recent(1).first().info.trackId, StreamHistory::kPruneEvery + 1);

    // Rows still waiting when the catalog closes are written first.
    for (int i = 1; i <= 50; ++i)
        end(1000 + i);
    db.reset();
    Database reopened(dir.filePath(u"c.sqlite"_s));
    QCOMPARE(StreamHistory(reopened).count(), 54);
}

void TestActivityUnits::tokenBucketPaces()
{
    TokenBucket bucket;
    QCOMPARE(bucket.take(12345), 12345);          // unlimited
    QCOMPARE(bucket.msUntil(1 << 20), 0);
    bucket.setRate(100000);
    QCOMPARE(bucket.burst(), 10000);
    qint64 granted = 0;
    for (int i = 0; i < 100; ++i)
        granted += bucket.take(1 << 20);
    QVERIFY2(granted <= bucket.burst() + 2000, qPrintable(QString::number(granted)));   // no more than a burst at once
    QVERIFY(bucket.msUntil(10000) > 0);
    QCOMPARE(bucket.available(0), 0);
    bucket.setRate(0);
    QCOMPARE(bucket.take(5), 5);
}

void TestActivityUnits::rateFollowsTheLastWindow()
{
    RateWindow window(3000);
    QCOMPARE(window.bytesPerSecond(), 0.0);
    window.add(0, 0);
    QCOMPARE(window.bytesPerSecond(), 0.0);
    // A burst of 4 MB in the first half second, then 100 kB/s.
    window.add(500, 4'000'000);
    QCOMPARE(window.bytesPerSecond(), 8'000'000.0);
    qint64 bytes = 4'000'000;
    for (qint64 ms = 1000; ms <= 4000; ms += 500) {
        bytes += 50'000;
        window.add(ms, bytes);
    }
    // The window no longer holds the burst: only the steady rate is left.
    QCOMPARE(window.bytesPerSecond(), 100'000.0);
    // A stall is forgotten within one window.
    for (qint64 ms = 4500; ms <= 7000; ms += 500)
        window.add(ms, bytes);
    QCOMPARE(window.bytesPerSecond(), 0.0);
    // Sampled faster than the ring holds: still the rate over what is kept.
    for (qint64 ms = 7010; ms <= 7400; ms += 10) {
        bytes += 1000;
        window.add(ms, bytes);
    }
    QCOMPARE(qRound(window.bytesPerSecond()), 100'000);
}

void TestActivityUnits::bytesSentNeverGoBack()
{
    ActivityRegistry registry;
    RecordingControl control;
    auto ticket = admitted(registry, u"alice"_s, &control);
    QVERIFY(ticket);
    ticket->setBytesSent(5000);
    ticket->setBytesSent(4000);   // an estimate that dipped
    QCOMPARE(ticket->bytesSent(), 5000);
    ticket->addBytesSent(10);
    ticket->setBytesSent(6000);
    QCOMPARE(registry.snapshot().first().bytesSent, 6000);
}

void TestActivityUnits::metricsParseAsPrometheusText()
{
    MetricsRegistry metrics;
    metrics.addGauge(u"cairn_test_items"_s, u"Items."_s, u"kind"_s, [] {
        return QList<QPair<QString, double>>{{u"audio"_s, 3}, {u"video"_s, 0}};
    });
    metrics.addGauge(u"cairn_test_single"_s, u"One."_s, {}, [] { return QList<QPair<QString, double>>{{{}, 2.5}}; });
    const PrometheusScrape empty = parsePrometheusText(metrics.render());
    QVERIFY2(empty.error.isEmpty(), qPrintable(empty.error));
    QCOMPARE(empty.value(u"cairn_bytes_served_total"_s), 0.0);

    metrics.recordRequest(u"/api/tracks/{id}"_s, 200, 0.003);
    metrics.recordRequest(u"/api/tracks/{id}"_s, 200, 0.2);
    metrics.recordRequest(u"/api/tracks/{id}"_s, 404, 0.001);
    metrics.addBytesServed(1000);
    metrics.observeScan(2);
    const PrometheusScrape s = parsePrometheusText(metrics.render());
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.value(u"cairn_http_requests_total{route=\"/api/tracks/{id}\",status=\"200\"}"_s), 2.0);
    QCOMPARE(s.value(u"cairn_http_requests_total{route=\"/api/tracks/{id}\",status=\"404\"}"_s), 1.0);
    QCOMPARE(s.value(u"cairn_http_request_duration_seconds_count{route=\"/api/tracks/{id}\"}"_s), 3.0);
    QCOMPARE(s.value(u"cairn_http_request_duration_seconds_bucket{route=\"/api/tracks/{id}\",le=\"0.005\"}"_s), 2.0);
    QCOMPARE(s.value(u"cairn_http_request_duration_seconds_bucket{route=\"/api/tracks/{id}\",le=\"+Inf\"}"_s), 3.0);
    QCOMPARE(s.value(u"cairn_bytes_served_total"_s), 1000.0);
    QCOMPARE(s.value(u"cairn_scan_duration_seconds_count"_s), 1.0);
    QCOMPARE(s.value(u"cairn_scan_duration_seconds_bucket{le=\"1\"}"_s), 0.0);
    QCOMPARE(s.value(u"cairn_scan_duration_seconds_bucket{le=\"5\"}"_s), 1.0);
    QCOMPARE(s.value(u"cairn_test_items{kind=\"audio\"}"_s), 3.0);
    QCOMPARE(s.value(u"cairn_test_single"_s), 2.5);
    QCOMPARE(s.types.value(u"cairn_http_request_duration_seconds"_s), u"histogram"_s);
    QCOMPARE(s.types.value(u"cairn_http_requests_total"_s), u"counter"_s);
}

void TestActivityUnits::labelValuesAreEscaped()
{
    QCOMPARE(escapeLabelValue(u"a\"b\\c\nd"_s), "a\\\"b\\\\c\\nd"_ba);
    MetricsRegistry metrics;
    metrics.recordRequest(u"/odd\"route\\\n"_s, 200, 0.01);
    const PrometheusScrape s = parsePrometheusText(metrics.render());
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
}

void TestActivityUnits::malformedExpositionIsRejected_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no final newline") << "# TYPE a counter\na 1"_ba;
    QTest::newRow("sample without type") << "a 1\n"_ba;
    QTest::newRow("bad value") << "# TYPE a counter\na one\n"_ba;
    QTest::newRow("unquoted label") << "# TYPE a counter\na{x=1} 1\n"_ba;
    QTest::newRow("bad type") << "# TYPE a countr\na 1\n"_ba;
    QTest::newRow("duplicate") << "# TYPE a counter\na 1\na 2\n"_ba;
    QTest::newRow("other family") << "# TYPE a counter\nb 1\n"_ba;
}

void TestActivityUnits::malformedExpositionIsRejected()
{
    QFETCH(QByteArray, text);
    QVERIFY(!parsePrometheusText(text).error.isEmpty());
    // The same checker accepts a well-formed text (so the rejections above mean something).
    QVERIFY(parsePrometheusText("# HELP a A.\n# TYPE a counter\na{x=\"1\"} 1\n"_ba).error.isEmpty());
}

QTEST_GUILESS_MAIN(TestActivityUnits)
#include "tst_activity_units.moc"
