#include "stream/MultipartByteRanges.h"

#include "stream/RangeRequest.h"

#include <QRandomGenerator>

namespace cairn {

namespace {

// 40 random alphanumerics: ~238 bits, so a collision with file content is not a practical concern.
QByteArray randomBoundary()
{
    static constexpr QByteArrayView alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QByteArray boundary = "cairn-";
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 40; ++i)
        boundary += alphabet.at(random->bounded(int(alphabet.size())));
    return boundary;
}

} // namespace

MultipartPlan planMultipart(const QList<ByteRange> &ranges, qint64 size, QByteArrayView partContentType)
{
    MultipartPlan plan;
    plan.boundary = randomBoundary();
    plan.contentType = "multipart/byteranges; boundary=" + plan.boundary;
    QByteArray typeLine;
    if (!partContentType.isEmpty())
        typeLine = "Content-Type: " + partContentType.toByteArray() + "\r\n";
    for (const ByteRange &range : ranges) {
        MultipartPart part;
        part.head = "\r\n--" + plan.boundary + "\r\n" + typeLine + "Content-Range: "
                    + contentRangeHeader(range, size) + "\r\n\r\n";
        part.range = range;
        plan.contentLength += part.head.size() + range.length();
        plan.parts.append(part);
    }
    plan.tail = "\r\n--" + plan.boundary + "--\r\n";
    plan.contentLength += plan.tail.size();
    return plan;
}

} // namespace cairn
