#include "api/PresetJson.h"

#include "api/JsonBody.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {
namespace {

// Applies the body's fields that are present; the first one of the wrong type is the error.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &body) : m_body(body) {}

    void text(const QString &name, QString &target)
    {
        if (m_error || !m_body.contains(name))
            return;
        if (!m_body.value(name).isString())
            return fail(u"'%1' must be a string"_s.arg(name));
        target = m_body.value(name).toString();
    }
    void integer(const QString &name, int &target)
    {
        if (m_error || !m_body.contains(name))
            return;
        // integerIn checks the range before converting: casting a double such as 2e90 to an
        // integer first was undefined behaviour (found by fuzz_preset).
        const Result<qint64> n = integerIn(m_body.value(name), name, 0, 1'000'000'000);
        if (!n)
            return fail(n.error().message);
        target = int(*n);
    }
    void fail(const QString &message, const QStringList &allowed = {})
    {
        if (!m_error)
            m_error = DomainError::invalid(message, allowed);
    }
    const std::optional<DomainError> &error() const { return m_error; }

private:
    const QJsonObject &m_body;
    std::optional<DomainError> m_error;
};

} // namespace

QJsonObject presetToJson(const Preset &p)
{
    const OutputFormatInfo &info = infoFor(p.format);
    return QJsonObject{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"format"_s, info.key},
                       {u"contentType"_s, QString::fromLatin1(info.mediaType)},
                       {u"bitrate"_s, p.bitrateKbps}, {u"sampleRate"_s, p.sampleRate},
                       {u"channels"_s, p.channels}, {u"seekable"_s, info.constantBitrate}};
}

QJsonObject presetToJson(const VideoPreset &p)
{
    return QJsonObject{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"width"_s, p.width}, {u"height"_s, p.height},
                       {u"videoBitrate"_s, p.videoKbps}, {u"audioBitrate"_s, p.audioKbps}};
}

Result<Preset> presetFromJson(const QJsonObject &body, Preset base)
{
    FieldReader read(body);
    read.text(u"name"_s, base.name);
    QString format = infoFor(base.format).key;
    read.text(u"format"_s, format);
    if (const auto known = outputFormatFromKey(format))
        base.format = *known;
    else
        read.fail(u"'format' must be one of: %1"_s.arg(outputFormatKeys().join(u", "_s)), outputFormatKeys());
    read.integer(u"bitrate"_s, base.bitrateKbps);
    read.integer(u"sampleRate"_s, base.sampleRate);
    read.integer(u"channels"_s, base.channels);
    if (read.error())
        return *read.error();
    return base;
}

Result<VideoPreset> presetFromJson(const QJsonObject &body, VideoPreset base)
{
    FieldReader read(body);
    read.text(u"name"_s, base.name);
    read.integer(u"width"_s, base.width);
    read.integer(u"height"_s, base.height);
    read.integer(u"videoBitrate"_s, base.videoKbps);
    read.integer(u"audioBitrate"_s, base.audioKbps);
    if (read.error())
        return *read.error();
    return base;
}

} // namespace cairn
