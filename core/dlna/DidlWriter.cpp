#include "DidlWriter.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

const QString kDidlNs = u"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/"_s;
const QString kDcNs = u"http://purl.org/dc/elements/1.1/"_s;
const QString kUpnpNs = u"urn:schemas-upnp-org:metadata-1-0/upnp/"_s;
const QString kDlnaNs = u"urn:schemas-dlna-org:metadata-1-0/"_s;
// Samsung's: its TVs take a video's subtitles from sec:CaptionInfoEx.
const QString kSecNs = u"http://www.sec.co.kr/"_s;
const QString kSrtProtocolInfo = u"http-get:*:text/srt:*"_s;

// Tags may hold characters XML 1.0 cannot carry at all (control codes, lone surrogates);
// QXmlStreamWriter would write them as they are and the renderer's parser would give up.
QString xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            safe += c;
            safe += text[++i];
        } else if (c.isSurrogate() || c.unicode() == 0xFFFE || c.unicode() == 0xFFFF
                   || (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')) {
            safe += QChar(0xFFFD);
        } else {
            safe += c;
        }
    }
    return safe;
}

QString dateOf(int year)
{
    return year > 0 ? u"%1-01-01"_s.arg(year, 4, 10, QChar(u'0')) : QString();
}

} // namespace

QString didlDuration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 hours = ms / 3600000;
    const qint64 minutes = ms / 60000 % 60;
    const qint64 seconds = ms / 1000 % 60;
    return u"%1:%2:%3.%4"_s.arg(hours)
        .arg(minutes, 2, 10, QChar(u'0'))
        .arg(seconds, 2, 10, QChar(u'0'))
        .arg(ms % 1000, 3, 10, QChar(u'0'));
}

DidlFilter::DidlFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == u"*"_s)
        return;
    m_all = false;
    const QStringList names = trimmed.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const QString n = name.trimmed();
        if (n == u"*"_s)
            m_all = true;
        m_names.insert(n);
        // "res@size" implies the <res> element it belongs to.
        if (const qsizetype at = n.indexOf(u'@'); at > 0)
            m_names.insert(n.left(at));
    }
}

bool DidlFilter::wants(const QString &property) const
{
    return m_all || m_names.contains(property);
}

DidlWriter::DidlWriter(const DidlLinks &links, DidlFilter filter)
    : m_links(links), m_filter(std::move(filter)), m_xml(&m_text)
{
    m_xml.writeDefaultNamespace(kDidlNs);
    m_xml.writeNamespace(kDcNs, u"dc"_s);
    m_xml.writeNamespace(kUpnpNs, u"upnp"_s);
    m_xml.writeNamespace(kDlnaNs, u"dlna"_s);
    m_xml.writeNamespace(kSecNs, u"sec"_s);
    m_xml.writeStartElement(kDidlNs, u"DIDL-Lite"_s);
}

void DidlWriter::add(const DidlObject &object)
{
    if (const auto *container = std::get_if<DidlContainer>(&object))
        writeContainer(*container);
    else
        writeItem(std::get<DidlItem>(object));
}

QString DidlWriter::finish()
{
    m_xml.writeEndElement();
    m_xml.writeEndDocument();
    return m_text;
}

void DidlWriter::writeOptional(const QString &nsUri, const QString &name, const QString &value,
                               const QString &filterName)
{
    if (!value.isEmpty() && m_filter.wants(filterName))
        m_xml.writeTextElement(nsUri, name, xmlSafe(value));
}

void DidlWriter::writeArt(const QString &url)
{
    if (url.isEmpty() || !m_filter.wants(u"upnp:albumArtURI"_s))
        return;
    m_xml.writeStartElement(kUpnpNs, u"albumArtURI"_s);
    // Without the profile, some TVs (Samsung, Sony) show no picture at all.
    m_xml.writeAttribute(kDlnaNs, u"profileID"_s, u"JPEG_TN"_s);
    m_xml.writeCharacters(xmlSafe(url));
    m_xml.writeEndElement();
}

void DidlWriter::writeContainer(const DidlContainer &c)
{
    m_xml.writeStartElement(kDidlNs, u"container"_s);
    m_xml.writeAttribute(u"id"_s, c.id);
    m_xml.writeAttribute(u"parentID"_s, c.parentId);
    m_xml.writeAttribute(u"restricted"_s, u"1"_s);
    m_xml.writeAttribute(u"searchable"_s, c.searchable ? u"1"_s : u"0"_s);
    m_xml.writeAttribute(u"childCount"_s, QString::number(c.childCount));
    m_xml.writeTextElement(kDcNs, u"title"_s, xmlSafe(c.title));
    m_xml.writeTextElement(kUpnpNs, u"class"_s, c.upnpClass);
    writeOptional(kUpnpNs, u"artist"_s, c.artist, u"upnp:artist"_s);
    writeOptional(kDcNs, u"creator"_s, c.artist, u"dc:creator"_s);
    writeOptional(kUpnpNs, u"genre"_s, c.genre, u"upnp:genre"_s);
    writeOptional(kDcNs, u"date"_s, dateOf(c.year), u"dc:date"_s);
    if (c.albumId > 0 && m_links.albumArtwork)
        writeArt(m_links.albumArtwork(c.albumId));
    m_xml.writeEndElement();
}

void DidlWriter::writeItem(const DidlItem &item)
{
    const Track &t = item.track;
    const bool audio = t.kind == MediaKind::Audio;
    m_xml.writeStartElement(kDidlNs, u"item"_s);
    m_xml.writeAttribute(u"id"_s, item.id);
    m_xml.writeAttribute(u"parentID"_s, item.parentId);
    if (!item.refId.isEmpty())
        m_xml.writeAttribute(u"refID"_s, item.refId);
    m_xml.writeAttribute(u"restricted"_s, u"1"_s);
    m_xml.writeTextElement(kDcNs, u"title"_s, xmlSafe(titleOf(t)));
    m_xml.writeTextElement(kUpnpNs, u"class"_s, itemClass(t));
    if (audio) {
        writeOptional(kDcNs, u"creator"_s, artistOf(t), u"dc:creator"_s);
        writeOptional(kUpnpNs, u"artist"_s, artistOf(t), u"upnp:artist"_s);
        writeOptional(kUpnpNs, u"album"_s, albumOf(t), u"upnp:album"_s);
        if (t.trackNumber > 0)
            writeOptional(kUpnpNs, u"originalTrackNumber"_s, QString::number(t.trackNumber),
                          u"upnp:originalTrackNumber"_s);
    }
    writeOptional(kUpnpNs, u"genre"_s, t.genre, u"upnp:genre"_s);
    writeOptional(kDcNs, u"date"_s, dateOf(t.year), u"dc:date"_s);
    if (m_links.artwork)
        writeArt(m_links.artwork(t));
    const QString caption = !audio && m_links.caption ? m_links.caption(t) : QString();
    if (!caption.isEmpty()) {
        // Samsung's two spellings (older models read the first), each naming the SubRip file.
        for (const QString &name : {u"CaptionInfo"_s, u"CaptionInfoEx"_s}) {
            if (!m_filter.wants(u"sec:"_s + name))
                continue;
            m_xml.writeStartElement(kSecNs, name);
            m_xml.writeAttribute(kSecNs, u"type"_s, u"srt"_s);
            m_xml.writeCharacters(xmlSafe(caption));
            m_xml.writeEndElement();
        }
    }
    if (m_links.resources && m_filter.wants(u"res"_s)) {
        const QList<DidlResource> resources = m_links.resources(t);
        for (const DidlResource &r : resources)
            writeResource(r);
        // Other renderers (LG, Panasonic, Kodi) look for a subtitle <res> beside the video's.
        if (!caption.isEmpty()) {
            DidlResource srt;
            srt.url = caption;
            srt.protocolInfo = kSrtProtocolInfo;
            writeResource(srt);
        }
    }
    m_xml.writeEndElement();
}

void DidlWriter::writeResource(const DidlResource &r)
{
    m_xml.writeStartElement(kDidlNs, u"res"_s);
    m_xml.writeAttribute(u"protocolInfo"_s, xmlSafe(r.protocolInfo));
    const auto attribute = [this](const QString &name, const QString &value, bool present) {
        if (present && m_filter.wants(u"res@"_s + name))
            m_xml.writeAttribute(name, value);
    };
    attribute(u"size"_s, QString::number(r.size), r.size >= 0);
    attribute(u"duration"_s, didlDuration(r.durationMs), r.durationMs > 0);
    attribute(u"bitrate"_s, QString::number(r.bitrateBytesPerSecond), r.bitrateBytesPerSecond > 0);
    attribute(u"sampleFrequency"_s, QString::number(r.sampleRate), r.sampleRate > 0);
    attribute(u"nrAudioChannels"_s, QString::number(r.channels), r.channels > 0);
    attribute(u"resolution"_s, r.resolution, !r.resolution.isEmpty());
    m_xml.writeCharacters(xmlSafe(r.url));
    m_xml.writeEndElement();
}

} // namespace cairn::dlna
