#pragma once
// The parts of a multipart/byteranges answer, read with the lengths the test expects (a part's
// bytes may contain anything, a blank line included): each part's head and bytes, or nullopt
// when the body does not follow its boundary (type, delimiters, the closing one).

#include "HttpTestClient.h"

#include <QList>
#include <QPair>

#include <optional>

namespace cairn::test {

struct BytesPart
{
    QByteArray head;
    QByteArray bytes;
};

inline std::optional<QList<BytesPart>> multipartParts(const RawResponse &r, const QList<QPair<qint64, qint64>> &ranges)
{
    const QByteArray type = r.header("Content-Type");
    if (!type.startsWith("multipart/byteranges; boundary="))
        return std::nullopt;
    const QByteArray boundary = type.mid(type.indexOf('=') + 1);
    QList<BytesPart> parts;
    qsizetype pos = 0;
    for (const auto &[first, last] : ranges) {
        pos = r.body.indexOf(QByteArray("--" + boundary + "\r\n"), pos);
        if (pos < 0)
            return std::nullopt;
        const qsizetype headEnd = r.body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return std::nullopt;
        parts.append({r.body.mid(pos, headEnd - pos), r.body.mid(headEnd + 4, last - first + 1)});
        pos = headEnd + 4 + (last - first + 1);
    }
    if (!r.body.mid(pos).startsWith(QByteArray("\r\n--" + boundary + "--")))
        return std::nullopt;
    return parts;
}

} // namespace cairn::test
