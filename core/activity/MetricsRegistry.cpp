#include "activity/MetricsRegistry.h"

#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

void header(QByteArray &out, const QByteArray &name, const QByteArray &type, const QByteArray &help)
{
    out += "# HELP " + name + ' ' + help + '\n';
    out += "# TYPE " + name + ' ' + type + '\n';
}

} // namespace

QByteArray escapeLabelValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void MetricsRegistry::Histogram::observe(double value)
{
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        if (value <= bounds.at(i)) {
            ++counts[i];
            break;
        }
    }
    ++count;
    sum += value;
}

void MetricsRegistry::Histogram::render(QByteArray &out, const QByteArray &name, const QByteArray &labels) const
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    quint64 cumulative = 0;
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        cumulative += counts.at(i);
        out += name + "_bucket{" + prefix + "le=\"" + number(bounds.at(i)) + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(count) + '\n';
}

MetricsRegistry::MetricsRegistry()
{
    m_transcodeDurations.bounds = {1, 5, 30, 60, 300, 900, 1800, 3600, 7200};
    m_transcodeDurations.counts.fill(0, m_transcodeDurations.bounds.size());
    m_scanDurations.bounds = {0.1, 1, 5, 15, 60, 300, 900, 3600};
    m_scanDurations.counts.fill(0, m_scanDurations.bounds.size());
}

void MetricsRegistry::recordRequest(const QString &route, int status, double seconds)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests[{route, status}];
    auto it = m_requestDurations.find(route);
    if (it == m_requestDurations.end()) {
        Histogram h;
        h.bounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};
        h.counts.fill(0, h.bounds.size());
        it = m_requestDurations.insert(route, h);
    }
    it->observe(seconds);
}

void MetricsRegistry::addBytesServed(qint64 bytes)
{
    if (bytes <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    m_bytesServed += quint64(bytes);
}

void MetricsRegistry::observeTranscode(double seconds)
{
    QMutexLocker lock(&m_mutex);
    m_transcodeDurations.observe(seconds);
}

void MetricsRegistry::observeScan(double seconds)
{
    QMutexLocker lock(&m_mutex);
    m_scanDurations.observe(seconds);
}

void MetricsRegistry::addGauge(const QString &name, const QString &help, const QString &labelName, GaugeSource source)
{
    QMutexLocker lock(&m_mutex);
    m_gauges.append({name, help, labelName, std::move(source)});
}

QByteArray MetricsRegistry::render() const
{
    QList<Gauge> gauges;
    QByteArray out;
    {
        QMutexLocker lock(&m_mutex);
        gauges = m_gauges;
        header(out, "cairn_http_requests_total", "counter", "HTTP requests answered, by route pattern and status.");
        for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
            out += "cairn_http_requests_total{route=\"" + escapeLabelValue(it.key().first) + "\",status=\""
                 + QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
        header(out, "cairn_http_request_duration_seconds", "histogram",
               "Time from a complete request to the last byte handed to the socket.");
        for (auto it = m_requestDurations.cbegin(); it != m_requestDurations.cend(); ++it)
            it->render(out, "cairn_http_request_duration_seconds", "route=\"" + escapeLabelValue(it.key()) + '"');
        header(out, "cairn_bytes_served_total", "counter", "Response body bytes handed to clients.");
        out += "cairn_bytes_served_total " + QByteArray::number(m_bytesServed) + '\n';
        header(out, "cairn_transcode_duration_seconds", "histogram", "Duration of finished transcodes.");
        m_transcodeDurations.render(out, "cairn_transcode_duration_seconds", {});
        header(out, "cairn_scan_duration_seconds", "histogram", "Duration of finished library scans.");
        m_scanDurations.render(out, "cairn_scan_duration_seconds", {});
    }
    // Gauge sources may take their own locks (or query the catalog): not under ours.
    for (const Gauge &g : std::as_const(gauges)) {
        const QByteArray name = g.name.toUtf8();
        header(out, name, "gauge", g.help.toUtf8());
        const QList<QPair<QString, double>> samples = g.source();
        if (g.labelName.isEmpty()) {
            out += name + ' ' + number(samples.isEmpty() ? 0 : samples.first().second) + '\n';
            continue;
        }
        for (const auto &[label, value] : samples)
            out += name + '{' + g.labelName.toUtf8() + "=\"" + escapeLabelValue(label) + "\"} " + number(value) + '\n';
    }
    return out;
}

} // namespace cairn
