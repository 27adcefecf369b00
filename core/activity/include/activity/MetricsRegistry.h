#pragma once
// Cairn's Prometheus metrics: counters and histograms fed from any thread, gauges read from
// their sources when scraped, rendered in the text exposition format (version 0.0.4).

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QPair>
#include <QString>

#include <functional>

namespace cairn {

class MetricsRegistry
{
public:
    MetricsRegistry();

    // One answered HTTP request; `route` is the route's pattern (bounded label values).
    void recordRequest(const QString &route, int status, double seconds);
    void addBytesServed(qint64 bytes);
    void observeTranscode(double seconds);
    void observeScan(double seconds);

    // A gauge computed at scrape time: pairs of (label value, value); an empty label name
    // means one unlabelled sample (the first pair's value). Called on the scraping thread.
    using GaugeSource = std::function<QList<QPair<QString, double>>()>;
    void addGauge(const QString &name, const QString &help, const QString &labelName, GaugeSource source);

    QByteArray render() const;

    // The exposition's content type.
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }

private:
    struct Histogram
    {
        QList<double> bounds;
        QList<quint64> counts;   // per bound, not cumulative
        quint64 count = 0;
        double sum = 0;
        void observe(double value);
        void render(QByteArray &out, const QByteArray &name, const QByteArray &labels) const;
    };
    struct Gauge
    {
        QString name;
        QString help;
        QString labelName;
        GaugeSource source;
    };

    mutable QMutex m_mutex;
    QMap<QPair<QString, int>, quint64> m_requests;
    QMap<QString, Histogram> m_requestDurations;   // by route
    quint64 m_bytesServed = 0;
    Histogram m_transcodeDurations;
    Histogram m_scanDurations;
    QList<Gauge> m_gauges;
};

// Escapes a label value per the exposition format (backslash, quote, newline).
QByteArray escapeLabelValue(const QString &value);

} // namespace cairn
