#include "api/StreamLimitsJson.h"

#include <QJsonDocument>
#include <QList>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

constexpr qint64 kMaxStreams = 100000;                // far beyond what one machine serves
constexpr qint64 kMaxKBps = 10LL * 1000 * 1000;       // 10 GB/s, as the throttle route's cap
constexpr qint64 kMaxRequestRate = 1000000;           // requests per second or burst per address

// One editable field: its JSON name, its range and how it maps onto StreamLimits.
struct LimitField
{
    QString name;
    qint64 min;
    qint64 max;
    qint64 (*get)(const StreamLimits &);
    void (*set)(StreamLimits &, qint64);
};

const QList<LimitField> &limitFields()
{
    static const QList<LimitField> fields{
        {u"maxStreams"_s, 0, kMaxStreams, [](const StreamLimits &l) { return qint64(l.maxStreams); },
         [](StreamLimits &l, qint64 v) { l.maxStreams = int(v); }},
        {u"maxStreamsPerUser"_s, 0, kMaxStreams, [](const StreamLimits &l) { return qint64(l.maxStreamsPerUser); },
         [](StreamLimits &l, qint64 v) { l.maxStreamsPerUser = int(v); }},
        {u"maxHlsSessionsPerUser"_s, 0, kMaxStreams,
         [](const StreamLimits &l) { return qint64(l.maxHlsSessionsPerUser); },
         [](StreamLimits &l, qint64 v) { l.maxHlsSessionsPerUser = int(v); }},
        {u"totalKBps"_s, 0, kMaxKBps, [](const StreamLimits &l) { return l.totalBytesPerSecond / 1000; },
         [](StreamLimits &l, qint64 v) { l.totalBytesPerSecond = v * 1000; }},
        {u"streamKBps"_s, 0, kMaxKBps, [](const StreamLimits &l) { return l.streamBytesPerSecond / 1000; },
         [](StreamLimits &l, qint64 v) { l.streamBytesPerSecond = v * 1000; }},
        // Refused clients are told to come back after this; 0 would invite a retry storm.
        {u"retryAfterSeconds"_s, 1, 3600, [](const StreamLimits &l) { return qint64(l.retryAfterSeconds); },
         [](StreamLimits &l, qint64 v) { l.retryAfterSeconds = int(v); }},
        {u"requestsPerSecond"_s, 0, kMaxRequestRate, [](const StreamLimits &l) { return qint64(l.requestsPerSecond); },
         [](StreamLimits &l, qint64 v) { l.requestsPerSecond = int(v); }},
        // At least one: a bucket that holds nothing would refuse every request.
        {u"requestBurst"_s, 1, kMaxRequestRate, [](const StreamLimits &l) { return qint64(l.requestBurst); },
         [](StreamLimits &l, qint64 v) { l.requestBurst = int(v); }},
    };
    return fields;
}

const LimitField *fieldNamed(const QString &name)
{
    for (const LimitField &f : limitFields())
        if (f.name == name)
            return &f;
    return nullptr;
}

// JSON numbers are doubles: a whole number is one without a fraction, within the field's range.
bool isWholeInRange(const QJsonValue &value, const LimitField &field)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= double(field.min) && d <= double(field.max);
}

} // namespace

QJsonObject streamLimitsJson(const StreamLimits &limits)
{
    QJsonObject json;
    for (const LimitField &f : limitFields())
        json.insert(f.name, f.get(limits));
    return json;
}

Result<StreamLimits> editedStreamLimits(const StreamLimits &current, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return DomainError::invalid(u"the body must be a JSON object of stream limits"_s);
    StreamLimits edited = current;
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const LimitField *field = fieldNamed(it.key());
        if (!field)
            return DomainError::invalid(u"%1 is not a stream limit"_s.arg(it.key()));
        if (!isWholeInRange(it.value(), *field))
            return DomainError::invalid(u"%1 must be a whole number from %2 to %3"_s.arg(field->name).arg(field->min).arg(field->max));
        field->set(edited, qint64(it.value().toDouble()));
    }
    return edited;
}

} // namespace cairn
