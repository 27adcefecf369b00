#include "FileReply.h"

#include "stream/EntityTag.h"
#include "stream/HttpDate.h"
#include "stream/MultipartByteRanges.h"
#include "stream/Preconditions.h"
#include "stream/RangeRequest.h"

#include "ConditionalRequest.h"
#include "FileBody.h"
#include "HttpExchange.h"
#include "JsonErrorAnswer.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

bool replyWithFile(HttpExchange &ex, const QString &path, const FileReplyOptions &options)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return false;
    const QFileInfo info(*file);
    const qint64 size = file->size();
    const QDateTime mtime = info.lastModified().toUTC();
    const Validators validators{strongEtagFor(size, mtime, options.entityId),
                                QDateTime::fromSecsSinceEpoch(mtime.toSecsSinceEpoch(), Qt::UTC)};

    HttpResponse head;
    head.setHeader("Accept-Ranges", "bytes");
    head.setHeader("ETag", validators.etag);
    head.setHeader("Last-Modified", formatHttpDate(validators.lastModified));
    head.setHeader("Cache-Control", options.cacheControl);
    for (const auto &[name, value] : options.headers)
        head.setHeader(name, value);

    const ConditionalHeaders conditions = conditionalHeaders(ex.request());
    switch (evaluatePreconditions(conditions, validators)) {
    case PreconditionResult::NotModified:
        head.status = 304;
        ex.respond(head);
        return true;
    case PreconditionResult::PreconditionFailed: {
        HttpResponse r = jsonProtocolAnswer(412, u"precondition failed"_s);
        r.setHeader("ETag", validators.etag);
        ex.respond(r);
        return true;
    }
    case PreconditionResult::Proceed:
        break;
    }

    RangeResolution ranges;
    const QByteArray rangeHeader = ex.request().header("range");
    if (!rangeHeader.isEmpty() && ifRangeAllowsPartial(conditions, validators))
        ranges = resolveRange(rangeHeader, size);

    if (!options.contentDisposition.isEmpty())
        head.setHeader("Content-Disposition", options.contentDisposition);

    switch (ranges.outcome) {
    case RangeOutcome::Unsatisfiable: {
        HttpResponse r = jsonProtocolAnswer(416, u"range not satisfiable"_s);
        r.setHeader("Content-Range", unsatisfiedContentRange(size));
        r.setHeader("Accept-Ranges", "bytes");
        ex.respond(r);
        return true;
    }
    case RangeOutcome::Partial:
        head.status = 206;
        if (ranges.ranges.size() == 1) {
            head.setHeader("Content-Type", options.contentType);
            head.setHeader("Content-Range", contentRangeHeader(ranges.ranges.first(), size));
            ex.stream(head, FileBody::range(std::move(file), ranges.ranges.first()), options.stream);
        } else {
            const MultipartPlan plan = planMultipart(ranges.ranges, size, options.contentType);
            head.setHeader("Content-Type", plan.contentType);
            ex.stream(head, FileBody::multipart(std::move(file), plan), options.stream);
        }
        return true;
    case RangeOutcome::Full:
        head.status = 200;
        head.setHeader("Content-Type", options.contentType);
        ex.stream(head, FileBody::whole(std::move(file), size), options.stream);
        return true;
    }
    return true;
}

} // namespace cairn
