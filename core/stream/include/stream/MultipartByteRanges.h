#pragma once
// Layout of a multipart/byteranges body (RFC 9110 §14.6), computed up front so the writer can
// send an exact Content-Length and stream each part straight from the file.

#include "stream/ByteRange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace cairn {

struct MultipartPart
{
    QByteArray head; // "\r\n--BOUNDARY\r\nContent-Type: ...\r\nContent-Range: ...\r\n\r\n"
    ByteRange range; // the entity bytes that follow head
};

struct MultipartPlan
{
    QByteArray boundary;
    QByteArray contentType; // "multipart/byteranges; boundary=..."
    QList<MultipartPart> parts;
    QByteArray tail;        // "\r\n--BOUNDARY--\r\n"
    qint64 contentLength = 0; // heads + ranges + tail, exactly
};

// The body is: parts[0].head, bytes of parts[0].range, parts[1].head, ..., tail.
// An empty partContentType omits the per-part Content-Type line.
MultipartPlan planMultipart(const QList<ByteRange> &ranges, qint64 size, QByteArrayView partContentType);

} // namespace cairn
