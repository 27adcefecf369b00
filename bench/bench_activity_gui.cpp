// The Activity tab with 300 live streams and an hour of samples (360), offscreen: prints what
// the tab's refresh (the table merging a snapshot), a frame of the whole tab, a frame of the
// charts from their cache (hover, expose) and a frame after a new sample (the charts drawn
// anew) cost, median and max over the runs. The GUI thread's budget is 16 ms a frame.
// Usage: bench_activity_gui [runs] [chart.png]  (the png: what the charts look like)

#include "ActivityChart.h"
#include "ActivityTab.h"
#include "activity/ActivityRegistry.h"
#include "activity/ActivityTimeline.h"
#include "activity/StreamLimits.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

constexpr int kStreams = 300;
constexpr int kSamples = 360;
constexpr int kIntervalMs = 10'000;

class IdleControl : public StreamControl
{
public:
    void requestEnd() override {}
    void capChanged() override {}
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// An hour of made-up samples ending now: a daily-looking rise and fall with some noise.
QList<ActivitySample> anHour(int streams)
{
    QList<ActivitySample> samples;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < kSamples; ++i) {
        ActivitySample s;
        s.at = now.addMSecs(-qint64(kSamples - 1 - i) * kIntervalMs);
        const double wave = 0.5 + 0.5 * std::sin(i / 40.0) * ((i * 7919) % 13) / 13.0;
        const int total = int(streams * wave);
        s.streams = {total / 2, total / 10, total / 4, total - total / 2 - total / 10 - total / 4};
        s.bytesPerSecond = total * 40'000.0 * (0.8 + 0.4 * ((i * 104729) % 17) / 17.0);
        samples.append(s);
    }
    return samples;
}

// Median and max of `runs` timings of `work`, in ms.
void measure(const char *what, int runs, const std::function<void()> &work)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        work();
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    out() << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << "median " << QString::number(ms[ms.size() / 2], 'f', 3)
          << " ms, max " << QString::number(ms.back(), 'f', 3) << " ms\n";
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 100;

    QLoggingCategory::setFilterRules(u"cairn.activity.debug=false"_s);
    ActivityRegistry registry;
    StreamLimits unlimited;   // 300 streams of 20 users
    unlimited.maxStreamsPerUser = 0;
    registry.setLimits(unlimited);
    IdleControl control;
    std::vector<std::unique_ptr<StreamTicket>> tickets;
    for (int i = 0; i < kStreams; ++i) {
        StreamRequest request;
        request.user = u"user%1"_s.arg(i % 20);
        request.client = u"192.168.1.%1"_s.arg(i % 250 + 2);
        request.info.kind = StreamKind(i % kStreamKindCount);
        request.info.trackId = i + 1;
        request.info.title = u"Track %1"_s.arg(i + 1);
        request.totalBytes = 10'000'000;
        auto ticket = registry.open(request, &control);
        if (!ticket) {
            out() << "stream refused: " << ticket.error().message << "\n";
            return 1;
        }
        tickets.push_back(std::move(*ticket));
        tickets.back()->addBytesSent(1000 * (i + 1));
    }

    ActivityTimeline timeline(registry, kIntervalMs, kSamples);
    ActivityTab tab(registry, nullptr);
    tab.setTimeline(&timeline);
    tab.resize(1280, 900);
    tab.show();
    ActivityChart *chart = tab.chart();
    const QList<ActivitySample> hour = anHour(kStreams);
    chart->setSamples(hour, qint64(kSamples) * kIntervalMs);
    QCoreApplication::processEvents();
    out() << kStreams << " live streams, " << hour.size() << " samples, tab " << tab.width() << "x" << tab.height()
          << ", charts " << chart->width() << "x" << chart->height() << ", " << runs << " runs\n";

    int tick = 0;
    measure("refresh (table merges the snapshot)", runs, [&] {
        tickets.at(size_t(tick++ % kStreams))->addBytesSent(4096);
        tab.refresh();
    });
    measure("frame: whole tab", runs, [&] { tab.repaint(); });
    measure("frame: charts from their cache", runs, [&] { chart->repaint(); });
    measure("frame: charts after a new sample", runs, [&] {
        chart->setSamples(hour, qint64(kSamples) * kIntervalMs);
        chart->repaint();
    });
    measure("sample taken (timeline reads the registry)", runs, [&] { timeline.sampleNow(); });

    if (argc > 2) {
        chart->setSamples(hour, qint64(kSamples) * kIntervalMs);
        const bool saved = chart->grab().save(QString::fromLocal8Bit(argv[2]));
        out() << (saved ? "charts saved to " : "could not save ") << argv[2] << "\n";
    }
    return 0;
}
