#pragma once
// Answers GET/HEAD for a file on disk with RFC 9110 semantics: validators (strong ETag,
// Last-Modified), conditional requests (304/412), single and multiple ranges (206,
// multipart/byteranges), 416, If-Range; the body streams from the file, never whole in memory.

#include "activity/StreamInfo.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cairn {

class HttpExchange;

struct FileReplyOptions
{
    qint64 entityId = 0;            // part of the ETag, so two identical files differ
    QByteArray contentType;
    QByteArray contentDisposition;  // empty = none
    QByteArray cacheControl = "private, no-cache";
    StreamInfo stream;              // what the body is, for the activity list and history
    // Protocol headers of the media answers (200, 206, 304), e.g. DLNA's; not of the errors.
    QList<QPair<QByteArray, QByteArray>> headers;
};

// Returns false, without answering, when the file cannot be opened (the caller decides).
bool replyWithFile(HttpExchange &exchange, const QString &path, const FileReplyOptions &options);

} // namespace cairn
