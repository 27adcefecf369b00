#pragma once
// A strict reader of the Prometheus text exposition format (0.0.4) for tests: checks every
// line and returns the samples, so a malformed line fails the test that scraped it.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace cairn::test {

struct PrometheusScrape
{
    QString error;                      // first problem found, empty when the text is valid
    QMap<QString, double> samples;      // "name{a=\"x\",b=\"y\"}" (labels as written) → value
    QMap<QString, QString> types;       // family name → counter/gauge/histogram/…

    double value(const QString &key) const { return samples.value(key, 0); }
};

PrometheusScrape parsePrometheusText(const QByteArray &text);

} // namespace cairn::test
