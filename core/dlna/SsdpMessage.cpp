#include "SsdpMessage.h"

namespace cairn::dlna {

namespace {

QList<QByteArrayView> splitOn(QByteArrayView text, char separator)
{
    QList<QByteArrayView> parts;
    qsizetype from = 0;
    for (qsizetype at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
        parts.append(text.sliced(from, at - from));
        from = at + 1;
    }
    parts.append(text.sliced(from));
    return parts;
}

bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':')
            return false;
    }
    return true;
}

std::optional<SsdpMessage::Kind> kindOf(QByteArrayView startLine)
{
    QList<QByteArrayView> parts = splitOn(startLine, ' ');
    parts.removeIf([](QByteArrayView part) { return part.isEmpty(); });
    if (parts.size() < 3)
        return std::nullopt;
    if (parts[0].startsWith("HTTP/1.") && parts[1] == "200")
        return SsdpMessage::Kind::Response;
    if (parts.size() != 3 || parts[1] != "*" || !parts[2].startsWith("HTTP/1."))
        return std::nullopt;
    if (parts[0] == "M-SEARCH")
        return SsdpMessage::Kind::Search;
    if (parts[0] == "NOTIFY")
        return SsdpMessage::Kind::Notify;
    return std::nullopt;
}

} // namespace

bool SsdpMessage::isSafeValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

std::optional<SsdpMessage> SsdpMessage::parse(QByteArrayView datagram)
{
    if (datagram.isEmpty() || datagram.size() > maxDatagramSize)
        return std::nullopt;
    // Lines end in CRLF; a bare LF is tolerated (some embedded stacks send it), a bare CR left
    // inside a line is not and makes that line unsafe.
    QList<QByteArrayView> lines;
    for (QByteArrayView line : splitOn(datagram, '\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
    }
    SsdpMessage message;
    message.m_startLine = lines.first().trimmed().toByteArray();
    if (!isSafeValue(message.m_startLine))
        return std::nullopt;
    const auto kind = kindOf(message.m_startLine);
    if (!kind)
        return std::nullopt;
    message.m_kind = *kind;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.isEmpty())
            break;   // end of headers; SSDP has no body
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArrayView name = line.first(colon).trimmed();
        if (!isToken(name) || !message.addHeader(name, line.sliced(colon + 1).trimmed()))
            return std::nullopt;
        if (message.m_headers.size() > maxHeaderCount)
            return std::nullopt;
    }
    return message;
}

SsdpMessage SsdpMessage::request(QByteArrayView method)
{
    SsdpMessage message;
    message.m_startLine = method.toByteArray() + " * HTTP/1.1";
    message.m_kind = method == "NOTIFY" ? Kind::Notify : Kind::Search;
    return message;
}

SsdpMessage SsdpMessage::response()
{
    SsdpMessage message;
    message.m_startLine = "HTTP/1.1 200 OK";
    message.m_kind = Kind::Response;
    return message;
}

QByteArray SsdpMessage::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool SsdpMessage::hasHeader(QByteArrayView name) const
{
    return headerCount(name) > 0;
}

int SsdpMessage::headerCount(QByteArrayView name) const
{
    int count = 0;
    for (const auto &header : m_headers) {
        if (name.compare(header.first, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

bool SsdpMessage::addHeader(QByteArrayView name, QByteArrayView value)
{
    if (!isToken(name) || !isSafeValue(value))
        return false;
    m_headers.append({name.toByteArray(), value.toByteArray()});
    return true;
}

QByteArray SsdpMessage::toDatagram() const
{
    QByteArray out = m_startLine + "\r\n";
    for (const auto &[name, value] : m_headers) {
        out += name + ':';
        if (!value.isEmpty())
            out += ' ' + value;
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

} // namespace cairn::dlna
