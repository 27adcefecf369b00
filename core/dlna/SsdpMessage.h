#pragma once
// One SSDP datagram: an HTTP-like start line and headers, no body (UPnP Device Architecture 1.1,
// section 1). Parsing is strict about what could be echoed back or grow memory (size, control
// characters, header count) and lenient about what real control points get wrong (case, spaces).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

namespace cairn::dlna {

class SsdpMessage
{
public:
    enum class Kind { Search, Notify, Response };

    // Datagrams above this are ignored: real SSDP messages are a few hundred bytes.
    static constexpr qsizetype maxDatagramSize = 8192;
    static constexpr int maxHeaderCount = 64;

    static std::optional<SsdpMessage> parse(QByteArrayView datagram);

    static SsdpMessage request(QByteArrayView method);   // "<method> * HTTP/1.1"
    static SsdpMessage response();                       // "HTTP/1.1 200 OK"

    Kind kind() const { return m_kind; }
    // Case-insensitive; the first occurrence; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    int headerCount(QByteArrayView name) const;

    // Values holding CR, LF or other control characters are refused (returns false): nothing a
    // peer sent may turn into a header of ours.
    bool addHeader(QByteArrayView name, QByteArrayView value);
    QByteArray toDatagram() const;

    static bool isSafeValue(QByteArrayView value);

private:
    Kind m_kind = Kind::Search;
    QByteArray m_startLine;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

} // namespace cairn::dlna
