// The one FFmpeg queue: the cap is respected, a full queue and a long wait answer Busy, a late
// child is killed, a waiter that goes away stops its job unless another waiter shares it,
// priorities order the waiting line, and no child outlives the queue. Real ffmpeg children.

#include "ffmpeg/FfmpegQueue.h"

#include "ProcessTable.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

namespace {

// FFmpeg producing silence in real time for `seconds` (0 = for ever) into nowhere.
QStringList silence(double seconds)
{
    QStringList args{u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-nostdin"_s, u"-re"_s,
                     u"-f"_s, u"lavfi"_s, u"-i"_s, u"anullsrc=r=8000:cl=mono"_s};
    if (seconds > 0)
        args << u"-t"_s << QString::number(seconds);
    args << u"-f"_s << u"null"_s << u"-"_s;
    return args;
}

FfmpegJob job(const QString &key, double seconds, int timeoutMs = 20000,
              FfmpegPriority priority = FfmpegPriority::Picture)
{
    return FfmpegJob::single(key, priority, silence(seconds), timeoutMs);
}

// Collects the outcomes a waiter receives.
struct Outcomes
{
    QList<FfmpegOutcome> received;
    std::function<void(const FfmpegOutcome &)> sink()
    {
        return [this](const FfmpegOutcome &o) { received.append(o); };
    }
};

int ownFfmpegChildren()
{
    return int(ffmpegChildrenOf(QCoreApplication::applicationPid()).size());
}

FfmpegQueueSettings settings(int maxConcurrent, int maxQueued = 16, int queueTimeoutMs = 30000)
{
    FfmpegQueueSettings s;
    s.maxConcurrent = maxConcurrent;
    s.maxQueued = maxQueued;
    s.queueTimeoutMs = queueTimeoutMs;
    s.retryAfterSeconds = 7;
    return s;
}

} // namespace

class TestFfmpegQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capIsRespected();
    void fullQueueAnswersBusy();
    void longWaitAnswersBusy();
    void lateChildIsKilled();
    void failingRunIsReported();
    void departedWaiterStopsItsJob();
    void sharedJobSurvivesOneWaiterLeaving();
    void queuedJobOfDepartedWaiterNeverRuns();
    void playbackGoesFirst();
    void slotsAreRefusedWhenFull();
    void noChildOutlivesTheQueue();
};

void TestFfmpegQueue::capIsRespected()
{
    FfmpegQueue queue(settings(2));
    QObject context;
    Outcomes outcomes;
    for (int i = 0; i < 5; ++i)
        queue.run(job({}, 0.6), &context, outcomes.sink());
    int most = 0;
    QElapsedTimer clock;
    clock.start();
    while (outcomes.received.size() < 5 && !clock.hasExpired(30000)) {
        QTest::qWait(20);
        most = qMax(most, queue.running());
        if (processTableAvailable())
            QVERIFY2(ownFfmpegChildren() <= 2, "more FFmpeg children than the cap");
    }
    QCOMPARE(outcomes.received.size(), 5);
    QCOMPARE(most, 2);
    for (const FfmpegOutcome &o : std::as_const(outcomes.received))
        QVERIFY2(o.isOk(), qPrintable(o.error));
    QCOMPARE(queue.running(), 0);
    QCOMPARE(queue.started(), 5u);
}

void TestFfmpegQueue::fullQueueAnswersBusy()
{
    FfmpegQueue queue(settings(1, 2));
    QObject context;
    Outcomes outcomes;
    for (int i = 0; i < 4; ++i)   // 1 runs, 2 wait, the 4th finds the line full
        queue.run(job({}, 0), &context, outcomes.sink());
    QTRY_COMPARE(outcomes.received.size(), 1);
    QCOMPARE(outcomes.received.first().status, FfmpegOutcome::Status::Busy);
    QCOMPARE(outcomes.received.first().retryAfterSeconds, 7);
    QCOMPARE(queue.running(), 1);
    QCOMPARE(queue.queued(), 2);
}

void TestFfmpegQueue::longWaitAnswersBusy()
{
    FfmpegQueue queue(settings(1, 16, 400));
    QObject context;
    Outcomes running;
    Outcomes waiting;
    queue.run(job({}, 0), &context, running.sink());
    queue.run(job({}, 0), &context, waiting.sink());
    QTRY_COMPARE_WITH_TIMEOUT(waiting.received.size(), 1, 5000);
    QCOMPARE(waiting.received.first().status, FfmpegOutcome::Status::Busy);
    QVERIFY(running.received.isEmpty());
    QCOMPARE(queue.queued(), 0);
}

void TestFfmpegQueue::lateChildIsKilled()
{
    FfmpegQueue queue(settings(1));
    QObject context;
    Outcomes outcomes;
    queue.run(job({}, 0, 500), &context, outcomes.sink());
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.received.size(), 1, 10000);
    QCOMPARE(outcomes.received.first().status, FfmpegOutcome::Status::Failed);
    QVERIFY2(outcomes.received.first().error.contains(u"too long"_s), qPrintable(outcomes.received.first().error));
    QTRY_COMPARE(queue.running(), 0);
    if (processTableAvailable())
        QTRY_COMPARE(ownFfmpegChildren(), 0);
}

void TestFfmpegQueue::failingRunIsReported()
{
    FfmpegQueue queue(settings(1));
    QObject context;
    Outcomes outcomes;
    queue.run(FfmpegJob::single({}, FfmpegPriority::Picture, {u"-i"_s, u"/nonexistent/input.mkv"_s, u"-f"_s, u"null"_s,
                                                               u"-"_s},
                                5000),
              &context, outcomes.sink());
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.received.size(), 1, 10000);
    QCOMPARE(outcomes.received.first().status, FfmpegOutcome::Status::Failed);
    QVERIFY2(outcomes.received.first().error.contains(u"No such file"_s), qPrintable(outcomes.received.first().error));

    FfmpegQueueSettings missing = settings(1);
    missing.program = u"/nonexistent/ffmpeg"_s;
    FfmpegQueue broken(missing);
    Outcomes none;
    broken.run(job({}, 0.1), &context, none.sink());
    QTRY_COMPARE_WITH_TIMEOUT(none.received.size(), 1, 10000);
    QCOMPARE(none.received.first().status, FfmpegOutcome::Status::Failed);
    QVERIFY2(none.received.first().error.contains(u"cannot start"_s), qPrintable(none.received.first().error));
    QTRY_COMPARE(broken.running(), 0);
}

void TestFfmpegQueue::departedWaiterStopsItsJob()
{
    if (!processTableAvailable())
        QSKIP("needs /proc");
    FfmpegQueue queue(settings(1));
    auto context = std::make_unique<QObject>();
    Outcomes outcomes;
    queue.run(job(u"alone"_s, 0), context.get(), outcomes.sink());
    QTRY_COMPARE(ownFfmpegChildren(), 1);
    context.reset();   // the client left
    QTRY_COMPARE(ownFfmpegChildren(), 0);
    QTRY_COMPARE(queue.running(), 0);
    QTest::qWait(100);
    QVERIFY(outcomes.received.isEmpty());
}

void TestFfmpegQueue::sharedJobSurvivesOneWaiterLeaving()
{
    FfmpegQueue queue(settings(2));
    auto leaving = std::make_unique<QObject>();
    QObject staying;
    Outcomes first;
    Outcomes second;
    queue.run(job(u"shared"_s, 1.0), leaving.get(), first.sink());
    queue.run(job(u"shared"_s, 1.0), &staying, second.sink());
    QTRY_COMPARE(queue.running(), 1);   // one child for both
    leaving.reset();
    QTRY_COMPARE_WITH_TIMEOUT(second.received.size(), 1, 10000);
    QVERIFY2(second.received.first().isOk(), qPrintable(second.received.first().error));
    QVERIFY(first.received.isEmpty());
    QCOMPARE(queue.started(), 1u);
}

void TestFfmpegQueue::queuedJobOfDepartedWaiterNeverRuns()
{
    FfmpegQueue queue(settings(1));
    QObject context;
    Outcomes blocker;
    queue.run(job({}, 0.5), &context, blocker.sink());
    auto leaving = std::make_unique<QObject>();
    std::atomic_bool cleaned{false};
    FfmpegJob queued = job(u"queued"_s, 0.1);
    queued.cleanup = [&cleaned] { cleaned = true; };
    Outcomes none;
    queue.run(queued, leaving.get(), none.sink());
    QCOMPARE(queue.queued(), 1);
    leaving.reset();
    QCOMPARE(queue.queued(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(blocker.received.size(), 1, 10000);
    QTRY_VERIFY(cleaned.load());
    QTest::qWait(200);
    QCOMPARE(queue.started(), 1u);   // the departed waiter's job never started
    QVERIFY(none.received.isEmpty());
}

void TestFfmpegQueue::playbackGoesFirst()
{
    FfmpegQueue queue(settings(1));
    QObject context;
    QStringList order;
    queue.run(job({}, 0.4), &context, [&](const FfmpegOutcome &) { order << u"first"_s; });
    queue.run(job({}, 0.1, 20000, FfmpegPriority::Background), &context,
              [&](const FfmpegOutcome &) { order << u"background"_s; });
    queue.acquire(FfmpegPriority::Playback, &context, [&](std::unique_ptr<FfmpegQueue::Slot> slot) {
        QVERIFY(slot);
        order << u"playback"_s;   // the slot is released at once
    });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 10000);
    QCOMPARE(order, (QStringList{u"first"_s, u"playback"_s, u"background"_s}));
}

void TestFfmpegQueue::slotsAreRefusedWhenFull()
{
    FfmpegQueue queue(settings(1, 1));
    auto held = queue.tryAcquire();
    QVERIFY(held);
    QVERIFY(!queue.tryAcquire());
    QObject context;
    QList<bool> granted;
    auto record = [&](std::unique_ptr<FfmpegQueue::Slot> slot) { granted << bool(slot); };
    queue.acquire(FfmpegPriority::Playback, &context, record);   // waits
    queue.acquire(FfmpegPriority::Playback, &context, record);   // the line is full
    QTRY_COMPARE(granted, QList<bool>{false});
    held.reset();
    QTRY_COMPARE(granted, (QList<bool>{false, true}));
    QTRY_COMPARE(queue.running(), 0);
}

void TestFfmpegQueue::noChildOutlivesTheQueue()
{
    if (!processTableAvailable())
        QSKIP("needs /proc");
    QObject context;
    Outcomes outcomes;
    {
        FfmpegQueue queue(settings(2));
        queue.run(job({}, 0), &context, outcomes.sink());
        queue.run(job({}, 0), &context, outcomes.sink());
        QTRY_COMPARE(ownFfmpegChildren(), 2);
    }
    QCOMPARE(ownFfmpegChildren(), 0);   // killed and reaped before the destructor returned
    QTest::qWait(100);
    QVERIFY(outcomes.received.isEmpty());
}

QTEST_GUILESS_MAIN(TestFfmpegQueue)
#include "tst_ffmpeg_queue.moc"
