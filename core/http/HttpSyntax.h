#pragma once
// The HTTP/1.1 grammar rules the request parser checks bytes against (RFC 9110 §5, RFC 9112
// §3, §7.1): tokens, field values, decimal lengths, hosts and chunk-size lines. Strict: what
// the grammar does not allow is refused, never repaired.

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace cairn::httpsyntax {

bool isTchar(char c);
bool isDigit(char c);
// 1*tchar.
bool isToken(QByteArrayView s);
// field-value: visible ASCII, obs-text, SP and HTAB; never NUL, CR, LF or another control.
bool isFieldValue(QByteArrayView s);
// Without leading and trailing SP and HTAB.
QByteArrayView trimOws(QByteArrayView s);
// 1*DIGIT and nothing else: no sign, no space, no hex; nullopt when not that or too large.
std::optional<qint64> parseDecimal(QByteArrayView s);
// uri-host [":" port]: reg-name, IPv4 or an IP-literal; empty is allowed (RFC 9112 §3.2).
bool isHostValue(QByteArrayView s);

// What a chunk-size line says: the size, or why it is refused (400 malformed, 413 when the
// chunk would take the body past its budget).
struct ChunkSize
{
    qint64 size = 0;
    int refusal = 0;   // 0 when the line is good
    QByteArray reason;
};
// chunk-size [ chunk-ext ] without its line end; `budget`: the body bytes still allowed.
ChunkSize parseChunkSizeLine(QByteArrayView line, qint64 budget);

} // namespace cairn::httpsyntax
