#pragma once
// What the browsing benchmarks share: a synthetic catalog written straight into the database
// (albums of ten tracks, 400 artists, 24 genres, accented titles so folding is exercised) and
// latency figures of repeated requests.

#include <QList>
#include <QString>

namespace cairn::test {

class TestServer;
class TestHttpClient;

struct Figures
{
    double median = 0, p95 = 0, p99 = 0, max = 0;   // milliseconds
    bool failed = false;
};

// Writes `tracks` tracks in batches of one transaction each; prints how long it took.
void fillSyntheticLibrary(TestServer &server, int tracks);

// Opens the catalog, fills it and starts the server; the reason when one of them failed.
QString startWithSyntheticLibrary(TestServer &server, int tracks);

Figures figuresOf(QList<qint64> nanos);
// GETs `target` `runs` times on `client`; failed when an answer is not 200.
Figures measure(TestHttpClient &client, const QByteArray &target, int runs);
void report(const QString &what, const Figures &f, double targetMs);

} // namespace cairn::test
